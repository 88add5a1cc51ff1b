/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.mhl.MhlV1Creator;
import io.cartwright.mhl.MhlV1Entry;

/** Implementation of {@link io.cartwright.mhl.MhlV1Writer}. */
public final class MhlV1Xml {
    /** MHL v1 element per algorithm, in the order of the v1.1 XSD's hash choice. */
    private static final List<Map.Entry<HashAlgorithm, String>> ELEMENTS = List.of(
            Map.entry(HashAlgorithm.MD5, "md5"), Map.entry(HashAlgorithm.SHA1, "sha1"),
            Map.entry(HashAlgorithm.XXH64, "xxhash64be"));

    private MhlV1Xml() {
    }

    public static String fileName(String folderName, Instant startTime) {
        return folderName + "_" + Dates.name(startTime) + ".mhl";
    }

    public static byte[] toBytes(MhlV1Creator creator, List<MhlV1Entry> entries) {
        XmlOut x = new XmlOut();
        x.start("hashlist").attr("version", "1.1");
        x.start("creatorinfo");
        x.optionalLeaf("name", creator.name());
        x.leaf("username", creator.username());
        x.leaf("hostname", creator.hostname());
        x.leaf("tool", creator.tool());
        x.leaf("startdate", Dates.xmlZulu(creator.startDate()));
        x.leaf("finishdate", Dates.xmlZulu(creator.finishDate()));
        x.end();
        for (MhlV1Entry e : entries) {
            PathNames.checkRelative(e.file());
            x.start("hash");
            x.leaf("file", e.file());
            x.leaf("size", Long.toString(e.size()));
            x.optionalLeaf("creationdate", Dates.optionalXmlZulu(e.creationDate()));
            x.leaf("lastmodificationdate", Dates.xmlZulu(e.lastModificationDate()));
            int written = 0;
            for (Map.Entry<HashAlgorithm, String> element : ELEMENTS) {
                for (HashValue h : e.hashes()) {
                    if (h.algorithm() == element.getKey()) {
                        x.leaf(element.getValue(), h.text());
                        written++;
                        break;
                    }
                }
            }
            if (written == 0) {
                throw new IllegalArgumentException("No MHL v1 hash (md5, sha1 or xxh64) for " + e.file());
            }
            x.leaf("hashdate", Dates.xmlZulu(e.hashDate()));
            x.end();
        }
        return x.finish();
    }

    public static Path write(Path file, MhlV1Creator creator, List<MhlV1Entry> entries) throws IOException {
        AtomicFiles.writeNew(file, toBytes(creator, entries));
        return file;
    }
}
