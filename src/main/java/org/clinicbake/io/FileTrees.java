package org.clinicbake.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folders ClinicBake removes whole: the output's staging and replaced folders, what old cache layouts left. */
public final class FileTrees {

    private FileTrees() {
    }

    /**
     * {@link Files#walk(Path, java.nio.file.FileVisitOption...)}, except that a root which is a link
     * to a folder is walked as that folder, each path named under the link: a clinic may keep
     * {@code content/} in another repository and link it into the site, and a walk of the link alone
     * found no article at all. Links below the root are not followed, as with {@code Files.walk}.
     */
    public static Stream<Path> walk(Path root) throws IOException {
        Path real = linkedFolder(root);
        if (real == null) {
            return Files.walk(root);
        }
        return Files.walk(real).map(path -> root.resolve(real.relativize(path)));
    }

    /**
     * Whether the name Java read for {@code entry}, a path a folder listing gave, leads back to it. A
     * name whose bytes are not in the character set file names are read in ({@link #fileNameCharset()}:
     * UTF-8, or ASCII in the POSIX locale of many CI containers) is read with replacement characters,
     * and that name is another file, or none, or no path at all.
     */
    public static boolean nameReadable(Path entry) {
        Path name = entry.getFileName();
        if (name == null) {
            return true;
        }
        try {
            return entry.resolveSibling(name.toString()).equals(entry);
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** What is wrong with a file whose name is not {@link #nameReadable}, for the message of any folder's check. */
    public static String unreadableNameMessage() {
        return "the file name cannot be read as " + fileNameCharset()
                + ", the character set this computer reads file names in, so the file cannot be published";
    }

    /** What to do about it: rename the file, or, outside UTF-8, bake in a UTF-8 locale. */
    public static String unreadableNameHint() {
        boolean utf8 = fileNameCharset().replace("-", "").equalsIgnoreCase("UTF8");
        return "rename it with letters a-z, digits and hyphens"
                + (utf8 ? "" : "; or, if the name is right, bake in a UTF-8 locale (LANG=C.UTF-8)");
    }

    /** The character set this JVM reads file names in, as its own property names it. */
    public static String fileNameCharset() {
        return System.getProperty("sun.jnu.encoding", "UTF-8");
    }

    /** The folder {@code root} links to, or null when it is no link to a folder. */
    public static Path linkedFolder(Path root) throws IOException {
        return Files.isSymbolicLink(root) && Files.isDirectory(root) ? root.toRealPath() : null;
    }

    /**
     * Deletes a file or a folder with everything in it; nothing when it does not exist. A symbolic
     * link is deleted, never followed, so a link inside the tree cannot reach a user's files.
     */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            // Deepest first: a folder is empty by the time it is deleted.
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
