package org.clinicbake.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.clinicbake.build.RecordFile;
import org.clinicbake.diag.Diagnostic;

/**
 * What the last run of the bake's checks found on each page, kept in a file between bakes, so that
 * a bake which changed a few pages checks those pages only, as a build tool reruns only the tests
 * whose inputs changed.
 *
 * <p>A page's problems depend on its own bytes and, beyond them, on the settings, the checks'
 * code, which files the output has and every page's fragment targets (a link may point into any
 * page). These last are the run's <em>scope</em>: a page whose bytes hash the same as last time is
 * taken as it was found then only when the scope is the same too; otherwise it is checked again.
 * Only checks whose findings on a page depend on nothing else are run this way
 * ({@link OutputCheck#checksEachPageAlone()}); the site-wide part of every check runs on every bake.
 */
final class CheckMemory {

    private static final String FORMAT = "clinicbake-checks-3";

    /** A page as a run found it: its hash, its facts (the canonical address null when none), its problems. */
    record PageRecord(String hash, long size, long modified, List<String> anchors, Page.Canonical canonical,
                      List<Diagnostic> diagnostics) {

        PageRecord(String hash, BasicFileAttributes file, CheckContext.PageFacts facts, List<Diagnostic> diagnostics) {
            this(hash, file.size(), file.lastModifiedTime().toMillis(), facts.anchors().stream().sorted().toList(),
                    facts.canonical().orElse(null), List.copyOf(diagnostics));
        }

        CheckContext.PageFacts facts() {
            return new CheckContext.PageFacts(Set.copyOf(anchors), Optional.ofNullable(canonical));
        }
    }

    record Stored(String format, String scope, long savedAt, Map<String, PageRecord> pages) {
    }

    private final RecordFile<Stored> file;
    private final Stored last;
    private final Map<String, PageRecord> next = new ConcurrentHashMap<>();

    private CheckMemory(RecordFile<Stored> file, Stored last) {
        this.file = file;
        this.last = last;
    }

    /** The memory kept in {@code file}; empty (every page checked) when there is none or it cannot be read. */
    static CheckMemory load(Path file) {
        RecordFile<Stored> record = new RecordFile<>(file, Stored.class);
        Stored last = record.read().filter(read -> FORMAT.equals(read.format()) && read.pages() != null).orElse(null);
        return new CheckMemory(record, last);
    }

    /** Whether a run was remembered at all (a first run has nothing to compare pages with). */
    boolean remembersARun() {
        return last != null;
    }

    /** What the last run found on this page, when its bytes are the same. */
    Optional<PageRecord> unchanged(String path, String hash) {
        PageRecord before = last == null ? null : last.pages().get(path);
        return before != null && before.hash().equals(hash) ? Optional.of(before) : Optional.empty();
    }

    /**
     * What the last run found on this page, when it is the very file that run checked: same size and
     * time stamp, as a page the bake carried over from the last output is (it links that file).
     * A page written anew is told by its hash ({@link #unchanged(String, String)}) instead.
     */
    Optional<PageRecord> sameFile(String path, BasicFileAttributes file) {
        PageRecord before = last == null ? null : last.pages().get(path);
        return before != null && before.size() == file.size() && before.modified() == file.lastModifiedTime().toMillis()
                && !racy(before.modified()) ? Optional.of(before) : Optional.empty();
    }

    /**
     * As Git's index has it: on a file system that keeps time stamps in whole seconds, a page
     * rewritten with the same size in the same second as the one recorded would look the same, so
     * such a time stamp close to when the memory was written is not trusted on its own.
     */
    private boolean racy(long modified) {
        return modified % 1000 == 0 && modified >= last.savedAt() - 2000;
    }

    /** Whether the last run checked in this scope, so that an unchanged page's problems are what they were. */
    boolean sameScope(String scope) {
        return last != null && last.scope().equals(scope);
    }

    /** What this run found on a page. */
    void remember(String path, PageRecord page) {
        next.put(path, page);
    }

    /** Keeps this run's findings for the next; a failure to write only costs the next run time. */
    void save(String scope) {
        file.write(new Stored(FORMAT, scope, System.currentTimeMillis(), new java.util.TreeMap<>(next)));
    }

    /**
     * The scope of a run: the checks and their code, the site's settings, the output's files and
     * every page's fragment targets.
     */
    static String scope(List<OutputCheck> checks, CheckContext context) {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        text.append(RecordFile.codeStamp()).append('\n');
        for (OutputCheck check : checks) {
            text.append(check.getClass().getName()).append('\n');
        }
        text.append(context.settings()).append('\n');
        context.files().forEach(path -> text.append(path).append('\n'));
        context.facts().forEach((path, facts) -> text.append(path).append(' ')
                .append(new java.util.TreeSet<>(facts.anchors())).append('\n'));
        return sha(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What tells a page's bytes from other bytes: their length and two different CRCs of them. It only
     * decides whether the last run's findings on a page still hold, where an accidental match of
     * length and both CRCs (about one in 2^64) is an acceptable risk; under the C1-only JIT a bake
     * runs with, SHA-256 cost 7 ms a megabyte, a fifth of the checks' time.
     */
    static String pageHash(byte[] bytes) {
        java.util.zip.CRC32 crc32 = new java.util.zip.CRC32();
        crc32.update(bytes);
        java.util.zip.CRC32C crc32c = new java.util.zip.CRC32C();
        crc32c.update(bytes);
        return Integer.toHexString(bytes.length) + "-" + Long.toHexString(crc32.getValue()) + "-" + Long.toHexString(crc32c.getValue());
    }

    static String sha(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
