package org.clinicbake.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.clinicbake.diag.Diagnostics;
import org.clinicbake.io.FileTrees;

/**
 * The folder a bake publishes to, replaced only when a bake has fully succeeded.
 *
 * <p>A bake writes into a staging folder beside the target (same file system, so the rename is
 * atomic), then moves the old output aside, moves the staging folder in, and deletes the old one.
 * If a bake is killed between the two moves, the next bake puts the old output back first.
 *
 * <p>A folder that ClinicBake did not create is never replaced: it must be empty or carry the
 * marker file written with every bake, so a mistyped {@code -o} cannot delete a user's files.
 */
final class OutputFolder {

    static final String MARKER = ".clinicbake-output";
    private static final String MARKER_TEXT = "This folder is written by ClinicBake and replaced on every bake.\n";

    private final Path target;
    private final Path previous;
    private final Moves moves;

    /** How a folder is renamed into place (a test makes one fail). */
    interface Moves {
        void move(Path from, Path to) throws IOException;
    }

    OutputFolder(Path target) {
        this(target, (from, to) -> Files.move(from, to, StandardCopyOption.ATOMIC_MOVE));
    }

    OutputFolder(Path target, Moves moves) {
        this.target = linkedFolder(target.toAbsolutePath().normalize());
        this.previous = this.target.resolveSibling("." + this.target.getFileName() + ".previous");
        this.moves = moves;
    }

    /**
     * The folder a link given as the output points to ({@code -o public}, a link to the web server's
     * folder): the swap used to move the link aside and put a new folder in its place, so the user's
     * link was gone and the folder it pointed to kept serving the old site. The checks below then
     * judge the real folder too, a link into content/ included.
     */
    private static Path linkedFolder(Path target) {
        try {
            Path linked = org.clinicbake.io.FileTrees.linkedFolder(target);
            return linked == null ? target : linked;
        } catch (IOException e) {
            return target;
        }
    }

    Path path() {
        return target;
    }

    /** Checks the target is safe to replace and recovers from an interrupted swap; false when it is not safe. */
    boolean prepare(Path siteDir, Diagnostics diagnostics) throws IOException {
        Path site = siteDir.toAbsolutePath().normalize();
        if (site.startsWith(target)) {
            diagnostics.error("output.contains-site", target.toString(), 0,
                    "the output folder contains the site itself", "choose an output folder such as " + site.resolve("output"));
            return false;
        }
        for (String source : sourceFolders(site)) {
            if (target.startsWith(site.resolve(source))) {
                diagnostics.error("output.inside-sources", target.toString(), 0,
                        "the output folder is inside the site's " + source + "/ folder",
                        "choose an output folder such as " + site.resolve("output"));
                return false;
            }
        }
        if (!Files.exists(target) && Files.isDirectory(previous)) {
            Files.move(previous, target, StandardCopyOption.ATOMIC_MOVE);
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            diagnostics.error("output.not-generated", target.toString(), 0,
                    "the output is a file, not a folder; it will not be replaced",
                    "name a new or empty folder with -o, such as " + site.resolve("output"));
            return false;
        }
        if (Files.exists(target) && !isEmptyOrOurs()) {
            diagnostics.error("output.not-generated", target.toString(), 0,
                    "the output folder has files that ClinicBake did not write; it will not be replaced",
                    "choose an empty or new folder with -o, or delete this one yourself");
            return false;
        }
        if (isMountPoint(target)) {
            // A volume mounted as the output (docker run -v ...:/site/output) cannot be renamed: the bake
            // did all its work and then failed at the swap as an internal error.
            diagnostics.error("output.unwritable", target.toString(), 0,
                    "the output folder is a mount point, which a bake cannot replace: it publishes by renaming a new folder into its place",
                    "bake into a folder inside it, such as -o " + target.resolve("site") + ", and publish that one");
            return false;
        }
        deleteLeftoverStaging();
        return true;
    }

    /**
     * The folders a bake reads: JBake's defaults, those the site's settings name instead, and
     * themes/. An output inside one would be read back by the next bake (its pages copied into the
     * output again as files of content/, say) or replaced while it is read.
     */
    static java.util.Set<String> sourceFolders(Path site) {
        java.util.Properties settings = SiteConfigLoader.readSiteFile(site);
        java.util.Set<String> folders = new java.util.TreeSet<>(List.of("content", "templates", "assets", "data", "themes"));
        for (String key : SiteConfigLoader.SITE_PATHS) {
            String named = settings.getProperty(key, "").strip();
            if (SiteConfigLoader.isPathInside(named)) {
                folders.add(Path.of(named).normalize().toString());
            }
        }
        return folders;
    }

