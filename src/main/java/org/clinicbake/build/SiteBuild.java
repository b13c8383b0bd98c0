package org.clinicbake.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.clinicbake.BakeOptions;
import org.clinicbake.BakeResult;
import org.clinicbake.check.CheckResult;
import org.clinicbake.check.OutputCheck;
import org.clinicbake.check.SiteChecker;
import org.clinicbake.content.ArticleReadability;
import org.clinicbake.content.ConversionCache;
import org.clinicbake.data.SiteData;
import org.clinicbake.data.SiteDataLoader;
import org.clinicbake.diag.Diagnostic;
import org.clinicbake.diag.Diagnostics;
import org.clinicbake.render.Theme;

/**
 * One bake, top to bottom (the order is also written down in src/docs/pipeline.md):
 * <ol>
 *   <li>start JRuby's boot in the background when an article looks edited ({@link AsciidoctorBoot});</li>
 *   <li>check the output folder can be replaced; stop there when it is up to date (a preview: take
 *       the short path of a text edit when it applies, {@link TextEditRebuild}); open a staging
 *       folder beside it;</li>
 *   <li>read the configuration ({@code jbake.properties} over ClinicBake's and JBake's defaults);</li>
 *   <li>read the site data ({@code data/clinic.yml}, {@code data/providers.yml});</li>
 *   <li>run JBake's Oven with ClinicBake's engines: parse AsciiDoc, render Pebble, copy assets;</li>
 *   <li>check no page came out empty, and run the fast output checks;</li>
 *   <li>publish the staging folder in one move (the preview: only what changed, in place), or
 *       discard it when anything failed.</li>
 * </ol>
 */
public final class SiteBuild {

    /**
     * JBake keeps document types, engines and model extractors in static registries that every
     * Oven resets, so two bakes in one JVM must not overlap.
     */
    static final Object JBAKE_REGISTRIES = new Object();

    /** The phase reported by a bake that found its output up to date and did nothing else. */
    public static final String UP_TO_DATE = "up-to-date";

    /** The phase reported by a preview rebuild that took the short path of a text edit ({@link TextEditRebuild}). */
    public static final String TEXT_EDIT = "text-edit";

    private final Path siteDir;
    private final Path outputDir;
    private final BakeOptions options;

    public SiteBuild(Path siteDir, Path outputDir, BakeOptions options) {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.outputDir = outputDir.toAbsolutePath().normalize();
        this.options = options;
    }

    public BakeResult run() throws IOException {
        long started = System.nanoTime();
        try (AsciidoctorBoot asciidoctor = asciidoctor()) {
            return run(asciidoctor, started);
        }
    }

    /** The result of a bake stopped by its diagnostics before anything was baked. */
    private static BakeResult stoppedBeforeBaking(OutputFolder output, Diagnostics diagnostics, PhaseTimes times, long started) {
        return BakeResult.of(output.path(), false, 0, diagnostics.all(), List.of(), times.snapshot(), new BakeResult.Work(0, 0), started);
    }

    /**
     * The bake's Asciidoctor: the preview's own, or one booted here; a one-shot bake starts booting
     * at once when an article looks edited since the last bake, while it checks and configures.
     */
    private AsciidoctorBoot asciidoctor() {
        AsciidoctorBoot boot = AsciidoctorBoot.of(options);
        if (options.asciidoctor() == null && options.memory() == null && AsciidoctorBoot.articleEditedSinceLastBake(siteDir)) {
            boot.start();
        }
        return boot;
    }

    /** The problem with a site folder that does not exist: every command that reads a site reports it so. */
    public static Diagnostic missingSite(Path siteDir) {
        return Diagnostic.error("site.missing", siteDir.toString(), 0, "the site folder does not exist",
                "pass the folder that holds jbake.properties and content/");
    }

