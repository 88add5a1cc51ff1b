/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.Nullable;

/**
 * The threads of one run: per file in flight ({@code concurrency}) a reader, which reads the card one
 * file at a time, and verifiers behind it, which wait for a file's writes, re-read the copies and
 * publish them while the reader is already on the next file. Several verifiers per reader because a
 * small file's completion is mostly latency (journal commits, re-reads from the device), which would
 * otherwise hold up the card between sidecars; the hand-over queue holds one file and the buffer
 * pool bounds the memory the files in flight hold.
 *
 * <p>One more reader, with verifiers of its own, takes only the files no larger than one read
 * buffer ({@link FileQueue}): a sidecar costs a card reader one short read but the engine several
 * round trips (journal commits, re-reads), and read alongside the clips that time disappears behind
 * theirs. The other readers take the clips first and then help with the sidecars. Where one syncfs
 * can be trusted, copies are made durable and published in batches ({@link BatchedPublisher}), not
 * by an fsync each.
 *
 * <p>When the card goes away the readers stop but the verifiers still finish the files already read
 * (their copies need no card); on a crash or cancellation they abandon them, leaving the temporary
 * files for the resume.
 */
final class Workers {

    private static final Object END = new Object();

    /** Verifier threads behind each reader. */
    static final int VERIFIERS_PER_READER = 3;

    private Workers() {
    }

    /**
     * Readers a run needs: {@code concurrency} for the clips (no more than there are files), and one
     * for the sidecars when there are any beside other files.
     */
    static int readers(int concurrency, FileQueue queue) {
        return clipReaders(concurrency, queue) + (hasSidecarReader(queue) ? 1 : 0);
    }

    private static int clipReaders(int concurrency, FileQueue queue) {
        return Math.max(1, Math.min(concurrency, queue.largeCount() + queue.smallCount()));
    }

    private static boolean hasSidecarReader(FileQueue queue) {
        return queue.smallCount() > 0 && queue.largeCount() + queue.smallCount() > 1;
    }

    /** Runs the files of {@code queue}; returns true if the calling thread was interrupted (cancelled). */
    static boolean run(RunContext ctx, FileQueue queue) {
        List<Thread> threads = new ArrayList<>();
        boolean cancelled = false;
        // The batch closes first: it publishes what the verifiers handed over, before the run ends.
        try (Verifiers verifiers = new Verifiers(ctx.settings(), ctx.jobId(), ctx.blockSizes());
                BatchedPublisher batch = new BatchedPublisher(ctx)) {
            Function<FileWork, FileCopier> copiers = w -> new FileCopier(ctx, verifiers, w, batch);
            for (int i = 0; i < clipReaders(ctx.request().concurrency(), queue); i++) {
                start(ctx, String.valueOf(i), queue::next, copiers, threads);
            }
            if (hasSidecarReader(queue)) {
                start(ctx, "small", queue::nextSmall, copiers, threads);
            }
            for (Thread t : threads) {
                while (true) {
                    try {
                        t.join();
                        break;
                    } catch (InterruptedException e) {
                        if (!cancelled) {
                            cancelled = true;
                            ctx.control().stop("Cancelled.");
                            threads.forEach(Thread::interrupt);
                        }
                    }
                }
            }
        }
        return cancelled;
    }

    /** Starts one reader taking its files from {@code files}, and the verifiers behind it. */
    private static void start(RunContext ctx, String lane, Supplier<@Nullable FileWork> files,
            Function<FileWork, FileCopier> copiers, List<Thread> threads) {
        BlockingQueue<Object> handOver = new ArrayBlockingQueue<>(1);
        threads.add(Thread.ofPlatform().name("cartwright-read-" + ctx.jobId() + "-" + lane)
                .start(() -> read(ctx, files, copiers, handOver)));
        for (int v = 0; v < VERIFIERS_PER_READER; v++) {
            threads.add(Thread.ofPlatform().name("cartwright-publish-" + ctx.jobId() + "-" + lane + "-" + v)
                    .start(() -> complete(ctx, handOver)));
        }
    }

    private static void read(RunContext ctx, Supplier<@Nullable FileWork> files,
            Function<FileWork, FileCopier> copiers, BlockingQueue<Object> handOver) {
        try {
            while (!ctx.control().stopped()) {
                FileWork w = files.get();
                if (w == null) {
                    return;
                }
                FileCopier copier = copiers.apply(w);
                try {
                    if (copier.read()) {
                        handOver(copier, handOver);
                    }
                } catch (SourceFailure e) {
                    ctx.control().stop(e.getMessage());
                } catch (InterruptedException e) {
                    ctx.control().stop("Cancelled.");
                } catch (Throwable t) {
                    ctx.control().crash(t);
                }
            }
        } finally {
            for (int v = 0; v < VERIFIERS_PER_READER; v++) {
                putUninterruptibly(handOver, END);
            }
        }
    }

    private static void handOver(FileCopier copier, BlockingQueue<Object> handOver) throws InterruptedException {
        try {
            handOver.put(copier);
        } catch (InterruptedException e) {
            copier.abandon();
            throw e;
        }
    }

    private static void complete(RunContext ctx, BlockingQueue<Object> handOver) {
        boolean cancelled = false;
        while (true) {
            Object item;
            try {
                item = handOver.take();
            } catch (InterruptedException e) {
                cancelled = true;
                ctx.control().stop("Cancelled.");
                continue; // keep taking until an END: every file must be completed or abandoned
            }
            if (item == END) {
                return;
            }
            FileCopier copier = (FileCopier) item;
            if (cancelled || ctx.control().crashCause() != null) {
                copier.abandon();
                continue;
            }
            try {
                copier.complete();
            } catch (SourceFailure e) {
                ctx.control().stop(e.getMessage());
            } catch (InterruptedException e) {
                cancelled = true;
                ctx.control().stop("Cancelled.");
            } catch (Throwable t) {
                ctx.control().crash(t);
            } finally {
                copier.abandon(); // no-op when completed; stops writes left behind by a failure
            }
        }
    }

    private static void putUninterruptibly(BlockingQueue<Object> queue, Object item) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(item);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
