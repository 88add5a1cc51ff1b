/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The last stage of files whose copies go to filesystems that one {@code syncfs} makes durable
 * ({@link FilesystemSync}): their copies, written without an fsync and verified by a re-read from the
 * device (the {@code O_DIRECT} read writes dirty pages back first), wait here until a sync of their
 * filesystem has made them durable, and are then renamed into place, a batch at a time. An fsync
 * per copy cost a device flush each: where flushes are slow, a sixth of a whole offload went to the
 * sidecars' alone (ninth benchmark pass). A batch gathers what was verified while the previous one
 * synced, and for at least {@link #GATHER_NANOS} after it started, on a thread of its own, so the
 * verifiers go on meanwhile: a copy appears under its final name a fraction of a second later, and
 * a card costs a few dozen flushes instead of hundreds.
 *
 * <p>Nothing is renamed before it is durable. A crash leaves a batch's verified temporary files,
 * which the next run fsyncs and re-reads before renaming them; closing publishes what is left
 * unless the run crashed.
 */
final class BatchedPublisher implements AutoCloseable {

    /** Files per batch at most, so the first of a long run of sidecars do not wait for all the others. */
    static final int MAX_FILES = 64;

    /** The shortest time from one sync to the next while files keep arriving. */
    static final long GATHER_NANOS = 200_000_000L;

    private static final Object END = new Object();

    /** A file whose verified copies in {@code writes} wait to be made durable. */
    private record Entry(FileCopier copier, List<Target> writes) {
    }

    private final RunContext ctx;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    /** Destinations whose sync failed: nothing more is published there in this run. Batch thread only. */
    private final Set<Destination> syncFailed = new HashSet<>();

    BatchedPublisher(RunContext ctx) {
        this.ctx = ctx;
        this.thread = Thread.ofPlatform().name("cartwright-durable-" + ctx.jobId()).start(this::run);
    }

    /**
     * Hands over a file whose copies in {@code writes} are verified but not yet durable; it is
     * published and finished ({@link FileCopier#publishDurable}) once they are. Its other copies
     * need no sync (fsynced when written, or not written).
     */
    void add(FileCopier copier, List<Target> writes) {
        queue.add(new Entry(copier, List.copyOf(writes)));
    }

    /** Publishes what is still waiting (unless the run crashed) and ends the thread. */
    @Override
    public void close() {
        queue.add(END);
        Threads.joinUninterruptibly(thread);
    }

    private void run() {
        List<Object> items = new ArrayList<>();
        long lastSync = System.nanoTime() - GATHER_NANOS;
        while (true) {
            items.clear();
            items.add(takeUninterruptibly());
            gather(items, lastSync + GATHER_NANOS);
            lastSync = System.nanoTime();
            boolean end = items.remove(END); // the last item: close() comes after every add()
            List<Entry> batch = items.stream().map(Entry.class::cast).toList();
            if (!batch.isEmpty() && ctx.control().crashCause() == null) {
                try {
                    publish(batch);
                } catch (Throwable t) {
                    ctx.control().crash(t); // the batch's temporary files stay for the next run
                }
            }
            if (end) {
                return;
            }
        }
    }

    /** Adds what arrives until {@code deadline}, the batch is full or the run's files are all handed over. */
    private void gather(List<Object> items, long deadline) {
        queue.drainTo(items, MAX_FILES - items.size());
        boolean interrupted = false;
        while (items.size() < MAX_FILES && !items.contains(END)) {
            long wait = deadline - System.nanoTime();
            if (wait <= 0) {
                break;
            }
            try {
                Object next = queue.poll(wait, TimeUnit.NANOSECONDS);
                if (next != null) {
                    items.add(next);
                    queue.drainTo(items, MAX_FILES - items.size());
                }
            } catch (InterruptedException e) {
                interrupted = true;
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(List<Entry> batch) {
        Set<Target> durable = makeDurable(batch);
        for (Entry e : batch) {
            e.copier().publishDurable(t -> e.writes().contains(t) && !durable.contains(t));
        }
    }

    /**
     * One syncfs per filesystem; returns the copies now durable. A destination whose sync fails is
     * failed, and its copies, in this batch and later ones, are left out. One that failed otherwise
     * (it filled up with a later file) is still synced: its verified copies are good.
     */
    private Set<Target> makeDurable(List<Entry> batch) {
        Map<Long, List<Target>> byFilesystem = new LinkedHashMap<>();
        for (Entry e : batch) {
            for (Target t : e.writes()) {
                Long device = t.destination().syncfsDevice();
                if (device == null) {
                    throw new IllegalStateException("no filesystem to sync for " + t.finalPath());
                }
                byFilesystem.computeIfAbsent(device, k -> new ArrayList<>()).add(t);
            }
        }
        Set<Target> durable = new HashSet<>();
        // One filesystem after the other: the batch waits, but the verifiers and the card do not.
        for (List<Target> copies : byFilesystem.values()) {
            List<Destination> live = new ArrayList<>();
            for (Destination d : copies.stream().map(Target::destination).distinct().toList()) {
                if (syncFailed.contains(d)) {
                    continue;
                }
                try {
                    int copiesThere = (int) copies.stream().filter(t -> t.destination() == d).count();
                    ctx.hooks().beforeSync(d.index(), copiesThere);
                    live.add(d);
                } catch (IOException e) {
                    failed(d, e);
                }
            }
            if (live.isEmpty()) {
                continue;
            }
            List<Target> synced = copies.stream().filter(t -> live.contains(t.destination())).toList();
            try {
                if (!NativeIo.INSTANCE.syncFilesystem(live.get(0).root())) {
                    fsyncEach(synced); // libc without syncfs after all
                }
                durable.addAll(synced);
            } catch (IOException e) {
                live.forEach(d -> failed(d, e));
            }
        }
        return durable;
    }

    private static void fsyncEach(List<Target> copies) throws IOException {
        for (Target t : copies) {
            try (FileChannel ch = FileChannel.open(t.temp(), StandardOpenOption.WRITE)) {
                ch.force(true);
            }
        }
    }

    private void failed(Destination d, IOException e) {
        syncFailed.add(d);
        d.fail("Destination " + d.root() + " failed while making copies durable: " + e.getMessage()
                + ". Check the drive, then run the same command again to resume.");
    }

    private Object takeUninterruptibly() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queue.take();
                } catch (InterruptedException e) {
                    interrupted = true; // every file handed over must be published or left for the resume
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
