/*
 * Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0
 */
package io.cartwright.hash.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cartwright.hash.HashAlgorithm;
import io.cartwright.hash.Hashers;
import io.cartwright.hash.StreamingHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Published reference values, above all for C4, which has no command-line oracle here. */
class KnownVectorsTest {

    /**
     * C4 IDs from the C4 reference implementation's own tests (github.com/Avalanche-io/c4,
     * {@code TestEncoding}/{@code TestIdentify}/{@code TestIdentification}).
     */
    @ParameterizedTest(name = "c4 of \"{0}\"")
    @CsvSource({
        "'', c459dsjfscH38cYeXXYogktxf4Cd9ibshE3BHUo6a58hBXmRQdZrAkZzsWcbWtDg5oQstpDuni4Hirj75GEmTc1sFT",
        "foo, c45xZeXwMSpqXjpDumcHMA6mhoAmGHkUo7r9WmN2UgSEQzj9KjgseaQdkEJ11fGb5S1WEENcV3q8RFWwEeVpC7Fjk2",
        "alfa, c43zYcLni5LF9rR4Lg4B8h3Jp8SBwjcnyyeh4bc6gTPHndKuKdjUWx1kJPYhZxYt3zV6tQXpDs2shPsPYjgG81wZM1",
        "bravo, c42jd8KUQG9DKppN1qt5aWS3PAmdPmNutXyVTb8H123FcuU3shPxpUXsVdcouSALZ4PaDvMYzQSMYCWkb6rop9zhDa",
        "charlie, c44erLietE8C1iKmQ3y4ENqA9g82Exdkoxox3KEHops2ux5MTsuMjfbFRvUPsPdi9Pxc3C2MRvLxWT8eFw5XKbRQGw",
        "delta, c42Sv2Wi2Qo8AKbJKnUP6YTSdz8pt9aDaf2Ltx44HF1UDdXANM8Ltk6qEzpncvmVbw6FZxgBumw9Eo2jtGyaQ5gDSC",
        "echo, c41bviGCyTM2stoMYVTVKgBkfC6SitoLRFinp77BcmN9awdaeC9cxPy4zyFQBhmTvRzChawbECK1KBRnw3KnagA5be",
        "foxtrot, c427CsZdfUAHyQBS3hxDFrL9NqgKeRuKkuSkxuYTm26XG7AKAWCjViDuMhHaMmQBkvuHnsxojetbQU1DdxHjzyQw8r",
        "golf, c41yLiwAPdsjiBAAw8AFwQGG3cAWnNbDio21NtHE8yD1Fh5irRE4FsccZvm1WdJ4FNHtR1kt5kev7wERsgYomaQbfs",
        "hotel, c44nNyaFuVbt5MCfo2PYWHpwMkBpYTbt14C6TuoLCYH5RLvAFLngER3nqHfXC2GuttcoDxGBi3pY1j3pUF2W3rZD8N",
        "india, c41nJ6CvPN7m7UkUA3oS2yjXYNSZ7WayxEQXWPae6wFkWwW8WChQWTu61bSeuCERu78BDK1LUEny1qHZnye3oU7DtY" })
    void c4ReferenceImplementation(String input, String expected) {
        String text = Hashers.hash(HashAlgorithm.C4, input.getBytes(StandardCharsets.UTF_8)).text();
        assertEquals(expected, text);
        assertEquals(90, text.length());
    }

    /**
     * The ASC MHL reference implementation's scenario_02 (ascmhl {@code examples/scenarios}, MIT
     * licence, Copyright (c) 2020 ASC) records the C4 of its first manifest,
     * {@code 0001_A002R2EC_2020-01-16_091500Z.mhl}, in {@code ascmhl_chain.xml}. The manifest's exact
     * 1741 bytes (LF line ends, final LF) are below.
     */
    @Test
    void c4OfAscMhlReferenceManifest() {
        byte[] manifest = ASC_MHL_SCENARIO_02_GENERATION_1.getBytes(StandardCharsets.UTF_8);
        assertEquals(1741, manifest.length, "the embedded manifest must keep its exact bytes");
        assertEquals("c43qQABrjeiU3kteaNFtgwufQRLKxgMJEZfNSj6LcZ8fKwB568U8As9eScRsnb64NfqiAYzjNUXs81tAxPB77PUThb",
                Hashers.hash(HashAlgorithm.C4, manifest).text());
    }

