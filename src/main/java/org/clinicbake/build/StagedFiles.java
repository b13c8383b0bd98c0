package org.clinicbake.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Puts a bake's pages into its staging folder. A page whose bytes are those the output being
 * replaced holds at the same path becomes a link to that file instead of a new one, and so does any
 * other file a writer put in the staging folder with such bytes, so:
 * <ul>
 *   <li>an unchanged page keeps its file and time stamp, and a deploy that syncs by size and time
 *       ({@code rsync}, {@code aws s3 sync}) sends only the pages that changed;</li>
 *   <li>a re-bake writes nothing to disk for them, and deleting the old output frees no inodes.
 *       On ext4 without a journal every new file scans past the inodes freed in the last minute,
 *       which in back-to-back bakes of 1,000 pages cost more CPU than rendering them.</li>
 * </ul>
 * The links are made once the Oven is done ({@link #linkUnchanged(Path)}): a writer that opens a path
 * again (JBake truncates a file it renders into) would otherwise write through the link into the
 * output being replaced, which must stay whole until the swap, and as it was when a bake fails.
 */
public final class StagedFiles {

    private final Path published;
    private final Map<String, Path> unchanged = new ConcurrentHashMap<>();
    /** Pages written here because their bytes differ from the published ones: not compared again. */
    private final java.util.Set<String> written = ConcurrentHashMap.newKeySet();

    /** {@code published}: the output this bake will replace, or null when there is none to link to (the preview writes in place). */
    StagedFiles(Path published) {
        this.published = published;
    }

    /** Files that are always written anew, for a bake that has no output to compare with. */
    public static StagedFiles writtenAnew() {
        return new StagedFiles(null);
    }

    /** Puts {@code bytes} at {@code path} (relative to the output root) in {@code staging}. */
    public void write(Path staging, String path, byte[] bytes) throws IOException {
        if (published != null && samePublished(published.resolve(path), bytes)) {
            unchanged.put(path, published.resolve(path));
            return;
        }
        unchanged.remove(path);
        Path target = staging.resolve(path);
        Path parent = target.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(target, bytes);
        written.add(path);
    }

    /** Puts the file {@code before} (a page of the output being replaced) at {@code path}, as it is. */
    public void keep(String path, Path before) {
        unchanged.put(path, before);
    }

    /**
     * Links the unchanged pages into {@code staging}, where no later writer put a file of its own
     * (copies them where the file system has no hard links); then every other file a writer put
     * there with the bytes of the published file at its path becomes a link to that file too.
     */
    public void linkUnchanged(Path staging) throws IOException {
        Map<String, Object> fresh = unchanged.isEmpty() && published == null ? null : newFileOwnership(staging);
        java.util.Set<String> placed = new java.util.HashSet<>(written);
        for (Map.Entry<String, Path> page : new TreeMap<>(unchanged).entrySet()) {
            Path target = staging.resolve(page.getKey());
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            placed.add(page.getKey());
            Files.createDirectories(target.getParent());
            // A link is the old file, permissions and owner included: pages baked once under umask 077
            // (or by another user) stayed unreadable to the web server through every later bake, beside
            // pages written anew with the umask of the day. Such a page is written anew.
            if (fresh != null && !sameOwnerAndPermissions(page.getValue(), fresh)) {
                try (InputStream bytes = Files.newInputStream(page.getValue())) {
                    Files.copy(bytes, target);
                }
                continue;
            }
            try {
                Files.createLink(target, page.getValue());
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(page.getValue(), target);
            }
        }
        unchanged.clear();
        if (published != null) {
            linkFilesWithPublishedBytes(staging, fresh, placed);
        }
    }

    /**
     * The files other writers put in {@code staging} (the site-wide pages JBake's renderers write, the
     * search index, the assets): each whose bytes are those of the published file at its path is
     * swapped for a link to that file, in one move, so they too keep their file and time stamp. Where
     * the file system has no hard links the new file stays.
     */
    private void linkFilesWithPublishedBytes(Path staging, Map<String, Object> fresh, java.util.Set<String> placed)
            throws IOException {
        List<Path> files;
        try (Stream<Path> walk = org.clinicbake.io.FileTrees.walk(staging)) {
            files = walk.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        for (Path file : files) {
            String path = staging.relativize(file).toString().replace(java.io.File.separatorChar, '/');
            Path before = published.resolve(path);
            if (placed.contains(path) || !sameBytes(file, before)
                    || (fresh != null && !sameOwnerAndPermissions(before, fresh))) {
                continue;
            }
            Path link = file.resolveSibling("." + file.getFileName() + ".link-"
                    + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36));
            try {
                Files.createLink(link, before);
            } catch (IOException | UnsupportedOperationException e) {
                continue;
            }
            Files.move(link, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static boolean sameBytes(Path file, Path before) {
        try {
            BasicFileAttributes old = Files.readAttributes(before, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return old.isRegularFile() && old.size() == Files.size(file) && Files.mismatch(file, before) == -1;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The owner, group and permissions (numbers, not names: looking up a name reads the user
     * database for every page) a file this bake writes in {@code staging} gets, read from one it
     * makes and deletes; null where the file system has no Unix attributes (then every page links).
     */
    static Map<String, Object> newFileOwnership(Path staging) throws IOException {
        Path probe;
        while (true) {
            try {
                probe = Files.createFile(staging.resolve(".clinicbake-new-file-"
                        + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36)));
                break;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // a file of the site's: take another name
            }
        }
        try {
            return ownership(probe);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        } finally {
            Files.delete(probe);
        }
    }

    private static boolean sameOwnerAndPermissions(Path file, Map<String, Object> fresh) {
        try {
            return ownership(file).equals(fresh);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Map<String, Object> ownership(Path file) throws IOException {
        return Files.readAttributes(file, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
    }

    private static boolean samePublished(Path file, byte[] bytes) {
        try {
            BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return before.isRegularFile() && before.size() == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes);
        } catch (IOException e) {
            return false;
        }
    }
}
