package org.clinicbake.check;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.clinicbake.build.WorkerPool;
import org.clinicbake.diag.Diagnostics;
import org.clinicbake.schema.SchemaVocabulary;

/**
 * Checks a baked output folder: runs its checks in a fixed order and returns every problem sorted by file, line and
 * code. Reads the output (and the site's {@code jbake.properties}) only, so it takes a fraction of a bake's time.
 *
 * <pre>{@code
 * CheckResult result = new SiteChecker().check(Path.of("site"), Path.of("site/output"), null);
 * result.diagnostics().forEach(problem -> System.err.println(problem.format()));
 * }</pre>
 */
public final class SiteChecker {

    private final List<OutputCheck> checks;
    private final Supplier<SchemaVocabulary> vocabulary;

    /** The built-in checks. */
    public SiteChecker() {
        this(builtInChecks());
    }

    /** These checks, in this order. */
    public SiteChecker(List<OutputCheck> checks) {
        this(checks, SchemaVocabulary::load);
    }

    /** These checks, with the schema.org vocabulary from {@code vocabulary} (asked at most once per run). */
    public SiteChecker(List<OutputCheck> checks, Supplier<SchemaVocabulary> vocabulary) {
        this.checks = List.copyOf(checks);
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    }

    /**
     * The built-in checks, in the order they run: links and anchors, accessibility, third-party requests and scripts,
     * JSON-LD, empty and colliding files, review dates, the disclaimer of medical pages.
     */
    public static List<OutputCheck> builtInChecks() {
        return List.of(new LinkCheck(), new AccessibilityCheck(), new PrivacyCheck(), new JsonLdCheck(), new ReadabilityCheck(),
                new OutputFilesCheck(), new ReviewDateCheck(), new DisclaimerCheck());
    }

    /**
     * The built-in checks a bake runs on its staging folder (its fast checks): links, accessibility, privacy, the
     * output's files and the disclaimer of medical pages. The JSON-LD, reading-level and review-date checks are
     * {@code clinicbake check}'s. Each {@link OutputCheck#checksEachPageAlone() checks each page alone}, so that a bake
     * checks only the pages that changed.
     */
    public static List<OutputCheck> bakeChecks() {
        return builtInChecks().stream()
                .filter(check -> List.of("links", "a11y", "privacy", "output", "medical").contains(check.id()))
                .toList();
    }

    /** The checks this checker runs, in order. */
    public List<OutputCheck> checks() {
        return checks;
    }

    /**
     * Checks {@code outputDir}.
     *
     * @param siteDir the site folder, for {@code jbake.properties} ({@code check.allowed-origins}, {@code site.host},
     *                {@code site.timezone}); it need not exist
     * @param today   the day review dates are judged on, or {@code null} for today in the site's time zone
     * @throws java.nio.file.NoSuchFileException when the output folder does not exist
     */
    public CheckResult check(Path siteDir, Path outputDir, LocalDate today) throws IOException {
        return check(CheckContext.load(siteDir, outputDir, today, vocabulary));
    }

    /**
     * As {@link #check(Path, Path, LocalDate)}, keeping in {@code memoryFile} what it finds on each
     * page, so that the next run checks only the pages whose bytes changed when nothing else they
     * depend on did (see {@link CheckMemory}); the bake runs its fast checks this way. With no
     * file, or a check that does not {@link OutputCheck#checksEachPageAlone() check each page alone}, every page is checked.
     */
    public CheckResult check(Path siteDir, Path outputDir, LocalDate today, Path memoryFile) throws IOException {
        CheckContext context = CheckContext.load(siteDir, outputDir, today, vocabulary);
        if (memoryFile == null || !checks.stream().allMatch(OutputCheck::checksEachPageAlone)) {
            return check(context);
        }
        return check(context, CheckMemory.load(memoryFile));
    }

    /** Runs the checks on an output folder already read. */
    public CheckResult check(CheckContext context) {
        return check(context, null);
    }

    private CheckResult check(CheckContext context, CheckMemory memory) {
        Diagnostics diagnostics = new Diagnostics();
        // Review dates are judged in the site's zone: one that names no zone is reported, not taken for UTC.
        org.clinicbake.build.SiteConfiguration.checkTimeZone(context.siteDir(), context.setting("site.timezone"), diagnostics);
        // Each page is read, parsed and checked by one of a few threads, then let go: memory holds a
        // page per thread, however large the site. The problems are sorted at the end, so the report
        // does not depend on which thread finished first.
        try (WorkerPool workers = new WorkerPool("clinicbake-check", Runtime.getRuntime().availableProcessors())) {
            Set<String> unchanged = ConcurrentHashMap.newKeySet();
            Map<String, CheckMemory.PageRecord> before = new ConcurrentHashMap<>();
            if (memory != null && memory.remembersARun()) {
                // Pages as they were last time lend what they had; only the others are parsed now.
                eachPage(workers, context.pagePaths(), path -> memory.sameFile(path, context.attributes(path))
                        .or(() -> memory.unchanged(path, CheckMemory.pageHash(context.read(path))))
                        .ifPresent(record -> {
                            context.remember(path, record.facts());
                            before.put(path, record);
                            unchanged.add(path);
                        }));
            }
            List<String> changed = context.pagePaths().stream().filter(path -> !unchanged.contains(path)).toList();
            eachPage(workers, changed, path -> checkPage(context, path, memory, diagnostics));
            if (memory != null) {
                String scope = CheckMemory.scope(checks, context);
                if (memory.sameScope(scope)) {
                    before.forEach((path, record) -> {
                        record.diagnostics().forEach(diagnostics::report);
                        memory.remember(path, record);
                    });
                } else {
                    eachPage(workers, unchanged, path -> checkPage(context, path, memory, diagnostics));
                }
                memory.save(scope);
            }
        }
        for (OutputCheck check : checks) {
            try {
                check.run(context, diagnostics);
            } catch (RuntimeException e) {
                failed(check, ".", e, diagnostics);
            }
        }
        return new CheckResult(context.pagePaths().size(), diagnostics.all());
    }

    /** Reads, parses and checks one page; with a memory, remembers what was found on it. */
    private void checkPage(CheckContext context, String path, CheckMemory memory, Diagnostics diagnostics) {
        java.nio.file.attribute.BasicFileAttributes file = context.attributes(path);
        byte[] bytes = context.read(path);
        Page page = context.parse(path, bytes);
        CheckContext.PageFacts facts = context.remember(page);
        Diagnostics found = new Diagnostics();
        for (OutputCheck check : checks) {
            try {
                check.checkPage(context, page, found);
            } catch (RuntimeException e) {
                failed(check, path, e, found);
            }
        }
        found.all().forEach(diagnostics::report);
        if (memory != null) {
            memory.remember(path, new CheckMemory.PageRecord(CheckMemory.pageHash(bytes), file, facts, found.all()));
        }
    }

    /**
     * A check that threw (a plugin's, most likely) is reported as a problem of the page it was
     * reading, and the other checks go on: one broken check must not hide what the others find.
     */
    private static void failed(OutputCheck check, String path, RuntimeException e, Diagnostics out) {
        out.error("check.failed", path, 0, "the check '" + check.id() + "' failed" + (path.equals(".") ? " on the output" : " on this page") + ": " + e,
                "this is a bug in the check '" + check.id() + "' (" + check.getClass().getName() + "); report it to its authors");
    }

    private static void eachPage(WorkerPool workers, java.util.Collection<String> paths, java.util.function.Consumer<String> work) {
        workers.forEach(paths, work, "checking pages");
    }
}
