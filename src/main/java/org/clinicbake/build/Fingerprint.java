package org.clinicbake.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A SHA-256 over values of a document model or over files, fed in a fixed order, so the same
 * inputs always give the same fingerprint. Every value is written with its kind and length, so
 * {@code ("ab", "c")} and {@code ("a", "bc")} differ.
 */
final class Fingerprint {

    private final MessageDigest digest;

    Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    Fingerprint add(Object value) {
        if (value == null) {
            text("n", "");
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(String.valueOf(key), item));
            text("m", Integer.toString(sorted.size()));
            sorted.forEach((key, item) -> add(key).add(item));
        } else if (value instanceof Collection<?> items) {
            text("l", Integer.toString(items.size()));
            items.forEach(this::add);
        } else if (value instanceof Object[] items) {
            text("l", Integer.toString(items.length));
            for (Object item : items) {
                add(item);
            }
        } else if (value instanceof Date date) {
            text("d", Long.toString(date.getTime()));
        } else {
            text(value.getClass().getSimpleName(), value.toString());
        }
        return this;
    }

    Fingerprint addBytes(Path file) throws IOException {
        digest.update(Files.readAllBytes(file));
        return this;
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    private void text(String kind, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(kind.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) ':');
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
