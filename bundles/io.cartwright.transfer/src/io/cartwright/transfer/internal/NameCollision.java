/* Copyright (c) 2026 Cartwright contributors. SPDX-License-Identifier: EPL-2.0 */
package io.cartwright.transfer.internal;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Two entries of one source folder whose names differ only in case and/or Unicode normalisation
 * ({@code Clip.mov} / {@code clip.mov}, NFC {@code é} / NFD {@code e}+combining acute). On a
 * filesystem that ignores that difference the second would overwrite the first.
 *
 * @param folder the folder, relative to the source root ("" for the root)
 * @param name the entry that comes second (in sorted order); it, or a folder holding it, is the one that fails
 * @param earlier the entry it collides with, which keeps its name
 */
record NameCollision(String folder, String name, String earlier) {

    /** True if {@code traits} make the two names the same file. */
    boolean collidesOn(DestinationTraits traits) {
        return key(name, traits).equals(key(earlier, traits));
    }

    /** The key under which the most forgiving filesystem (case and normalisation blind) stores a name. */
    static String loosestKey(String name) {
        return key(name, new DestinationTraits(true, true));
    }

    private static String key(String name, DestinationTraits traits) {
        String k = traits.normalising() ? Normalizer.normalize(name, Normalizer.Form.NFC) : name;
        // Upper then lower folds more letters the way case-insensitive filesystems do than lower alone.
        return traits.caseInsensitive() ? k.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT) : k;
    }

    /** A name for messages, marked with its normalisation form when that is what tells it apart. */
    static String quote(String name) {
        boolean nfc = Normalizer.isNormalized(name, Normalizer.Form.NFC);
        boolean nfd = Normalizer.isNormalized(name, Normalizer.Form.NFD);
        return "'" + name + "'" + (nfc == nfd ? "" : nfc ? " (NFC)" : " (NFD)");
    }

    /** What kind of difference it is, for messages. */
    String difference() {
        boolean nfc = Normalizer.normalize(name, Normalizer.Form.NFC)
                .equals(Normalizer.normalize(earlier, Normalizer.Form.NFC));
        if (nfc) {
            return "Unicode normalisation (NFC/NFD)";
        }
        boolean sameCaseFold = name.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT)
                .equals(earlier.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
        return sameCaseFold ? "case" : "case and Unicode normalisation";
    }
}
