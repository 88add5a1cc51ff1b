/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.transfer.SnapshotFormat;
import io.cartwright.transfer.VerifiedCopy;
import io.cartwright.transfer.VerifiedFile;

/**
 * Writes a verification snapshot: per file its size, modification time, source hashes and every
 * verified copy with how and when it was re-read. Written to a temporary file and renamed, so a
 * reader never sees half a snapshot.
 */
final class SnapshotWriter {

    private SnapshotWriter() {
    }

    static void write(StoredJob job, List<VerifiedFile> files, SnapshotFormat format, Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path parent = abs.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temp = abs.resolveSibling("." + abs.getFileName() + ".cwpart");
        try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            if (format == SnapshotFormat.CSV) {
                csv(job, files, out);
            } else {
                json(job, files, out);
            }
        }
        Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void csv(StoredJob job, List<VerifiedFile> files, Writer out) throws IOException {
        List<HashAlgorithm> algorithms = job.request().algorithms();
        StringBuilder header = new StringBuilder("path,size,modified");
        for (HashAlgorithm a : algorithms) {
            header.append(',').append(a.id());
        }
        header.append(",destination,copy_path,verify_mode,verified_at\r\n");
        out.write(header.toString());
        for (VerifiedFile f : files) {
            for (VerifiedCopy c : f.copies()) {
                StringBuilder row = new StringBuilder();
                row.append(csvField(f.relativePath())).append(',').append(f.size()).append(',').append(f.modified());
                for (HashAlgorithm a : algorithms) {
                    HashValue v = f.hashes().get(a);
                    row.append(',').append(v == null ? "" : v.text());
                }
                row.append(',').append(c.destination()).append(',').append(csvField(c.file().toString())).append(',')
                        .append(c.mode().id()).append(',').append(c.verifiedAt()).append("\r\n");
                out.write(row.toString());
            }
        }
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static void json(StoredJob job, List<VerifiedFile> files, Writer out) throws IOException {
        out.write("{\"job\":" + job.id() + ",\"name\":" + str(job.request().name()) + ",\"source\":"
                + str(job.request().source().toString()) + ",\"state\":" + str(job.state().id())
                + ",\"exported_at\":" + str(Instant.now().toString()) + ",\"destinations\":[");
        for (int i = 0; i < job.destinations().size(); i++) {
            out.write((i > 0 ? "," : "") + str(job.destinations().get(i).root().toString()));
        }
        out.write("],\"files\":[");
        boolean first = true;
        for (VerifiedFile f : files) {
            out.write((first ? "" : ",") + "\n{\"path\":" + str(f.relativePath()) + ",\"size\":" + f.size()
                    + ",\"modified\":" + str(f.modified().toString()) + ",\"hashes\":{");
            first = false;
            boolean firstHash = true;
            for (Map.Entry<HashAlgorithm, HashValue> h : f.hashes().entrySet()) {
                out.write((firstHash ? "" : ",") + str(h.getKey().id()) + ":" + str(h.getValue().text()));
                firstHash = false;
            }
            out.write("},\"complete\":" + f.complete() + ",\"copies\":[");
            for (int i = 0; i < f.copies().size(); i++) {
                VerifiedCopy c = f.copies().get(i);
                out.write((i > 0 ? "," : "") + "{\"destination\":" + c.destination() + ",\"path\":"
                        + str(c.file().toString()) + ",\"verify_mode\":" + str(c.mode().id()) + ",\"verified_at\":"
                        + str(c.verifiedAt().toString()) + "}");
            }
            out.write("]}");
        }
        out.write("\n]}\n");
    }

    /** A JSON string literal. */
    static String str(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
