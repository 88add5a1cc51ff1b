/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash.internal;

import io.cartwright.hash.HashAlgorithm;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The byte layout of saved hash states. Checkpoints are written to the journal and read back after
 * a crash, so every state carries a magic, a format version, the algorithm's id and the byte count,
 * and ends with a CRC-32C: a torn write, a state of another algorithm or random bytes are refused
 * with an {@link IllegalArgumentException} instead of silently producing a wrong hash.
 *
 * <pre>
 * hasher state:  "CWHS" | version:u8 | idLength:u8 | id:ASCII | length:i64 | n:i32 | engine state[n] | crc32c:i32
 * multi state:   "CWMH" | version:u8 | count:u8 | (n:i32 | hasher state[n]) * count | crc32c:i32
 * </pre>
 *
 * Integers are big-endian. The engine state is the library's own (hash4j {@code getState()},
 * BouncyCastle {@code getEncodedState()}); it is only guaranteed to be readable by the same library
 * versions, which is enough for resuming an interrupted copy.
 */
public final class StateCodec {

    /** Format version written now; bump it when the layout changes. */
    public static final int VERSION = 1;

    private static final int HASHER_MAGIC = 0x43574853; // "CWHS"
    private static final int MULTI_MAGIC = 0x43574D48; // "CWMH"
    private static final int MAX_ENGINE_STATE = 1 << 20;

    private StateCodec() {
    }

    /** A decoded hasher state. */
    public record HasherState(HashAlgorithm algorithm, long length, byte[] engineState) {
    }

    static byte[] encodeHasher(HashAlgorithm algorithm, long length, byte[] engineState) {
        byte[] id = algorithm.id().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(4 + 1 + 1 + id.length + 8 + 4 + engineState.length + 4);
        b.putInt(HASHER_MAGIC).put((byte) VERSION).put((byte) id.length).put(id);
        b.putLong(length).putInt(engineState.length).put(engineState);
        return seal(b);
    }

    /**
     * Parses and validates a hasher state.
     *
     * @throws IllegalArgumentException if it is not a complete, intact state of this format
     */
    public static HasherState decodeHasher(byte[] state) {
        ByteBuffer b = open(state, HASHER_MAGIC, "hash state");
        try {
            int idLength = Byte.toUnsignedInt(b.get());
            byte[] id = new byte[idLength];
            b.get(id);
            String name = new String(id, StandardCharsets.US_ASCII);
            HashAlgorithm algorithm = null;
            for (HashAlgorithm a : HashAlgorithm.values()) {
                if (a.id().equals(name)) {
                    algorithm = a;
                }
            }
            if (algorithm == null) {
                throw new IllegalArgumentException("Hash state is for an unknown algorithm '" + name + "'");
            }
            long length = b.getLong();
            int n = b.getInt();
            if (length < 0 || n < 0 || n > MAX_ENGINE_STATE || n != b.remaining()) {
                throw new IllegalArgumentException("Hash state for " + name + " is malformed");
            }
            byte[] engine = new byte[n];
            b.get(engine);
            return new HasherState(algorithm, length, engine);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("Hash state is truncated", e);
        }
    }

    /** Concatenates hasher states into one multi-hasher checkpoint. */
    public static byte[] encodeMulti(List<byte[]> hasherStates) {
        if (hasherStates.isEmpty() || hasherStates.size() > 255) {
            throw new IllegalArgumentException("A checkpoint holds 1 to 255 hash states, not " + hasherStates.size());
        }
        int size = 4 + 1 + 1 + 4;
        for (byte[] s : hasherStates) {
            size += 4 + s.length;
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.putInt(MULTI_MAGIC).put((byte) VERSION).put((byte) hasherStates.size());
        for (byte[] s : hasherStates) {
            b.putInt(s.length).put(s);
        }
        return seal(b);
    }

    /**
     * Splits a multi-hasher checkpoint into its hasher states (each still to be decoded).
     *
     * @throws IllegalArgumentException if it is not a complete, intact checkpoint of this format
     */
    public static List<byte[]> decodeMulti(byte[] checkpoint) {
        ByteBuffer b = open(checkpoint, MULTI_MAGIC, "multi-hash checkpoint");
        try {
            int count = Byte.toUnsignedInt(b.get());
            if (count == 0) {
                throw new IllegalArgumentException("Multi-hash checkpoint holds no hash state");
            }
            List<byte[]> states = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int n = b.getInt();
                if (n < 0 || n > b.remaining()) {
                    throw new IllegalArgumentException("Multi-hash checkpoint is malformed");
                }
                byte[] s = new byte[n];
                b.get(s);
                states.add(s);
            }
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("Multi-hash checkpoint has trailing bytes");
            }
            return states;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("Multi-hash checkpoint is truncated", e);
        }
    }

    private static byte[] seal(ByteBuffer b) {
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, b.position());
        b.putInt((int) crc.getValue());
        return b.array();
    }

    /** Checks magic, version and checksum; returns a buffer positioned after the version byte, without the CRC. */
    private static ByteBuffer open(byte[] bytes, int magic, String what) {
        if (bytes == null || bytes.length < 4 + 1 + 4) {
            throw new IllegalArgumentException("Not a Cartwright " + what + ": "
                    + (bytes == null ? "null" : bytes.length + " bytes") + " is too short");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int found = b.getInt();
        if (found != magic) {
            String hint = found == HASHER_MAGIC ? " (it is a single hash state)"
                    : found == MULTI_MAGIC ? " (it is a multi-hash checkpoint)" : "";
            throw new IllegalArgumentException("Not a Cartwright " + what + hint);
        }
        int version = Byte.toUnsignedInt(b.get());
        if (version != VERSION) {
            throw new IllegalArgumentException("Unsupported " + what + " format version " + version
                    + " (this build reads version " + VERSION + ")");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
        if (stored != (int) crc.getValue()) {
            throw new IllegalArgumentException("Corrupt " + what + ": checksum mismatch");
        }
        return b.limit(bytes.length - 4);
    }
}
