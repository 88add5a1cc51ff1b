/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.mount.tests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cartwright.mount.Bus;
import io.cartwright.mount.Classification;
import io.cartwright.mount.FilesystemFacts;
import io.cartwright.mount.MountedVolume;
import io.cartwright.mount.spi.MountProvider;
import io.cartwright.mount.spi.MountSink;

/** A provider the test drives by hand. */
final class FakeProvider implements MountProvider {

    final List<MountedVolume> initial = new ArrayList<>();
    MountSink sink;
    boolean stopped;
    boolean failOnStart;

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public void start(MountSink s) {
        if (failOnStart) {
            throw new IllegalStateException("no OS facility here");
        }
        sink = s;
        initial.forEach(s::mounted);
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public Optional<FilesystemFacts> probe(String deviceNode) {
        return deviceNode.equals("/dev/fake1") ? Optional.of(new FilesystemFacts("exfat", "1234-ABCD", "NEW", 1 << 20))
                : Optional.empty();
    }

    static MountedVolume card(String key, String mountPoint) {
        return MountedVolume.builder(key, Path.of(mountPoint)).deviceNode("/dev/" + key).fsType("exfat").fsId("6BAE-D987")
                .label("CARD").capacity(64L << 20).removable(true).bus(Bus.USB).classification(Classification.REMOVABLE).build();
    }
}
