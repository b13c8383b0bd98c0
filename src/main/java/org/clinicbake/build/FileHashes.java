package org.clinicbake.build;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The content hash of each site file, remembered with the file's size and time stamp, as Git's index
 * does: a bake that compares the site by content ({@link UpToDateCheck}, {@link PageMemory}) hashes
 * only the files whose stamp changed since the last bake. Hashing every file took 0.2-0.3 s of the
 * main thread at 1,000 articles here (images count whole), a third of what it did while JRuby
 * booted on the other core; now 0.07 s.
 *
 * <p>A hash is trusted only for the very size, time stamp (in nanoseconds) and file (device and
 * inode) it was taken with. A file written again within two seconds of its hash could keep all
 * three on a file system with coarse time stamps, so such a hash is not kept: the next bake hashes
 * that file again. The hashes are kept in {@code .clinicbake/hashes} in the site folder, one line
 * per file, replaced whole; a file that is missing or unreadable only costs hashing, and so does a
 * name with a line break in it, which is never written there.
 */
final class FileHashes implements Fingerprint.FileIdentity {

    private static final String FORMAT = "clinicbake-hashes-2";
    private static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private record Entry(long size, long modified, String fileKey, String hash) {
    }

    private final Path file;
    private final Path root;
    private final Map<String, Entry> known;
    private final Map<String, Entry> seen = new ConcurrentHashMap<>();
    private boolean changed;
    private int written;

    private FileHashes(Path file, Path root, Map<String, Entry> known) {
        this.file = file;
        this.root = root;
        this.known = known;
        this.written = known.size();
    }

    /** The hashes of the files under {@code siteDir}, as the last bake left them. */
    static FileHashes of(Path siteDir) {
        Path file = siteDir.resolve(".clinicbake").resolve("hashes");
        return new FileHashes(file, siteDir, read(file));
    }

    /** The file's SHA-256 in hex, as {@link Fingerprint#CONTENT} gives it, hashed only when its stamp changed. */
    @Override
    public Object of(Path path, BasicFileAttributes attributes) throws IOException {
        if (!attributes.isRegularFile()) {
            return Fingerprint.CONTENT.of(path, attributes);
        }
        String name = root.relativize(path).toString().replace(java.io.File.separatorChar, '/');
        long modified = attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        String fileKey = fileKey(attributes);
        Entry before = known.get(name);
        if (before != null && before.size() == attributes.size() && before.modified() == modified
                && before.fileKey().equals(fileKey)) {
            seen.put(name, before);
            return before.hash();
        }
        long hashedAt = nowNanos();
        String hash = new Fingerprint().addBytes(path).hex();
        if (modified < hashedAt - RACY_NANOS && name.indexOf('\n') < 0 && name.indexOf('\r') < 0) {
            seen.put(name, new Entry(attributes.size(), modified, fileKey, hash));
            synchronized (this) {
                changed = true;
            }
        }
        return hash;
    }

    /**
     * Writes the hashes of the files asked for since {@link #of(Path)}; files no longer asked for
     * (deleted, or outside what was compared) are dropped. Nothing is written when nothing changed.
     */
    synchronized void save() {
        if (!changed && seen.size() == written) {
            return;
        }
        changed = false;
        written = seen.size();
        try {
            RecordFile.replace(file, partial -> {
                try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                    out.write(FORMAT);
                    out.write('\n');
                    for (Map.Entry<String, Entry> entry : new TreeMap<>(seen).entrySet()) {
                        Entry value = entry.getValue();
                        out.write(value.size() + " " + value.modified() + " " + value.fileKey() + " " + value.hash() + " "
                                + entry.getKey() + "\n");
                    }
                }
            });
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A stale file is still safe: its hashes hold only for the stamps they were taken with.
            }
        }
    }

    private static Map<String, Entry> read(Path file) {
        Map<String, Entry> entries = new ConcurrentHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (!FORMAT.equals(in.readLine())) {
                return entries;
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] fields = line.split(" ", 5);
                if (fields.length == 5) {
                    entries.put(fields[4], new Entry(Long.parseLong(fields[0]), Long.parseLong(fields[1]), fields[2], fields[3]));
                }
            }
        } catch (NoSuchFileException e) {
            return entries;
        } catch (IOException | RuntimeException e) {
            entries.clear();
        }
        return entries;
    }

    /**
     * The file system's identity of the file (device and inode on Unix): a file replaced by another
     * (an editor's save by rename, a checkout, an archive unpacked over the site) gets a new one even
     * when it keeps the old size and time stamp.
     */
    private static String fileKey(BasicFileAttributes attributes) {
        Object key = attributes.fileKey();
        return key == null ? "-" : key.toString().replace(' ', '_');
    }

    private static long nowNanos() {
        Instant now = Instant.now();
        return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
    }
}
