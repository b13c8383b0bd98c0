package org.clinicbake.reliability;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Byte-for-byte comparison and copying of folder trees, for the reliability tests. */
final class OutputTrees {

    private OutputTrees() {
    }

    /** Every regular file under {@code root}, by path relative to it with {@code /} separators. */
    static SortedMap<String, byte[]> read(Path root) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The first difference between two trees (file list first, then bytes, by path), or empty when identical. */
    static Optional<String> firstDifference(Path expected, Path actual) {
        return firstDifference(read(expected), read(actual));
    }

    static Optional<String> firstDifference(SortedMap<String, byte[]> expected, SortedMap<String, byte[]> actual) {
        List<String> missing = expected.keySet().stream().filter(name -> !actual.containsKey(name)).toList();
        List<String> extra = actual.keySet().stream().filter(name -> !expected.containsKey(name)).toList();
        if (!missing.isEmpty() || !extra.isEmpty()) {
            return Optional.of("different file lists: missing " + missing + ", unexpected " + extra);
        }
        for (var entry : expected.entrySet()) {
            byte[] want = entry.getValue();
            byte[] got = actual.get(entry.getKey());
            if (!Arrays.equals(want, got)) {
                return Optional.of(entry.getKey() + " differs at " + firstDifferentLine(want, got));
            }
        }
        return Optional.empty();
    }

    static void assertSameTree(Path expected, Path actual, String what) {
        firstDifference(expected, actual).ifPresent(difference -> fail(what + ": " + difference));
    }

    static void delete(Path root) {
        try {
            org.clinicbake.io.FileTrees.delete(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the entries of {@code folder} that start with {@code prefix}. */
    static List<String> siblingsStartingWith(Path folder, String prefix) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(path -> path.getFileName().toString()).filter(name -> name.startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstDifferentLine(byte[] want, byte[] got) {
        List<String> wantLines = new String(want, StandardCharsets.UTF_8).lines().toList();
        List<String> gotLines = new String(got, StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < Math.max(wantLines.size(), gotLines.size()); i++) {
            String a = i < wantLines.size() ? wantLines.get(i) : "<end of file>";
            String b = i < gotLines.size() ? gotLines.get(i) : "<end of file>";
            if (!a.equals(b)) {
                return "line " + (i + 1) + ":\n  expected: " + abbreviate(a) + "\n  actual:   " + abbreviate(b);
            }
        }
        return "a line end (same lines, different bytes: " + want.length + " vs " + got.length + " bytes)";
    }

    private static String abbreviate(String line) {
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