    /**
     * ASC MHL scenario_02 file contents ({@code abcd\n}, {@code def\n}) as recorded in its manifest,
     * plus the well-known values of the empty input. In the CSV, a literal backslash-n means LF.
     */
    @ParameterizedTest(name = "{0} of {1}")
    @CsvSource({
        "xxh64, 'abcd\\n', 0ea03b369a463d9d",
        "xxh64, 'def\\n', 7680e5f98f4a80fd",
        "xxh3, 'abcd\\n', 5c6d5318a0809172",
        "xxh128, 'abcd\\n', ad3e38cc4333ed1b742b20a1b224a05e",
        "xxh64, '', ef46db3751d8e999",
        "xxh3, '', 2d06800538d394c2",
        "xxh128, '', 99aa06d3014798d86001c324468d497f",
        "md5, '', d41d8cd98f00b204e9800998ecf8427e",
        "sha1, '', da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "sha256, '', e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" })
    void ascMhlAndEmptyInputVectors(String algorithm, String input, String expected) {
        byte[] data = input.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
        assertEquals(expected, Hashers.hash(HashAlgorithm.parse(algorithm), data).text());
    }

    /**
     * C4 over many lengths against an independent construction: the JDK's SHA-512 and a textbook
     * byte-array base58 conversion (not the BigInteger one the bundle uses), streamed in chunks.
     */
    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("io.cartwright.hash.tests.TestData#lengths")
    void c4EqualsJdkSha512WithBase58(int length) throws NoSuchAlgorithmException {
        byte[] data = TestData.random(length);
        String expected = c4Oracle(MessageDigest.getInstance("SHA-512").digest(data));
        assertEquals(expected, Hashers.hash(HashAlgorithm.C4, data).text());
        StreamingHasher h = Hashers.create(HashAlgorithm.C4);
        Feeder.feed(Feeder.Sink.of(h), data, 65537);
        assertEquals(expected, h.value().text());
    }

    @Test
    void c4EncodingBoundaries() throws NoSuchAlgorithmException {
        // Reference-implementation values for the all-zero and all-0xFF digests (Go TestAll0000/TestAllFFFF).
        assertEquals("c4" + "1".repeat(88), c4Oracle(new byte[64]));
        byte[] ones = new byte[64];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        assertEquals("c467rpwLCuS5DGA8KGZXKsVQ7dnPb9goRLoKfgGbLfQg9WoLUgNY77E2jT11fem3coV9nAkguBACzrU1iyZM4B8roQ",
                c4Oracle(ones));
    }

    /** Base58 by repeated long division of the big-endian byte array, padded to 88 digits. */
    private static String c4Oracle(byte[] digest) {
        String alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
        byte[] n = digest.clone();
        StringBuilder digits = new StringBuilder();
        for (int d = 0; d < 88; d++) {
            int rem = 0;
            for (int i = 0; i < n.length; i++) {
                int cur = (rem << 8) | (n[i] & 0xFF);
                n[i] = (byte) (cur / 58);
                rem = cur % 58;
            }
            digits.append(alphabet.charAt(rem));
        }
        for (byte b : n) {
            assertEquals(0, b, "88 base58 digits must hold 512 bits");
        }
        return "c4" + digits.reverse();
    }

    private static final String ASC_MHL_SCENARIO_02_GENERATION_1 = """
<?xml version="1.0" encoding="UTF-8"?>
<hashlist version="2.0" xmlns="urn:ASC:MHL:v2.0">
  <creatorinfo>
    <creationdate>2020-01-16T09:15:00+00:00</creationdate>
    <hostname>myHost.local</hostname>
    <tool version="0.3 alpha">ascmhl.py</tool>
  </creatorinfo>
  <processinfo>
    <process>in-place</process>
    <roothash>
      <content>
        <xxh64 hashdate="2020-01-16T09:15:00+00:00">8d02114c32e28cbe</xxh64>
      </content>
      <structure>
        <xxh64 hashdate="2020-01-16T09:15:00+00:00">f557f8ca8e5a88ef</xxh64>
      </structure>
    </roothash>
    <ignore>
      <pattern>.DS_Store</pattern>
      <pattern>ascmhl</pattern>
      <pattern>ascmhl/</pattern>
    </ignore>
  </processinfo>
  <hashes>
    <hash>
      <path size="5" lastmodificationdate="2020-01-15T13:00:00+00:00">Clips/A002C006_141024_R2EC.mov</path>
      <xxh64 action="original" hashdate="2020-01-16T09:15:00+00:00">0ea03b369a463d9d</xxh64>
    </hash>
    <hash>
      <path size="4" lastmodificationdate="2020-01-15T13:00:00+00:00">Clips/A002C007_141024_R2EC.mov</path>
      <xxh64 action="original" hashdate="2020-01-16T09:15:00+00:00">7680e5f98f4a80fd</xxh64>
    </hash>
    <directoryhash>
      <path lastmodificationdate="2020-01-15T13:00:00+00:00">Clips</path>
      <content>
        <xxh64 hashdate="2020-01-16T09:15:00+00:00">4c226b42e27d7af3</xxh64>
      </content>
      <structure>
        <xxh64 hashdate="2020-01-16T09:15:00+00:00">906faa843d591a9f</xxh64>
      </structure>
    </directoryhash>
    <hash>
      <path size="58" lastmodificationdate="2020-01-15T13:00:00+00:00">Sidecar.txt</path>
      <xxh64 action="original" hashdate="2020-01-16T09:15:00+00:00">3ab5a4166b9bde44</xxh64>
    </hash>
  </hashes>
</hashlist>
""";
}
