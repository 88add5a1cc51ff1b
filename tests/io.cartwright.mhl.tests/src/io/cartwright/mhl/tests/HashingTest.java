/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.junit.jupiter.api.Test;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.hash.Hashers;
import io.cartwright.mhl.AscMhl;
import io.cartwright.mhl.internal.DirectoryHasher;
import io.cartwright.mhl.internal.Hashing;

/** Hash text decoding used by directory hashes, and the scenario's directory hash vectors. */
class HashingTest {

    @Test
    void c4TextDecodesToTheSha512Digest() throws NoSuchAlgorithmException {
        for (String s : new String[] {"", "abcd\n", "BLOREM ipsum dolor sit amet"}) {
            byte[] data = s.getBytes(StandardCharsets.UTF_8);
            HashValue c4 = Hashers.hash(HashAlgorithm.C4, data);
            assertEquals(90, c4.text().length());
            assertArrayEquals(MessageDigest.getInstance("SHA-512").digest(data), Hashing.bytes(c4));
        }
    }

    @Test
    void hexTextDecodesBigEndian() {
        assertArrayEquals(new byte[] {0x0e, (byte) 0xa0, 0x3b, 0x36, (byte) 0x9a, 0x46, 0x3d, (byte) 0x9d},
                Hashing.bytes(new HashValue(HashAlgorithm.XXH64, "0ea03b369a463d9d")));
        assertTrue(Hashing.same(new HashValue(HashAlgorithm.MD5, "ABCDEF0123456789ABCDEF0123456789"),
                new HashValue(HashAlgorithm.MD5, "abcdef0123456789abcdef0123456789")));
        assertFalse(Hashing.same(new HashValue(HashAlgorithm.MD5, "abcdef0123456789abcdef0123456789"),
                new HashValue(HashAlgorithm.SHA1, "abcdef0123456789abcdef0123456789")));
    }

    @Test
    void scenarioDirectoryHashVectors() {
        HashAlgorithm x = HashAlgorithm.XXH64;
        DirectoryHasher clips = new DirectoryHasher(x);
        clips.addFile("A002C007_141024_R2EC.mov", new HashValue(x, "7680e5f98f4a80fd"));
        clips.addFile("A002C006_141024_R2EC.mov", new HashValue(x, "0ea03b369a463d9d"));
        assertEquals(new HashValue(x, "4c226b42e27d7af3"), clips.content());
        assertEquals(new HashValue(x, "906faa843d591a9f"), clips.structure());

        DirectoryHasher root = new DirectoryHasher(x);
        root.addFile("Sidecar.txt", new HashValue(x, "3ab5a4166b9bde44"));
        root.addDirectory("Clips", clips.content(), clips.structure());
        assertEquals(new HashValue(x, "8d02114c32e28cbe"), root.content());
        assertEquals(new HashValue(x, "f557f8ca8e5a88ef"), root.structure());
    }

    @Test
    void formatsKnownToAscMhl() {
        assertFalse(AscMhl.isSupported(HashAlgorithm.SHA256));
        for (HashAlgorithm a : HashAlgorithm.values()) {
            assertEquals(a != HashAlgorithm.SHA256, AscMhl.isSupported(a), a.id());
        }
        assertEquals("xxh128", AscMhl.FORMAT_ORDER.get(3).id());
        assertEquals(HashAlgorithm.MD5, AscMhl.VERIFICATION_PRIORITY.get(0));
    }
}