    private BakeResult run(AsciidoctorBoot asciidoctor, long started) throws IOException {
        Diagnostics diagnostics = new Diagnostics();
        PhaseTimes times = new PhaseTimes();
        OutputFolder output = new OutputFolder(outputDir);
        if (!Files.isDirectory(siteDir)) {
            diagnostics.report(missingSite(siteDir));
            return stoppedBeforeBaking(output, diagnostics, times, started);
        }
        // Bakes into one output folder take turns, across processes: a second bake took the first's
        // staging folder for a crashed bake's leftover and deleted it under the first.
        try (OutputFolder.Turn turn = output.waitForTurn(siteDir.resolve(".clinicbake").resolve("locks"))) {
            return bake(asciidoctor, started, diagnostics, times, output);
        }
    }

    private BakeResult bake(AsciidoctorBoot asciidoctor, long started, Diagnostics diagnostics, PhaseTimes times, OutputFolder output)
            throws IOException {
        if (!output.prepare(siteDir, diagnostics)) {
            return stoppedBeforeBaking(output, diagnostics, times, started);
        }
        if (options.memory() != null) {
            Optional<BakeResult> textEdit = new TextEditRebuild(siteDir, output, options).run(started);
            if (textEdit.isPresent()) {
                return textEdit.get();
            }
        }
        // The preview has a finer memory of its own; a one-shot bake skips everything when nothing changed.
        UpToDateCheck upToDate = options.memory() == null ? new UpToDateCheck(siteDir, output.path(), options) : null;
        if (upToDate != null && upToDate.enabled()) {
            long checking = System.nanoTime();
            Optional<UpToDateCheck.Recorded> last = upToDate.unchanged();
            if (last.isPresent()) {
                times.add(UP_TO_DATE, checking);
                return BakeResult.of(output.path(), true, last.get().pages(), last.get().diagnostics(),
                        last.get().readability(), times.snapshot(), new BakeResult.Work(0, 0), started);
            }
            upToDate.inputs();
        } else if (upToDate != null) {
            upToDate.forget();
            upToDate = null;
        }
        // A one-shot bake takes the pages whose inputs did not change from the output it replaces.
        PageMemory pageMemory = upToDate != null ? PageMemory.load(memoryFile("pages"), output.path(), upToDate.fileHashes()) : null;
        Path staging;
        try {
            staging = output.createStaging();
        } catch (IOException e) {
            diagnostics.error("output.unwritable", output.path().toString(), 0,
                    "cannot create a folder beside the output folder: " + OutputFolder.reason(e),
                    "check that the folder above it is a folder you may write in, or choose another output folder with -o");
            return stoppedBeforeBaking(output, diagnostics, times, started);
        }
        List<ArticleReadability> readability = List.of();
        BakeResult.Work work = new BakeResult.Work(0, 0);
        Map<String, String> assetsAskedFor = Map.of();
        Map<String, BuildSession.ImageVariant> imagesAskedFor = Map.of();
        Set<String> written = Set.of();
        BuildMemory.Retained bakedWith = null;
        SourcePositions sources = null;
        boolean previewChecks = false;
        LocalDate bakeDay = null;
        try {
            long loading = System.nanoTime();
            Optional<SiteConfiguration> config = new SiteConfigLoader(diagnostics).load(siteDir, staging);
            Optional<Theme> theme = config.flatMap(loaded -> theme(loaded, diagnostics));
            Optional<Plugins> plugins = Plugins.load(SiteBuild.class.getClassLoader(), diagnostics);
            if ((theme.isEmpty() || plugins.isEmpty()) && !diagnostics.hasErrors()) {
                // Refused without an error to say why: publishing the empty staging folder would replace the site with nothing.
                throw new IllegalStateException("the configuration, theme or plugins were refused without an error");
            }
            if (theme.isPresent() && plugins.isPresent()) {
                SiteData data = new SiteDataLoader(diagnostics).load(siteDir);
                times.add("configure", loading);
                ConversionCache cache = conversionCache(siteDir, config.get());
                // A preview brings its own warm Asciidoctor, so there is no start-up to save by looking first.
                if (options.asciidoctor() == null && anyNeedsConversion(config.get(), cache)) {
                    asciidoctor.start();
                }
                boolean checking = checksOutput(options, config.get());
                // A bake checks its staging folder before publishing; the preview, which writes only what
                // changed, checks the pages it published (only the changed ones, with the check memory).
                boolean checks = checking && options.memory() == null;
                previewChecks = checking && options.memory() != null;
                if (options.memory() != null) {
                    options.memory().begin(output.path());
                }
                synchronized (JBAKE_REGISTRIES) {
                    try (BuildSession session = new BuildSession(siteDir, config.get(), data, theme.orElseThrow(), diagnostics, options,
                            times, cache, asciidoctor, plugins.get())) {
                        session.reusePagesFrom(pageMemory);
                        if (options.memory() == null) {
                            session.linkUnchangedPagesFrom(output.path());
                        }
                        Oven oven = runOven(session, options.memory() != null, config.get(), data, theme.get(), plugins.get());
                        bakedWith = oven.retained();
                        sources = oven.sources();
                        readability = session.readability();
                        bakeDay = session.today();
                        assetsAskedFor = Map.copyOf(session.fingerprints());
                        imagesAskedFor = Map.copyOf(session.imageVariants());
                    }
                }
                work = new BakeResult.Work(cache.converted(), cache.reused());
                if (!diagnostics.hasErrors()) {
                    cache.finishBake();
                }
                if (!diagnostics.hasErrors()) {
                    written = files(staging);
                    reportEmptyPages(staging, written, diagnostics);
                }
                if (!diagnostics.hasErrors() && checks) {
                    runFastChecks(staging, config.get(), bakeDay, sources, diagnostics, times);
                }
            }
            if (diagnostics.hasErrors()) {
                output.discard(staging);
                if (upToDate != null) {
                    upToDate.forget();
                }
                return BakeResult.of(output.path(), false, 0, diagnostics.all(), readability, times.snapshot(), work, started);
            }
            BuildMemory memory = options.memory();
            long publishing = System.nanoTime();
            int pages = (int) written.stream().filter(SiteBuild::isPage).count();
            if (memory != null && memory.updatesInPlace()) {
                // Only what changed was written to staging; the pages carried over are already in place.
                pages = memory.publishInPlace(output, staging, written, assetsAskedFor, imagesAskedFor, bakedWith);
            } else {
                try {
                    output.publish(staging);
                } catch (IOException e) {
                    // A folder that cannot be renamed (immutable, in use, another file system) is the user's
                    // to sort out, not a ClinicBake bug; the old output is where it was.
                    diagnostics.error("output.unwritable", output.path().toString(), 0,
                            "cannot put the new output in place of the old one: " + OutputFolder.reason(e),
                            "check that the output folder and the folder above it are yours to rename (not locked, "
                                    + "immutable or a mount point), or choose another output folder with -o");
                    output.discard(staging);
                    if (upToDate != null) {
                        upToDate.forget();
                    }
                    return BakeResult.of(output.path(), false, 0, diagnostics.all(), readability, times.snapshot(), work, started);
                }
                if (memory != null) {
                    memory.commit(assetsAskedFor, imagesAskedFor, written, bakedWith);
                }
            }
            if (pageMemory != null) {
                pageMemory.save();
                upToDate.fileHashes().save();
            }
            times.add("write-publish", publishing);
            if (previewChecks) {
                runFastChecks(output.path(), config.get(), bakeDay, sources, diagnostics, times);
            }
            if (upToDate != null) {
                upToDate.remember(pages, diagnostics.all(), readability);
            }
            return BakeResult.of(output.path(), true, pages, diagnostics.all(), readability, times.snapshot(), work, started);
        } catch (IOException | RuntimeException e) {
            output.discard(staging);
            if (upToDate != null) {
                upToDate.forget();
            }
            throw e;
        }
    }

