/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.eclipse.jdt.annotation.Nullable;

/**
 * A small pretty-printing XML writer over the JDK's StAX writer: UTF-8, the declaration
 * {@code <?xml version="1.0" encoding="UTF-8"?>}, two-space indentation, one element per line, text
 * only in leaf elements, {@code \n} line ends and a final newline (the layout of the ASC MHL
 * reference files). Not thread-safe.
 */
final class XmlOut {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
    private final XMLStreamWriter xml;
    /** Per open element: whether it has child elements. */
    private final Deque<boolean[]> open = new ArrayDeque<>();

    XmlOut() {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        } catch (XMLStreamException | java.io.IOException e) {
            throw new IllegalStateException("Cannot create an XML writer", e);
        }
    }

    /** Opens an element on a new line. Attributes may follow until the next content call. */
    XmlOut start(String name) {
        try {
            if (!open.isEmpty()) {
                open.peek()[0] = true;
            }
            newline(open.size());
            xml.writeStartElement(name);
            open.push(new boolean[] {false});
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes an attribute of the element just opened; {@code null} values are skipped. */
    XmlOut attr(String name, @Nullable String value) {
        if (value == null) {
            return this;
        }
        try {
            xml.writeAttribute(name, checkChars(value));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a default namespace declaration on the element just opened. */
    XmlOut namespace(String uri) {
        try {
            xml.writeDefaultNamespace(uri);
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes text content (escaped) into the element just opened. */
    XmlOut text(String text) {
        try {
            xml.writeCharacters(checkChars(text));
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the innermost element; its end tag goes on its own line if it had child elements. */
    XmlOut end() {
        try {
            boolean[] hadChildren = open.pop();
            if (hadChildren[0]) {
                newline(open.size());
            }
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code <name>text</name>} on one line. */
    XmlOut leaf(String name, String text) {
        return start(name).text(text).end();
    }

    /** {@code <name>text</name>} on one line, skipped entirely if {@code text} is null. */
    XmlOut optionalLeaf(String name, @Nullable String text) {
        return text == null ? this : leaf(name, text);
    }

    /** Closes all open elements and returns the document's bytes. */
    byte[] finish() {
        try {
            while (!open.isEmpty()) {
                end();
            }
            xml.writeEndDocument();
            xml.flush();
            out.write('\n');
            out.flush();
            return bytes.toByteArray();
        } catch (XMLStreamException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void newline(int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** XML 1.0 cannot carry most control characters; refuse them rather than write a broken file. */
    private static String checkChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                throw new IllegalArgumentException(
                        "Text contains a character XML 1.0 cannot represent (U+" + Integer.toHexString(c) + "): " + s);
            }
        }
        return s;
    }
}
