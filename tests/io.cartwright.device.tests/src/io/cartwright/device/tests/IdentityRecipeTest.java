/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.device.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.cartwright.device.IdentityRecipe;
import io.cartwright.mount.FilesystemFacts;
import io.cartwright.mount.MountedVolume;

/** The documented recipe (docs/devices.md), key by key. */
class IdentityRecipeTest {

    @Test
    void filesystemKeysUseFamilyIdAndCapacityButNeverTheLabel() {
        String a = IdentityRecipe.filesystemKey(new FilesystemFacts("exfat", "6bae-d987", "A001", 1000)).orElseThrow();
        assertEquals("fs:v1:EXFAT:6BAED987:1000", a);
        assertEquals(a, IdentityRecipe.filesystemKey(new FilesystemFacts("exFAT", "6BAE-D987", "RENAMED", 1000)).orElseThrow());
        assertNotEquals(a, IdentityRecipe.filesystemKey(new FilesystemFacts("exfat", "6BAE-D987", "A001", 2000)).orElseThrow());
        assertEquals(IdentityRecipe.filesystemKey(new FilesystemFacts("vfat", "1234-ABCD", "", 5)),
                IdentityRecipe.filesystemKey(new FilesystemFacts("fat32", "1234-ABCD", "", 5)), "one OS may say only vfat");
        assertTrue(IdentityRecipe.filesystemKey(new FilesystemFacts("exfat", "", "A001", 1000)).isEmpty());
        assertTrue(IdentityRecipe.filesystemKey(new FilesystemFacts("exfat", "0000-0000", "A001", 1000)).isEmpty());
    }

    @Test
    void hardwareKeysOnlyForTheMediumsOwnSerial() {
        MountedVolume reader = MountedVolume.builder("k", Path.of("/m")).vendor("Generic").model("STORAGE DEVICE")
                .hardwareSerial("000000000819", false).build();
        assertTrue(IdentityRecipe.hardwareKey(reader).isEmpty());
        MountedVolume ssd = MountedVolume.builder("k", Path.of("/m")).vendor("Samsung").model("PSSD  T7")
                .hardwareSerial("s5sx/123", true).partition(2).build();
        assertEquals("hw:v1:SAMSUNG/PSSD T7/S5SX_123/p2", IdentityRecipe.hardwareKey(ssd).orElseThrow());
    }
}