    /**
     * Runs JBake's Oven. For a preview, returns what it baked with, which the memory keeps for the
     * next text edit; otherwise null, and nothing here holds the store (every document with its
     * body) while the checks run: at 10,000 articles that is a quarter of the bake's peak memory.
     */
    private static Oven runOven(BuildSession session, boolean retain, SiteConfiguration config,
                                SiteData data, Theme theme, Plugins plugins) {
        OvenRun.Baked baked = new OvenRun(session).bake();
        return new Oven(retain ? new BuildMemory.Retained(config, data, theme, plugins, baked) : null,
                SourcePositions.of(baked.store(), session.siteDir()));
    }

    /** What a run of the Oven leaves for the rest of the bake: the preview's memory of it, and where each page came from. */
    private record Oven(BuildMemory.Retained retained, SourcePositions sources) {
    }

    /** Where the site keeps what bakes into this output folder remember of it ({@code kind}: pages, checks). */
    private Path memoryFile(String kind) {
        return memoryFile(siteDir, outputDir, kind);
    }

    static Path memoryFile(Path siteDir, Path outputDir, String kind) {
        return siteDir.resolve(".clinicbake").resolve(kind).resolve(new Fingerprint().add(outputDir.toString()).hex().substring(0, 16) + ".json");
    }