    /** The right to prepare, write and publish the output folder, held until closed. */
    interface Turn extends java.io.Closeable {
        @Override
        void close() throws IOException;
    }

    /**
     * Waits until no other bake (in this process or another) is writing this output folder, and
     * holds it until the turn is closed. The lock file lives in {@code locks}, named by the output's
     * path; where it cannot be made (a read-only site), the bake goes on without one.
     */
    Turn waitForTurn(Path locks) throws IOException {
        java.nio.channels.FileChannel channel;
        try {
            Files.createDirectories(locks);
            String name = new Fingerprint().add(target.toString()).hex().substring(0, 16);
            channel = java.nio.channels.FileChannel.open(locks.resolve(name + ".lock"),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        } catch (IOException e) {
            return () -> { };
        }
        try {
            while (true) {
                try {
                    if (channel.tryLock() != null) {
                        return channel::close; // closing the channel releases the lock
                    }
                } catch (java.nio.channels.OverlappingFileLockException e) {
                    // another bake in this process holds it
                } catch (IOException e) {
                    return channel::close; // a file system without locks: bake as before
                }
                Thread.sleep(25);
            }
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for another bake into " + target);
        }
    }

    Path createStaging() throws IOException {
        Files.createDirectories(target.getParent());
        // Not createTempDirectory: its folder is readable by its owner only, and once swapped in it is
        // the published folder, which a web server running as another user could not read. A plain
        // folder gets the permissions the user's umask gives every other folder.
        while (true) {
            Path staging = target.resolveSibling("." + target.getFileName() + ".staging-"
                    + Long.toUnsignedString(java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36));
            try {
                return Files.createDirectory(staging);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Another bake's staging folder: take another name.
            }
        }
    }

    void publish(Path staging) throws IOException {
        Files.writeString(staging.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
        boolean setAside = false;
        if (Files.exists(target)) {
            FileTrees.delete(previous);
            moves.move(target, previous);
            setAside = true;
        }
        try {
            moves.move(staging, target);
        } catch (IOException e) {
            // Left beside it, the old output was served by no one until the next bake put it back.
            if (setAside) {
                try {
                    moves.move(previous, target);
                } catch (IOException again) {
                    e.addSuppressed(again);
                }
            }
            throw e;
        }
        FileTrees.delete(previous);
    }

    /**
     * Publishes a partial staging folder into the output in place: each written file is moved over
     * its old version (an atomic rename, so a reader sees the old page or the new one, never half of
     * one), files of the previous output that this bake neither wrote nor kept are deleted, and the
     * staging folder goes. Returns the files the output has now. For the preview, whose rebuilds
     * write a few pages of thousands.
     */
    Set<String> merge(Path staging, Set<String> written, Set<String> kept, Set<String> before) throws IOException {
        Files.writeString(staging.resolve(MARKER), MARKER_TEXT, StandardCharsets.UTF_8);
        Set<String> moved = new java.util.TreeSet<>(written);
        moved.add(MARKER);
        Set<String> now = new java.util.TreeSet<>(moved);
        now.addAll(kept);
        // Kept files are already in place: only what this bake wrote is in the staging folder.
        for (String file : moved) {
            Path source = staging.resolve(file);
            if (Files.isRegularFile(source)) {
                Path destination = target.resolve(file);
                Files.createDirectories(destination.getParent());
                Files.move(source, destination, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        for (String file : before) {
            if (!now.contains(file)) {
                Files.deleteIfExists(target.resolve(file));
            }
        }
        FileTrees.delete(staging);
        return now;
    }

    /** What went wrong with a file operation, in words: Java's messages for these are a bare path. */
    static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied (" + e.getMessage() + ")";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file is in the way (" + e.getMessage() + ")";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such folder (" + e.getMessage() + ")";
        }
        return String.valueOf(e.getMessage());
    }

    void discard(Path staging) throws IOException {
        FileTrees.delete(staging);
    }

    private static boolean isMountPoint(Path folder) {
        Path parent = folder.getParent();
        try {
            return parent != null && Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    && !Files.getFileStore(folder).equals(Files.getFileStore(parent));
        } catch (IOException e) {
            return false; // the swap will tell
        }
    }

    private boolean isEmptyOrOurs() throws IOException {
        if (!Files.isDirectory(target)) {
            return false;
        }
        if (Files.exists(target.resolve(MARKER))) {
            return true;
        }
        try (Stream<Path> children = Files.list(target)) {
            return children.findAny().isEmpty();
        }
    }

    private void deleteLeftoverStaging() throws IOException {
        Path parent = target.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(parent, "." + target.getFileName() + ".staging-*")) {
            for (Path leftover : leftovers) {
                FileTrees.delete(leftover);
            }
        }
    }
}
