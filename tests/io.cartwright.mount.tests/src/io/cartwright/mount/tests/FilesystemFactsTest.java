/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cartwright.mount.FilesystemFacts;
import io.cartwright.mount.MountedVolume;

class FilesystemFactsTest {

    @ParameterizedTest
    @CsvSource({"vfat,fat", "msdos,fat", "FAT32,fat32", "MS-DOS (FAT16),fat16", "fuse.exfat,exfat", "exFAT,exfat",
            "ntfs3,ntfs", "ntfs-3g,ntfs", "hfs+,hfsplus", "ext4,ext4", "APFS,apfs"})
    void typesHaveOneSpelling(String os, String canonical) {
        assertEquals(canonical, FilesystemFacts.canonicalType(os));
    }

    @Test
    void fatVariantsShareAFamily() {
        assertEquals("fat", FilesystemFacts.family("fat32"));
        assertEquals("fat", FilesystemFacts.family("vfat"));
        assertEquals("exfat", FilesystemFacts.family("exfat"));
    }

    @Test
    void idsCompareByTheirHexDigits() {
        assertEquals("6BAED987", FilesystemFacts.normalisedId("6bae-d987"));
        assertEquals("6BAED987", FilesystemFacts.normalisedId(" 6BAE-D987 "));
        assertTrue(new FilesystemFacts("exfat", "6BAE-D987", "", 0).identifiable());
        assertFalse(new FilesystemFacts("exfat", "", "CARD", 0).identifiable());
    }

    @Test
    void aReaderSerialWithoutMediumIsNeverClaimedAsMedium() {
        MountedVolume v = MountedVolume.builder("k", Path.of("/m")).hardwareSerial("", true).build();
        assertFalse(v.serialIdentifiesMedium(), "no serial, nothing to identify");
    }
}
