/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.hash.Hashers;
import io.cartwright.mhl.MhlV1Creator;
import io.cartwright.mhl.MhlV1Entry;
import io.cartwright.mhl.MhlV1Writer;

/** Classic MHL v1.1 output. */
class MhlV1WriterTest {
    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant END = Instant.parse("2026-03-01T08:05:30Z");
    private static final Instant MTIME = Instant.parse("2026-02-28T17:45:10Z");

    @TempDir
    Path temp;

    private static final byte[] ABCD = "abcd\n".getBytes(StandardCharsets.US_ASCII);

    private static MhlV1Creator creator() {
        return new MhlV1Creator("Jo DIT", "jo", "dit-cart.local", "Cartwright 1.0.0", START, END);
    }

    private static List<MhlV1Entry> entries() {
        return List.of(
                new MhlV1Entry("CLIPS/A001C001.mov", 5, null, MTIME,
                        List.of(Hashers.hash(HashAlgorithm.XXH64, ABCD), Hashers.hash(HashAlgorithm.SHA256, ABCD),
                                Hashers.hash(HashAlgorithm.MD5, ABCD), Hashers.hash(HashAlgorithm.XXH3_64, ABCD)),
                        END),
                new MhlV1Entry("Sidecar & notes.txt", 58, MTIME, MTIME,
                        List.of(Hashers.hash(HashAlgorithm.SHA1, ABCD)), END));
    }

    @Test
    void documentHasTheV1ElementsInOrder() throws Exception {
        byte[] bytes = MhlV1Writer.toBytes(creator(), entries());
        String xml = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<hashlist version=\"1.1\">\n"), xml);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(bytes));
        Element root = doc.getDocumentElement();
        assertEquals("hashlist", root.getTagName());
        assertEquals("1.1", root.getAttribute("version"));
        List<Element> top = children(root);
        assertEquals(List.of("creatorinfo", "hash", "hash"), names(top));

        Element ci = top.get(0);
        assertEquals(List.of("name", "username", "hostname", "tool", "startdate", "finishdate"), names(children(ci)));
        assertEquals("jo", text(ci, "username"));
        assertEquals("2026-03-01T08:00:00Z", text(ci, "startdate"));
        assertEquals("2026-03-01T08:05:30Z", text(ci, "finishdate"));

        Element first = top.get(1);
        assertEquals(List.of("file", "size", "lastmodificationdate", "md5", "xxhash64be", "hashdate"),
                names(children(first)));
        assertEquals("CLIPS/A001C001.mov", text(first, "file"));
        assertEquals("5", text(first, "size"));
        assertEquals("2026-02-28T17:45:10Z", text(first, "lastmodificationdate"));
        assertEquals(Hashers.hash(HashAlgorithm.MD5, ABCD).text(), text(first, "md5"));
        assertEquals("0ea03b369a463d9d", text(first, "xxhash64be"));
        assertEquals("2026-03-01T08:05:30Z", text(first, "hashdate"));

        Element second = top.get(2);
        assertEquals(List.of("file", "size", "creationdate", "lastmodificationdate", "sha1", "hashdate"),
                names(children(second)));
        assertEquals("Sidecar & notes.txt", text(second, "file"));
        assertTrue(xml.contains("<file>Sidecar &amp; notes.txt</file>"), xml);
        assertEquals(Hashers.hash(HashAlgorithm.SHA1, ABCD).text(), text(second, "sha1"));
    }

    @Test
    void writesOnceUnderTheConventionalName() throws IOException {
        String name = MhlV1Writer.fileName("A001", START);
        assertEquals("A001_2026-03-01_080000.mhl", name);
        Path file = MhlV1Writer.write(temp.resolve(name), creator(), entries());
        assertEquals(new String(MhlV1Writer.toBytes(creator(), entries()), StandardCharsets.UTF_8),
                Files.readString(file));
        assertThrows(FileAlreadyExistsException.class, () -> MhlV1Writer.write(file, creator(), entries()));
        try (var s = Files.list(temp)) {
            assertEquals(List.of(name), s.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void entryWithoutAV1HashIsRejected() {
        List<MhlV1Entry> onlyXxh3 = List.of(new MhlV1Entry("a.mov", 5, null, MTIME,
                List.of(new HashValue(HashAlgorithm.XXH3_64, "5c6d5318a0809172")), END));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MhlV1Writer.toBytes(creator(), onlyXxh3));
        assertTrue(e.getMessage().contains("a.mov"), e.getMessage());
    }

    private static List<Element> children(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }

    private static List<String> names(List<Element> elements) {
        return elements.stream().map(Element::getTagName).toList();
    }

    private static String text(Element parent, String name) {
        return children(parent).stream().filter(e -> e.getTagName().equals(name)).findFirst().orElseThrow()
                .getTextContent();
    }
}
