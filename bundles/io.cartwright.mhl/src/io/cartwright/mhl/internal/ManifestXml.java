/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.mhl.AscMhl;
import io.cartwright.mhl.Author;
import io.cartwright.mhl.ChainEntry;
import io.cartwright.mhl.CreatorInfo;
import io.cartwright.mhl.DirectoryHashEntry;
import io.cartwright.mhl.FileHashEntry;
import io.cartwright.mhl.HashAction;
import io.cartwright.mhl.HashListReference;
import io.cartwright.mhl.Manifest;
import io.cartwright.mhl.ManifestEntry;
import io.cartwright.mhl.ProcessInfo;
import io.cartwright.mhl.ProcessType;
import io.cartwright.mhl.RecordedHash;
import io.cartwright.mhl.RootHash;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Serialises and parses ASC MHL manifests and chain files (JDK StAX for writing, DOM for reading).
 * Writing follows the XSD element order and puts hash formats in {@link AscMhl#FORMAT_ORDER}.
 */
public final class ManifestXml {
    /** Accepted manifest names: leading generation digits, as the reference reader accepts. */
    private static final Pattern MANIFEST_NAME = Pattern.compile("^(\\d{4,})(?:_.+)?\\.mhl$");
    private static final Map<String, HashAlgorithm> FORMATS = AscMhl.FORMAT_ORDER.stream()
            .collect(Collectors.toUnmodifiableMap(HashAlgorithm::id, Function.identity()));
    private static final Comparator<HashValue> XSD_ORDER = Comparator
            .comparingInt(v -> AscMhl.FORMAT_ORDER.indexOf(v.algorithm()));

    private ManifestXml() {
    }

    /** The generation number of a manifest file name, or -1 if the name is not a manifest's. */
    static int generationOf(String fileName) {
        Matcher m = MANIFEST_NAME.matcher(fileName);
        if (!m.matches() || fileName.startsWith(".")) {
            return -1;
        }
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- writing

    /** The manifest document as UTF-8 bytes. */
    public static byte[] write(Manifest manifest) {
        XmlOut x = new XmlOut();
        x.start("hashlist").attr("version", "2.0").namespace(AscMhl.MANIFEST_NAMESPACE);

        CreatorInfo c = manifest.creatorInfo();
        x.start("creatorinfo");
        x.leaf("creationdate", Dates.xml(c.creationDate()));
        x.leaf("hostname", c.hostname());
        x.start("tool").attr("version", c.toolVersion()).text(c.toolName()).end();
        for (Author a : c.authors()) {
            x.start("author").attr("email", a.email()).attr("phone", a.phone()).attr("role", a.role())
                    .text(a.name()).end();
        }
        x.optionalLeaf("location", c.location());
        x.optionalLeaf("comment", c.comment());
        x.end();

        ProcessInfo p = manifest.processInfo();
        x.start("processinfo");
        x.leaf("process", p.process().xmlName());
        RootHash root = p.rootHash();
        if (root != null) {
            x.start("roothash");
            writeContainer(x, "content", root.content(), root.hashDate());
            writeContainer(x, "structure", root.structure(), root.hashDate());
            x.end();
        }
        if (!p.ignorePatterns().isEmpty()) {
            x.start("ignore");
            for (String pattern : p.ignorePatterns()) {
                x.leaf("pattern", pattern);
            }
            x.end();
        }
        x.end();

        if (!manifest.entries().isEmpty()) {
            x.start("hashes");
            for (ManifestEntry e : manifest.entries()) {
                if (e instanceof FileHashEntry f) {
                    writeFile(x, f);
                } else if (e instanceof DirectoryHashEntry d) {
                    writeDirectory(x, d);
                }
            }
            x.end();
        }
        if (!manifest.references().isEmpty()) {
            x.start("references");
            for (HashListReference r : manifest.references()) {
                x.start("hashlistreference").leaf("path", r.path()).leaf("c4", r.c4()).end();
            }
            x.end();
        }
        return x.finish();
    }

    private static void writeFile(XmlOut x, FileHashEntry f) {
        x.start("hash");
        x.start("path").attr("size", f.size() < 0 ? null : Long.toString(f.size()))
                .attr("creationdate", Dates.optionalXml(f.creationDate()))
                .attr("lastmodificationdate", Dates.optionalXml(f.lastModificationDate())).text(f.path()).end();
        List<RecordedHash> hashes = new ArrayList<>(f.hashes());
        hashes.sort(Comparator.comparingInt(h -> AscMhl.FORMAT_ORDER.indexOf(h.value().algorithm())));
        for (RecordedHash h : hashes) {
            checkFormat(h.value());
            x.start(h.value().algorithm().id()).attr("action", h.action().xmlName())
                    .attr("hashdate", Dates.optionalXml(h.hashDate())).text(h.value().text()).end();
        }
        x.end();
    }

    private static void writeDirectory(XmlOut x, DirectoryHashEntry d) {
        x.start("directoryhash");
        x.start("path").attr("creationdate", Dates.optionalXml(d.creationDate()))
                .attr("lastmodificationdate", Dates.optionalXml(d.lastModificationDate())).text(d.path()).end();
        writeContainer(x, "content", d.content(), d.hashDate());
        writeContainer(x, "structure", d.structure(), d.hashDate());
        x.end();
    }

    private static void writeContainer(XmlOut x, String name, List<HashValue> values, @Nullable Instant hashDate) {
        x.start(name);
        List<HashValue> sorted = new ArrayList<>(values);
        sorted.sort(XSD_ORDER);
        for (HashValue v : sorted) {
            checkFormat(v);
            x.start(v.algorithm().id()).attr("hashdate", Dates.optionalXml(hashDate)).text(v.text()).end();
        }
        x.end();
    }

    private static void checkFormat(HashValue v) {
        if (!AscMhl.isSupported(v.algorithm())) {
            throw new IllegalArgumentException(v.algorithm().id() + " is not an ASC MHL hash format");
        }
    }

    /** The chain document {@code <ascmhldirectory>} as UTF-8 bytes. */
    public static byte[] writeChain(List<ChainEntry> entries) {
        XmlOut x = new XmlOut();
        x.start("ascmhldirectory").namespace(AscMhl.CHAIN_NAMESPACE);
        for (ChainEntry e : entries) {
            x.start("hashlist").attr("sequencenr", Integer.toString(e.sequenceNumber()));
            x.leaf("path", e.path());
            x.leaf("c4", e.c4());
            x.end();
        }
        return x.finish();
    }

    // ---------------------------------------------------------------- reading

    /**
     * Parses a manifest.
     *
     * @param fileName its file name (gives the generation number)
     * @throws IOException if it is not well-formed or not an ASC MHL v2 manifest
     */
    public static Manifest parse(String fileName, byte[] data) throws IOException {
        Element root = parseXml(data, fileName);
        if (!"hashlist".equals(root.getLocalName()) || !AscMhl.MANIFEST_NAMESPACE.equals(root.getNamespaceURI())) {
            throw new IOException(fileName + " is not an ASC MHL manifest (root element {" + root.getNamespaceURI()
                    + "}" + root.getLocalName() + ")");
        }
        try {
            Element ci = required(root, "creatorinfo", fileName);
            Element tool = required(ci, "tool", fileName);
            List<Author> authors = new ArrayList<>();
            for (Element a : children(ci, "author")) {
                authors.add(new Author(a.getTextContent().trim(), attr(a, "email"), attr(a, "phone"), attr(a, "role")));
            }
            CreatorInfo creator = new CreatorInfo(Dates.parse(text(required(ci, "creationdate", fileName))),
                    text(required(ci, "hostname", fileName)), text(tool), attr(tool, "version"), authors,
                    optionalText(ci, "location"), optionalText(ci, "comment"));

            Element pi = required(root, "processinfo", fileName);
            RootHash rootHash = null;
            Element rh = child(pi, "roothash");
            if (rh != null) {
                Element content = required(rh, "content", fileName);
                rootHash = new RootHash(formats(content), formats(required(rh, "structure", fileName)),
                        firstHashDate(content));
            }
            List<String> patterns = new ArrayList<>();
            Element ignore = child(pi, "ignore");
            if (ignore != null) {
                for (Element pattern : children(ignore, "pattern")) {
                    patterns.add(pattern.getTextContent());
                }
            }
            ProcessInfo process = new ProcessInfo(ProcessType.fromXml(text(required(pi, "process", fileName))),
                    rootHash, patterns);

            List<ManifestEntry> entries = new ArrayList<>();
            Element hashes = child(root, "hashes");
            if (hashes != null) {
                for (Element e : children(hashes, null)) {
                    if ("hash".equals(e.getLocalName())) {
                        entries.add(parseFile(e, fileName));
                    } else if ("directoryhash".equals(e.getLocalName())) {
                        entries.add(parseDirectory(e, fileName));
                    }
                }
            }
            List<HashListReference> references = new ArrayList<>();
            Element refs = child(root, "references");
            if (refs != null) {
                for (Element r : children(refs, "hashlistreference")) {
                    references.add(new HashListReference(text(required(r, "path", fileName)),
                            text(required(r, "c4", fileName))));
                }
            }
            return new Manifest(fileName, generationOf(fileName), creator, process, entries, references);
        } catch (IllegalArgumentException e) {
            throw new IOException(fileName + " is not a valid ASC MHL manifest: " + e.getMessage(), e);
        }
    }

    private static FileHashEntry parseFile(Element e, String fileName) throws IOException {
        Element path = required(e, "path", fileName);
        String size = attr(path, "size");
        List<RecordedHash> hashes = new ArrayList<>();
        for (Element h : children(e, null)) {
            HashAlgorithm algorithm = FORMATS.get(h.getLocalName());
            if (algorithm != null) {
                String action = attr(h, "action");
                hashes.add(new RecordedHash(new HashValue(algorithm, text(h)),
                        action == null ? HashAction.ORIGINAL : HashAction.fromXml(action),
                        Dates.parseOptional(attr(h, "hashdate"))));
            }
        }
        return new FileHashEntry(path.getTextContent(), size == null ? -1 : Long.parseLong(size.trim()),
                Dates.parseOptional(attr(path, "creationdate")), Dates.parseOptional(attr(path, "lastmodificationdate")),
                hashes);
    }

    private static DirectoryHashEntry parseDirectory(Element e, String fileName) throws IOException {
        Element path = required(e, "path", fileName);
        Element content = required(e, "content", fileName);
        return new DirectoryHashEntry(path.getTextContent(), Dates.parseOptional(attr(path, "creationdate")),
                Dates.parseOptional(attr(path, "lastmodificationdate")), formats(content),
                formats(required(e, "structure", fileName)), firstHashDate(content));
    }

    private static List<HashValue> formats(Element container) {
        List<HashValue> values = new ArrayList<>();
        for (Element h : children(container, null)) {
            HashAlgorithm algorithm = FORMATS.get(h.getLocalName());
            if (algorithm != null) {
                values.add(new HashValue(algorithm, text(h)));
            }
        }
        return values;
    }

    private static @Nullable Instant firstHashDate(Element container) {
        for (Element h : children(container, null)) {
            String d = attr(h, "hashdate");
            if (d != null) {
                return Dates.parse(d);
            }
        }
        return null;
    }

    /**
     * Parses {@code ascmhl_chain.xml}.
     *
     * @throws IOException if it is not well-formed or not a chain
     */
    public static List<ChainEntry> parseChain(byte[] data) throws IOException {
        Element root = parseXml(data, AscMhl.CHAIN_FILE);
        if (!"ascmhldirectory".equals(root.getLocalName()) || !AscMhl.CHAIN_NAMESPACE.equals(root.getNamespaceURI())) {
            throw new IOException(AscMhl.CHAIN_FILE + " is not an ASC MHL chain (root element {"
                    + root.getNamespaceURI() + "}" + root.getLocalName() + ")");
        }
        List<ChainEntry> entries = new ArrayList<>();
        int position = 0;
        try {
            for (Element h : children(root, "hashlist")) {
                position++;
                String seq = attr(h, "sequencenr");
                entries.add(new ChainEntry(seq == null ? position : Integer.parseInt(seq.trim()),
                        text(required(h, "path", AscMhl.CHAIN_FILE)), text(required(h, "c4", AscMhl.CHAIN_FILE))));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(AscMhl.CHAIN_FILE + " is not a valid chain: " + e.getMessage(), e);
        }
        entries.sort(Comparator.comparingInt(ChainEntry::sequenceNumber));
        return entries;
    }

    // ---------------------------------------------------------------- DOM helpers

    private static Element parseXml(byte[] data, String name) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                @Override
                @NonNullByDefault({}) // SAX leaves its parameters unannotated
                public void warning(SAXParseException e) {
                    // not a reason to reject the file
                }

                @Override
                @NonNullByDefault({})
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                @NonNullByDefault({})
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            Document doc = b.parse(new ByteArrayInputStream(data));
            return doc.getDocumentElement();
        } catch (SAXException e) {
            throw new IOException(name + " is not well-formed XML: " + e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Element children, all or those with local name {@code name}. */
    private static List<Element> children(Element parent, @Nullable String name) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || name.equals(e.getLocalName()))) {
                list.add(e);
            }
        }
        return list;
    }

    private static @Nullable Element child(Element parent, String name) {
        List<Element> list = children(parent, name);
        return list.isEmpty() ? null : list.get(0);
    }

    private static Element required(Element parent, String name, String fileName) throws IOException {
        Element e = child(parent, name);
        if (e == null) {
            throw new IOException(fileName + ": <" + parent.getLocalName() + "> has no <" + name + ">");
        }
        return e;
    }

    private static String text(Element e) {
        return e.getTextContent().trim();
    }

    private static @Nullable String optionalText(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent();
    }

    private static @Nullable String attr(Element e, String name) {
        return e.hasAttribute(name) ? e.getAttribute(name) : null;
    }
}
