package org.clinicbake.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;

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

    /**
     * Adds ClinicBake's own code and libraries (every entry of the class path, by size and time), so
     * that what a build remembers from an older ClinicBake is not taken for this one's.
     */
    Fingerprint addClassPath() {
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                try {
                    add(entry).addFiles(Path.of(entry), Path.of(entry), false, path -> true, STAMP);
                } catch (IOException | RuntimeException e) {
                    add("unreadable");
                }
            }
        }
        return this;
    }

    Fingerprint addBytes(Path file) throws IOException {
        digest.update(Files.readAllBytes(file));
        return this;
    }

    /** How a file is told apart from its earlier self: by its stamp, or by its content. */
    interface FileIdentity {
        Object of(Path file, BasicFileAttributes attributes) throws IOException;
    }

    /** Size and modification time: cheap enough to take for every file of a site on every rebuild. */
    static final FileIdentity STAMP = (file, attributes) -> stamp(attributes);

    /** The stamp of a file with these attributes (see {@link #STAMP}). */
    static Object stamp(BasicFileAttributes attributes) {
        return List.of(attributes.size(), attributes.lastModifiedTime().toString());
    }

    /** A hash of the bytes: what a bake reads, whatever the clock says. */
    static final FileIdentity CONTENT = (file, attributes) ->
            Files.isRegularFile(file) ? new Fingerprint().addBytes(file).hex() : "not a regular file";

    /**
     * Adds every file under {@code start} (or {@code start} itself), by its path relative to
     * {@code root} and its identity. Hidden files and folders (a name starting with a dot:
     * {@code .clinicbake}, {@code .git}) are left out unless {@code hiddenToo}, and so is whatever
     * {@code included} refuses. A file that cannot be read counts as "unreadable": it changes the
     * fingerprint, and the bake itself reports it.
     */
    Fingerprint addFiles(Path start, Path root, boolean hiddenToo, Predicate<Path> included, FileIdentity identity)
            throws IOException {
        return add(files(start, root, hiddenToo, included, identity));
    }

    /** The files {@link #addFiles} adds, by relative path, with their identities. */
    static SortedMap<String, Object> files(Path start, Path root, boolean hiddenToo, Predicate<Path> included, FileIdentity identity)
            throws IOException {
        SortedMap<String, Object> files = new TreeMap<>();
        addTree(files, start, root, hiddenToo, included, identity, start.equals(root));
        return files;
    }

    /**
     * A folder the bake reads may be a link (content/ kept in another repository), and a fingerprint
     * that stopped at the link missed every edit inside it: a start that is a link, and when the walk
     * is of the site's own folder the links among its folders, are walked as the folders they name.
     * A link to a folder further down is described as a link, as the bake lists it (it does not read
     * through one inside content/: content.symlink-skipped).
     */
    private static void addTree(SortedMap<String, Object> files, Path start, Path root, boolean hiddenToo,
                                Predicate<Path> included, FileIdentity identity, boolean followFolders) throws IOException {
        if (!Files.exists(start)) {
            return;
        }
        Path linked = org.clinicbake.io.FileTrees.linkedFolder(start);
        Path walked = linked == null ? start : linked;
        java.util.function.UnaryOperator<Path> named = linked == null ? path -> path : path -> start.resolve(linked.relativize(path));
        Files.walkFileTree(walked, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                boolean skipped = !dir.equals(walked) && (!hiddenToo && hidden(dir) || !included.test(named.apply(dir)));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path shown = named.apply(file);
                if ((hiddenToo || !hidden(file)) && included.test(shown)) {
                    if (followFolders && attributes.isSymbolicLink() && walked.equals(file.getParent()) && Files.isDirectory(file)) {
                        addTree(files, shown, root, hiddenToo, included, identity, false);
                        return FileVisitResult.CONTINUE;
                    }
                    Object described;
                    try {
                        described = identity.of(file, attributes);
                    } catch (IOException e) {
                        described = "unreadable";
                    }
                    files.put(root.relativize(shown).toString(), described);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                files.put(root.relativize(named.apply(file)).toString(), "unreadable");
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean hidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
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
