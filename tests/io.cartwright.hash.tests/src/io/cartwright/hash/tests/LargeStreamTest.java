/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.MultiHasher;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * More than 2 GiB (past every {@code int} byte counter) streamed through a MultiHasher while the
 * same bytes are piped into {@code xxhsum -H3 -} and {@code md5sum -}. The data is generated on the
 * fly and never held in memory as a whole. Half-way past 2^31 bytes the MultiHasher is
 * checkpointed and replaced by its restored copy, so a state with a large length is exercised too.
 */
class LargeStreamTest {

    private static final long TOTAL = (1L << 31) + 12345;
    /** Odd block size, so block edges never line up with the engines' power-of-two blocks. */
    private static final int BLOCK = (1 << 20) + 4099;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void over2GiBEqualsXxhsumAndMd5sum() throws Exception {
        long start = System.nanoTime();
        PipeWriter xxhsum = new PipeWriter(HashAlgorithm.XXH3_64);
        PipeWriter md5sum = new PipeWriter(HashAlgorithm.MD5);
        MultiHasher hasher = new MultiHasher(List.of(HashAlgorithm.XXH3_64, HashAlgorithm.MD5));
        boolean checkpointed = false;

        byte[] pattern = new byte[4 << 20];
        new SplittableRandom(2_147_483_648L).nextBytes(pattern);
        long sent = 0;
        for (long k = 0; sent < TOTAL; k++) {
            int len = (int) Math.min(BLOCK, TOTAL - sent);
            byte[] block = new byte[len];
            // A shifting window of the random pattern plus the block number: never periodic.
            int from = (int) ((k * 7919) % (pattern.length - BLOCK));
            System.arraycopy(pattern, from, block, 0, len);
            ByteBuffer.wrap(block).putLong(0, k);

            xxhsum.send(block);
            md5sum.send(block);
            if ((k & 1) == 0) {
                hasher.update(block, 0, len);
            } else {
                hasher.update(ByteBuffer.wrap(block));
            }
            sent += len;
            if (!checkpointed && sent > (1L << 31)) {
                hasher = MultiHasher.restore(hasher.checkpoint());
                checkpointed = true;
            }
        }
        String xxh3Tool = xxhsum.finish();
        String md5Tool = md5sum.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("LargeStreamTest: %,d bytes hashed and piped in %.1f s%n", TOTAL, seconds);

        assertEquals(TOTAL, hasher.length());
        assertEquals(xxh3Tool, hasher.value(HashAlgorithm.XXH3_64).text(), "xxh3 vs xxhsum -H3");
        assertEquals(md5Tool, hasher.value(HashAlgorithm.MD5).text(), "md5 vs md5sum");
    }

    /** Feeds one tool's stdin from its own thread through a small bounded queue. */
    private static final class PipeWriter {
        private static final byte[] END = new byte[0];

        private final String name;
        private final Process process;
        private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(4);
        private final Thread thread;
        private volatile Throwable failure;

        PipeWriter(HashAlgorithm algorithm) throws IOException {
            List<String> cmd = new ArrayList<>(CliTools.command(algorithm));
            cmd.add("-");
            this.name = String.join(" ", cmd);
            this.process = CliTools.start(cmd, null);
            this.thread = new Thread(this::run, "pipe to " + name);
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            try (OutputStream out = process.getOutputStream()) {
                for (byte[] b = queue.take(); b != END; b = queue.take()) {
                    out.write(b);
                }
            } catch (Throwable t) {
                failure = t;
            }
        }

        void send(byte[] block) throws InterruptedException {
            while (!queue.offer(block, 1, TimeUnit.SECONDS)) {
                check();
            }
        }

        String finish() throws Exception {
            send(END);
            thread.join();
            check();
            return CliTools.readStdinResult(process, name);
        }

        private void check() {
            if (failure != null || !thread.isAlive() && !queue.isEmpty()) {
                process.destroyForcibly();
                throw new IllegalStateException("writing to '" + name + "' failed", failure);
            }
        }
    }
}
