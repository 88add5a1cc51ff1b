/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The O_DIRECT block size of each filesystem a run touches, by device number. Finding it through
 * {@link DirectIo#blockSize} scans the mount table (~45 µs), and it was asked three times per file
 * (the card, then each copy to verify): a visible share of a card of many small files. A
 * {@code stat} names the device instead. Kept for one run only: a device number can come back for
 * another card after an unmount. Only usable sizes are kept, so a failed look-up is tried again.
 * Thread-safe.
 */
final class BlockSizes {

    private final Map<Object, Integer> byDevice = new ConcurrentHashMap<>();

    /** As {@link DirectIo#blockSize(Path)}, remembered for the device holding {@code path}. */
    int of(Path path) {
        Object device;
        try {
            device = Files.getAttribute(path, "unix:dev");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return DirectIo.blockSize(path); // no device number here: ask every time
        }
        Integer known = byDevice.get(device);
        if (known != null) {
            return known;
        }
        int size = DirectIo.blockSize(path);
        if (size > 0) {
            byDevice.put(device, size);
        }
        return size;
    }
}