    /** The template layers of the site: its own folder, the theme of {@code site.theme}, the built-in theme. */
    private Optional<Theme> theme(SiteConfiguration config, Diagnostics diagnostics) {
        try {
            return Optional.of(Theme.forSite(siteDir, config.getString("site.theme", "default")));
        } catch (Theme.UnknownTheme e) {
            Path file = e.file().startsWith("theme:") ? null : siteDir.resolve(e.file());
            diagnostics.error("config.unknown-theme", e.file(), file == null ? 0 : SiteConfigLoader.lineOf(file, e.key()), e.getMessage(),
                    "set " + e.key() + " to a folder under themes/ or a theme on the class path"
                            + (e.key().equals("site.theme") ? ", or remove it for the default theme" : ""));
            return Optional.empty();
        }
    }

    /**
     * The site's cache of converted articles, under {@code .clinicbake/cache} in the site folder
     * (off with {@code clinicbake.cache=false}). Its key covers every setting the conversion reads.
     */
    static ConversionCache conversionCache(Path siteDir, SiteConfiguration config) {
        String settings = String.join("\n",
                "clinicbake " + String.valueOf(SiteBuild.class.getPackage().getImplementationVersion()),
                "asciidoctorj " + String.valueOf(org.asciidoctor.Asciidoctor.class.getPackage().getImplementationVersion()),
                "lang " + config.getString("site.lang", "en-US"),
                "outfilesuffix " + config.getOutputExtension());
        return new ConversionCache(cacheFolder(siteDir, config, CACHE_FOLDER), settings);
    }

    /** One of the site's cache folders, or null when {@code clinicbake.cache=false} turns the caches off. */
    static Path cacheFolder(Path siteDir, SiteConfiguration config, String folder) {
        return cacheEnabled(config.getString("clinicbake.cache", "true")) ? siteDir.resolve(folder) : null;
    }

    /** Where the site keeps its converted articles, under its folder. */
    static final String CACHE_FOLDER = ".clinicbake/cache/asciidoc";

    /** Where the site keeps the smaller copies of its images (see ImageVariants), under its folder. */
    static final String IMAGE_CACHE_FOLDER = ".clinicbake/cache/images";

    static boolean cacheEnabled(String setting) {
        return !SiteConfigLoader.switchedOff(setting);
    }

