/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash;

import io.cartwright.hash.internal.Engines;
import io.cartwright.hash.internal.StateCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Several algorithms fed from one read (engine rule "read once"): every {@code update} passes the
 * same bytes to each hasher, in the order the algorithms were given, without copying them.
 * {@link #checkpoint()} saves all states in one versioned, checksummed blob that
 * {@link #restore(byte[])} turns back into an equivalent instance.
 *
 * <p>Not thread-safe: one reader feeds it.
 */
public final class MultiHasher {

    private final List<StreamingHasher> hashers;
    private final Set<HashAlgorithm> algorithms;
    private long length;

    /**
     * @param algorithms the algorithms to compute, in the order {@link #values()} reports them
     * @throws IllegalArgumentException if empty or if an algorithm is listed twice
     */
    public MultiHasher(Collection<HashAlgorithm> algorithms) {
        this(createAll(algorithms), 0);
    }

    private MultiHasher(List<StreamingHasher> hashers, long length) {
        this.hashers = List.copyOf(hashers);
        LinkedHashSet<HashAlgorithm> set = new LinkedHashSet<>();
        for (StreamingHasher h : hashers) {
            set.add(h.algorithm());
        }
        this.algorithms = Collections.unmodifiableSet(set);
        this.length = length;
    }

    private static List<StreamingHasher> createAll(Collection<HashAlgorithm> algorithms) {
        Objects.requireNonNull(algorithms, "algorithms");
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("MultiHasher needs at least one algorithm");
        }
        EnumSet<HashAlgorithm> seen = EnumSet.noneOf(HashAlgorithm.class);
        List<StreamingHasher> list = new ArrayList<>(algorithms.size());
        for (HashAlgorithm a : algorithms) {
            Objects.requireNonNull(a, "algorithm");
            if (!seen.add(a)) {
                throw new IllegalArgumentException("Algorithm " + a.id() + " is listed more than once");
            }
            list.add(Hashers.create(a));
        }
        return list;
    }

    /** Feeds {@code count} bytes of {@code bytes} from {@code offset} to every hasher. */
    public void update(byte[] bytes, int offset, int count) {
        Objects.checkFromIndexSize(offset, count, bytes.length);
        for (StreamingHasher h : hashers) {
            h.update(bytes, offset, count);
        }
        length += count;
    }

    /**
     * Feeds the buffer's remaining bytes to every hasher; afterwards the position equals the limit.
     * Each hasher reads the same region of the same buffer (the position is reset between them);
     * the buffer is never copied as a whole, so a large direct read buffer can be passed as is.
     */
    public void update(ByteBuffer buffer) {
        int start = buffer.position();
        int end = buffer.limit();
        for (StreamingHasher h : hashers) {
            buffer.position(start);
            h.update(buffer);
        }
        buffer.position(end);
        length += end - start;
    }

    /** Total number of bytes fed so far (the same for every algorithm). */
    public long length() {
        return length;
    }

    /** The algorithms, in construction order. */
    public Set<HashAlgorithm> algorithms() {
        return algorithms;
    }

    /** The current value of every algorithm, in construction order; the stream continues. */
    public Map<HashAlgorithm, HashValue> values() {
        LinkedHashMap<HashAlgorithm, HashValue> map = new LinkedHashMap<>();
        for (StreamingHasher h : hashers) {
            map.put(h.algorithm(), h.value());
        }
        return Collections.unmodifiableMap(map);
    }

    /** The current value of one algorithm. */
    public HashValue value(HashAlgorithm algorithm) {
        for (StreamingHasher h : hashers) {
            if (h.algorithm() == algorithm) {
                return h.value();
            }
        }
        throw new IllegalArgumentException("This MultiHasher does not compute " + algorithm.id()
                + "; it computes " + algorithms);
    }

    /**
     * Serialises every hasher's state (with the byte count) into one blob for a resume journal.
     * The blob is opaque; read it back with {@link #restore(byte[])}.
     */
    public byte[] checkpoint() {
        List<byte[]> states = new ArrayList<>(hashers.size());
        for (StreamingHasher h : hashers) {
            states.add(h.state());
        }
        return StateCodec.encodeMulti(states);
    }

    /**
     * Rebuilds a MultiHasher from {@link #checkpoint()}: same algorithms in the same order, same
     * length, and it continues exactly where the saved one stopped.
     *
     * @throws IllegalArgumentException if the checkpoint is truncated, corrupt, of an unsupported
     *         version or internally inconsistent
     */
    public static MultiHasher restore(byte[] checkpoint) {
        List<byte[]> states = StateCodec.decodeMulti(checkpoint);
        List<StreamingHasher> list = new ArrayList<>(states.size());
        EnumSet<HashAlgorithm> seen = EnumSet.noneOf(HashAlgorithm.class);
        long length = -1;
        for (byte[] s : states) {
            StateCodec.HasherState decoded = StateCodec.decodeHasher(s);
            HashAlgorithm a = decoded.algorithm();
            if (!seen.add(a)) {
                throw new IllegalArgumentException("Multi-hash checkpoint lists " + a.id() + " twice");
            }
            if (length >= 0 && decoded.length() != length) {
                throw new IllegalArgumentException("Multi-hash checkpoint is inconsistent: " + a.id() + " has seen "
                        + decoded.length() + " bytes, the others " + length);
            }
            length = decoded.length();
            list.add(Engines.restore(decoded));
        }
        return new MultiHasher(list, length);
    }

    @Override
    public String toString() {
        return "MultiHasher" + algorithms + "[" + length + " bytes]";
    }
}
