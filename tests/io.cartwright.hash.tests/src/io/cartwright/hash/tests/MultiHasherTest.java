/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.Hashers;
import io.cartwright.hash.MultiHasher;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The MultiHasher contract: order, validation, and the same bytes reaching every algorithm. */
class MultiHasherTest {

    private static final List<HashAlgorithm> ALL = List.of(HashAlgorithm.values());

    @Test
    void keepsOrder() {
        List<HashAlgorithm> order = List.of(HashAlgorithm.SHA256, HashAlgorithm.XXH3_64, HashAlgorithm.C4,
                HashAlgorithm.MD5);
        MultiHasher m = new MultiHasher(order);
        assertEquals(order, new ArrayList<>(m.algorithms()));
        assertEquals(order, new ArrayList<>(m.values().keySet()));
    }

    @Test
    void rejectsEmptyAndDuplicates() {
        assertThrows(IllegalArgumentException.class, () -> new MultiHasher(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new MultiHasher(Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new MultiHasher(List.of(HashAlgorithm.MD5, HashAlgorithm.XXH64, HashAlgorithm.MD5)));
    }

    @Test
    void everyAlgorithmSeesTheSameBytesFromOneBuffer() {
        byte[] data = TestData.random(1_000_003);
        for (boolean direct : new boolean[] { false, true }) {
            int capacity = data.length + 10;
            ByteBuffer buffer = direct ? ByteBuffer.allocateDirect(capacity) : ByteBuffer.allocate(capacity);
            buffer.position(10);
            buffer.put(data).flip().position(10);
            MultiHasher m = new MultiHasher(ALL);
            m.update(buffer);
            assertEquals(buffer.limit(), buffer.position(), "buffer consumed");
            assertEquals(data.length, m.length());
            for (HashAlgorithm a : ALL) {
                assertEquals(Hashers.hash(a, data), m.values().get(a), a.id() + (direct ? " direct" : " heap"));
                assertEquals(Hashers.hash(a, data), m.value(a));
            }
        }
    }

    @Test
    void boundsAreChecked() {
        MultiHasher m = new MultiHasher(List.of(HashAlgorithm.XXH3_64));
        assertThrows(IndexOutOfBoundsException.class, () -> m.update(new byte[4], 2, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> m.update(new byte[4], -1, 1));
        assertEquals(0, m.length());
        m.update(new byte[4], 4, 0);
        m.update(ByteBuffer.allocate(0));
        assertEquals(Hashers.hash(HashAlgorithm.XXH3_64, new byte[0]), m.values().get(HashAlgorithm.XXH3_64));
    }

    @Test
    void valueOfMissingAlgorithmIsRefused() {
        MultiHasher m = new MultiHasher(List.of(HashAlgorithm.XXH3_64));
        assertThrows(IllegalArgumentException.class, () -> m.value(HashAlgorithm.MD5));
    }
}