    /**
     * Whether any article must go through Asciidoctor, which decides whether to start JRuby at all.
     * The newest files are looked at first: after an edit, the edited article is found at once, and
     * JRuby starts booting without waiting for every other article to be read.
     */
    private static boolean anyNeedsConversion(SiteConfiguration config, ConversionCache cache) throws IOException {
        record Article(Path file, java.nio.file.attribute.FileTime modified) {
        }
        List<Article> articles = new java.util.ArrayList<>();
        try (Stream<Path> walk = org.clinicbake.io.FileTrees.walk(config.getContentFolder().toPath())) {
            for (Path file : walk.filter(org.clinicbake.content.AsciidocEngine::isArticle).toList()) {
                try {
                    var attributes = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                    if (attributes.isRegularFile()) {
                        articles.add(new Article(file, attributes.lastModifiedTime()));
                    }
                } catch (IOException e) {
                    // Gone since the walk: nothing to convert.
                }
            }
        }
        articles.sort(java.util.Comparator.comparing(Article::modified).reversed());
        for (Article article : articles) {
            if (cache.needsConversion(article.file())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The checks of {@code clinicbake check} that need no vocabulary and no dates (links, anchors,
     * accessibility, third-party requests, empty and colliding pages) and the plugins' checks, on the staging folder: a
     * broken link fails the bake instead of reaching patients. On unless {@code check.on-bake=false};
     * the checks read one page at a time, so they add time (about 1.6 s at 1,000 pages) but no memory.
     */
    private void runFastChecks(Path staging, SiteConfiguration config, LocalDate today, SourcePositions sources,
                               Diagnostics diagnostics, PhaseTimes times) throws IOException {
        runFastChecks(siteDir, outputDir, staging, config, today, sources, diagnostics, times);
    }

    /** Whether a bake with these options runs the fast checks: asked for, and {@code check.on-bake} on. */
    static boolean checksOutput(BakeOptions options, SiteConfiguration config) {
        return options.outputChecks() && SiteConfigLoader.switchedOn(config.getString("check.on-bake", "false"));
    }

    /** The fast checks on {@code folder}, remembering per page in the memory of the output {@code outputDir}. */
    static void runFastChecks(Path siteDir, Path outputDir, Path folder, SiteConfiguration config, LocalDate today,
                              SourcePositions sources, Diagnostics diagnostics, PhaseTimes times) throws IOException {
        long started = System.nanoTime();
        // A plugin's checks are the clinic's own rules: a deploy runs a bake, not clinicbake check, so they run here too.
        List<OutputCheck> fast = Stream.concat(SiteChecker.bakeChecks().stream(), config.session().plugins().checks().stream())
                .toList();
        // What the last bake's checks found on each page is kept per output folder: a bake that
        // changed a few pages checks those (and every page again when links or settings changed).
        Path memory = cacheEnabled(config.getString("clinicbake.cache", "true")) ? memoryFile(siteDir, outputDir, "checks") : null;
        // The checks judge review dates by the day the pages were made for.
        CheckResult result = new SiteChecker(fast).check(siteDir, folder, today, memory);
        result.diagnostics().stream().map(sources::relocate).forEach(diagnostics::report);
        times.add("check", started);
    }

    /** JBake writes a 0-byte file when a template engine fails silently; such a page must never ship. */
    static void reportEmptyPages(Path staging, Set<String> written, Diagnostics diagnostics) throws IOException {
        for (String page : written) {
            if (isPage(page) && Files.size(staging.resolve(page)) == 0) {
                // The problem clinicbake check calls output.empty-page: one problem, one code, whichever command finds it.
                diagnostics.error(org.clinicbake.check.OutputFilesCheck.EMPTY_PAGE, page, 0, "page is an empty file",
                        org.clinicbake.check.OutputFilesCheck.EMPTY_PAGE_HINT);
            }
        }
    }

    /** Every file under {@code root}, relative to it with {@code /} separators. */
    static Set<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString().replace(java.io.File.separatorChar, '/'))
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    static boolean isPage(String path) {
        return path.endsWith(".html");
    }

}
