/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.mhl.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.HashValue;
import io.cartwright.hash.Hashers;
import io.cartwright.mhl.AscMhl;
import io.cartwright.mhl.HashedFile;

/** Shared helpers: test resources, XSD validation, copying scopes, building writer input. */
final class TestSupport {
    private static Schema manifestSchema;
    private static Schema chainSchema;

    private TestSupport() {
    }

    /** The test bundle's {@code resources/} folder. */
    static Path resources() {
        String property = System.getProperty("cartwright.test.resources");
        Path root = property != null && !property.isBlank() ? Path.of(property) : Path.of("resources");
        assertTrue(Files.isDirectory(root.resolve("ascmhl/xsd")),
                "Test resources not found at " + root.toAbsolutePath()
                        + "; run from the test bundle folder or set -Dcartwright.test.resources");
        return root;
    }

    static Path scenario02() {
        return resources().resolve("scenario_02");
    }

    /** Validates a manifest against ASCMHL.xsd; fails the test with the parser's message. */
    static void assertValidManifest(Path file) throws IOException {
        validate(manifestSchema(), file);
    }

    /** Validates a chain file against ASCMHLDirectory.xsd (its ASCMHL.xsd import resolved locally). */
    static void assertValidChain(Path file) throws IOException {
        validate(chainSchema(), file);
    }

    /** Validates every manifest and the chain of a scope's {@code ascmhl} folder. */
    static void assertValidHistory(Path scope) throws IOException {
        Path folder = scope.resolve(AscMhl.HISTORY_FOLDER);
        int manifests = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.sorted().toList()) {
                if (p.getFileName().toString().endsWith(".mhl")) {
                    assertValidManifest(p);
                    manifests++;
                }
            }
        }
        assertTrue(manifests > 0, "no manifest in " + folder);
        assertValidChain(folder.resolve(AscMhl.CHAIN_FILE));
    }

    private static void validate(Schema schema, Path file) throws IOException {
        Validator v = schema.newValidator();
        try {
            v.validate(new StreamSource(file.toFile()));
        } catch (SAXException e) {
            fail(file.getFileName() + " does not validate: " + e.getMessage() + "\n" + Files.readString(file));
        }
    }

    private static synchronized Schema manifestSchema() {
        if (manifestSchema == null) {
            manifestSchema = loadSchema("ASCMHL.xsd");
        }
        return manifestSchema;
    }

    private static synchronized Schema chainSchema() {
        if (chainSchema == null) {
            chainSchema = loadSchema("ASCMHLDirectory.xsd");
        }
        return chainSchema;
    }

    private static Schema loadSchema(String name) {
        Path xsd = resources().resolve("ascmhl/xsd");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // ASCMHLDirectory.xsd imports ASCMHL.xsd from GitHub: serve the local copy instead (offline).
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
            if (AscMhl.MANIFEST_NAMESPACE.equals(namespace)) {
                return new LocalInput(xsd.resolve("ASCMHL.xsd"));
            }
            return null;
        });
        try {
            return factory.newSchema(xsd.resolve(name).toFile());
        } catch (SAXException e) {
            throw new IllegalStateException("Cannot load " + name + ": " + e.getMessage(), e);
        }
    }

    /** Copies a folder tree (files made writable) and returns the copy. */
    static Path copyTree(Path source, Path target, boolean withHistory) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!withHistory && dir.getFileName().toString().equals(AscMhl.HISTORY_FOLDER)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path to = target.resolve(source.relativize(file).toString());
                Files.write(to, Files.readAllBytes(file));
                return FileVisitResult.CONTINUE;
            }
        });
        return target;
    }

    /** Sets the modification time of every file and directory under {@code root} (not the history). */
    static void touchAll(Path root, Instant time) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> !root.relativize(p).startsWith(AscMhl.HISTORY_FOLDER)).forEach(all::add);
        }
        // deepest first, so setting a child's time does not disturb its parent's afterwards
        all.sort((a, b) -> Integer.compare(b.getNameCount(), a.getNameCount()));
        for (Path p : all) {
            Files.setLastModifiedTime(p, FileTime.from(time));
        }
    }

    /** Hashes every regular file under {@code scope} (outside {@code ascmhl/}) with the given algorithms. */
    static List<HashedFile> hashScope(Path scope, HashAlgorithm... algorithms) throws IOException {
        List<HashedFile> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(scope)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = scope.relativize(p).toString().replace('\\', '/');
                if (rel.startsWith(AscMhl.HISTORY_FOLDER + "/")) {
                    continue;
                }
                List<HashValue> hashes = new ArrayList<>();
                for (HashAlgorithm a : algorithms) {
                    hashes.add(Hashers.hashFile(a, p));
                }
                files.add(new HashedFile(rel, Files.size(p), Files.getLastModifiedTime(p).toInstant(), hashes));
            }
        }
        return files;
    }

    /** The single manifest with generation {@code n} in a scope's history folder. */
    static Path manifest(Path scope, int n) throws IOException {
        String prefix = String.format("%04d_", n);
        try (Stream<Path> s = Files.list(scope.resolve(AscMhl.HISTORY_FOLDER))) {
            List<Path> found = s.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertTrue(found.size() == 1, "expected one manifest " + prefix + "*, found " + found);
            return found.get(0);
        }
    }

    /** An {@link LSInput} over a local file, for the schema resolver. */
    private static final class LocalInput implements LSInput {
        private final Path file;

        LocalInput(Path file) {
            this.file = file;
        }

        @Override
        public Reader getCharacterStream() {
            return null;
        }

        @Override
        public void setCharacterStream(Reader characterStream) {
        }

        @Override
        public InputStream getByteStream() {
            try {
                return new ByteArrayInputStream(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void setByteStream(InputStream byteStream) {
        }

        @Override
        public String getStringData() {
            return null;
        }

        @Override
        public void setStringData(String stringData) {
        }

        @Override
        public String getSystemId() {
            return file.toUri().toString();
        }

        @Override
        public void setSystemId(String systemId) {
        }

        @Override
        public String getPublicId() {
            return null;
        }

        @Override
        public void setPublicId(String publicId) {
        }

        @Override
        public String getBaseURI() {
            return null;
        }

        @Override
        public void setBaseURI(String baseURI) {
        }

        @Override
        public String getEncoding() {
            return null;
        }

        @Override
        public void setEncoding(String encoding) {
        }

        @Override
        public boolean getCertifiedText() {
            return false;
        }

        @Override
        public void setCertifiedText(boolean certifiedText) {
        }
    }
}
