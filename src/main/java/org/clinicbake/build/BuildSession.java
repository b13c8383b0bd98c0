package org.clinicbake.build;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

import org.asciidoctor.Asciidoctor;
import org.clinicbake.BakeOptions;
import org.clinicbake.content.ArticleReadability;
import org.clinicbake.content.AsciidoctorLogBridge;
import org.clinicbake.content.ConversionCache;
import org.clinicbake.data.SiteData;
import org.clinicbake.diag.Diagnostics;
import org.clinicbake.readability.Readability;
import org.clinicbake.render.Theme;
import org.clinicbake.schema.SchemaValidator;
import org.clinicbake.schema.SchemaVocabulary;

/**
 * The state of one build, shared by the engines JBake calls: where the site is, what went wrong so
 * far, the site's data and theme, and the build's single Asciidoctor instance.
 */
public final class BuildSession implements AutoCloseable {

    private final Path siteDir;
    private final SiteConfiguration config;
    private final SiteData data;
    private final Theme theme;
    private final Diagnostics diagnostics;
    private final BakeOptions options;
    private final PhaseTimes times;
    private final ConversionCache cache;
    private final Plugins plugins;
    private final Map<String, String> fingerprints = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, ImageFacts> imageFacts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, ImageVariant> imageVariants = new java.util.concurrent.ConcurrentHashMap<>();
    private final ThreadLocal<PageAssets> pageAssets = new ThreadLocal<>();
    private final java.util.Set<File> includingFiles = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AsciidoctorLogBridge logBridge;
    private final AsciidoctorBoot boot;
    private volatile PageMemory pageMemory;
    private volatile StagedFiles stagedFiles = StagedFiles.writtenAnew();
    private volatile org.clinicbake.render.ParallelDocumentsRenderer.PagesInFlight pagesInFlight;
    private volatile Asciidoctor asciidoctor;
    private Map<String, List<Path>> contentSlugs;
    private SchemaVocabulary vocabulary;
    private SchemaValidator schemaValidator;
    private final Readability readabilityScorer = new Readability();
    /** Read once (every article and page asks): the site's settings do not change during a build. */
    private volatile ZoneId zone;
    private volatile LocalDate today;
    private volatile Map<String, String> clockAttributes;
    private final Object todayLock = new Object();
    private final java.util.Queue<ArticleReadability> readability = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.Queue<Xref> xrefs = new java.util.concurrent.ConcurrentLinkedQueue<>();

    BuildSession(Path siteDir, SiteConfiguration config, SiteData data, Theme theme,
                 Diagnostics diagnostics, BakeOptions options, PhaseTimes times, ConversionCache cache,
                 AsciidoctorBoot boot, Plugins plugins) {
        this.siteDir = siteDir;
        this.config = config;
        this.data = data;
        this.theme = theme;
        this.diagnostics = diagnostics;
        this.options = options;
        this.times = times;
        this.cache = cache;
        this.plugins = plugins;
        this.logBridge = new AsciidoctorLogBridge(this);
        this.boot = boot;
        config.attach(this);
    }

    public Path siteDir() {
        return siteDir;
    }

    public SiteConfiguration config() {
        return config;
    }

    public SiteData data() {
        return data;
    }

    public Theme theme() {
        return theme;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** Whether drafts are rendered (preview) or left out entirely (bake). */
    public boolean includeDrafts() {
        return options.includeDrafts();
    }

    /**
     * What this bake knows of the pages the last one published: the preview's memory, or what a
     * one-shot bake read from the site's folder ({@link PageMemory}); empty when neither.
     */
    public Optional<PageReuse> pageReuse() {
        return options.memory() != null ? Optional.of(options.memory()) : Optional.ofNullable(pageMemory);
    }

    /** A one-shot bake takes unchanged pages from the output as {@code memory} describes it. */
    void reusePagesFrom(PageMemory memory) {
        this.pageMemory = memory;
    }

    /** A one-shot bake links each page whose bytes did not change to its file in {@code output}, the folder it replaces. */
    void linkUnchangedPagesFrom(Path output) {
        this.stagedFiles = new StagedFiles(output);
    }

    /** Where the renderer puts the pages of this bake. */
    public StagedFiles stagedFiles() {
        return stagedFiles;
    }

    /** The document pages now being rendered on the worker threads, while JBake renders the rest. */
    public void renderingPages(org.clinicbake.render.ParallelDocumentsRenderer.PagesInFlight pages) {
        pagesInFlight = pages;
    }

    /**
     * Waits for the document pages being rendered, if any: before the assets they asked for are
     * copied, and before the Oven's work is reported; what failed, if anything. It holds no lock of the
     * session's while it waits: the pages' own threads take them.
     */
    public Optional<org.jbake.template.RenderingException> awaitPages() {
        org.clinicbake.render.ParallelDocumentsRenderer.PagesInFlight pages = pagesInFlight;
        if (pages == null) {
            return Optional.empty();
        }
        try {
            pages.finish();
            return Optional.empty();
        } catch (org.jbake.template.RenderingException e) {
            return Optional.of(e);
        }
    }

    /** What the preview remembers from its previous bake; empty for a one-shot bake. */
    public Optional<BuildMemory> memory() {
        return Optional.ofNullable(options.memory());
    }

    /** Template functions, filters and checks from plugins on the class path. */
    public Plugins plugins() {
        return plugins;
    }

    /** Assets templates asked for by content hash (asset path to its fingerprinted path), written after the assets. */
    public Map<String, String> fingerprints() {
        return fingerprints;
    }

    /** What {@code image()} learned of an image: its width and height when it could read them, and whether the file is anywhere. */
    public record ImageFacts(Optional<int[]> size, boolean found) {
    }

    /**
     * The facts of the image at {@code path}, read once per bake: a theme's image() in the footer
     * decoded the picture again for every page (1.3 s more rendering at 1,000 pages for one logo).
     */
    public ImageFacts imageFacts(String path, java.util.function.Function<String, ImageFacts> read) {
        return imageFacts.computeIfAbsent(path, read);
    }

    /**
     * What one page asked for while it was rendered: assets by content hash and scaled images. The
     * preview's memory keeps it with the page, so a page carried over still has its assets written.
     */
    public record PageAssets(Map<String, String> fingerprints, Map<String, ImageVariant> imageVariants) {

        public static final PageAssets NONE = new PageAssets(Map.of(), Map.of());
    }

    /** A scaled copy of an image asset ({@code source}, relative to the output) that a page offers, written with the assets. */
    public record ImageVariant(String source, int width) {
    }

    /** Rendering one page, which may fail as {@code E}. */
    public interface PageRendering<T, E extends Exception> {
        T render() throws E;
    }

    /** What rendering a page gave, and what the page asked for meanwhile. */
    public record Recorded<T>(T value, PageAssets assets) {
    }

    /** Renders a page on this thread, recording what it asks for. */
    public <T, E extends Exception> Recorded<T> recordingAssets(PageRendering<T, E> rendering) throws E {
        PageAssets asked = new PageAssets(new java.util.TreeMap<>(), new java.util.TreeMap<>());
        pageAssets.set(asked);
        try {
            T value = rendering.render();
            return new Recorded<>(value, new PageAssets(Map.copyOf(asked.fingerprints()), Map.copyOf(asked.imageVariants())));
        } finally {
            pageAssets.remove();
        }
    }

    /** A template asked for an asset by content hash. */
    public void askedForAsset(String path, String fingerprinted) {
        fingerprints.put(path, fingerprinted);
        PageAssets page = pageAssets.get();
        if (page != null) {
            page.fingerprints().put(path, fingerprinted);
        }
    }

    /** A template offered a scaled copy of an image. */
    public void askedForImage(String variant, ImageVariant scaled) {
        imageVariants.put(variant, scaled);
        PageAssets page = pageAssets.get();
        if (page != null) {
            page.imageVariants().put(variant, scaled);
        }
    }

    /**
     * A page carried over from the last bake: its problems are reported again and what it asked for
     * (assets, image sizes) is asked again, so the result is a fresh bake's.
     */
    public void keptPage(List<org.clinicbake.diag.Diagnostic> problems, PageAssets asked) {
        problems.forEach(diagnostics::report);
        fingerprints.putAll(asked.fingerprints());
        imageVariants.putAll(asked.imageVariants());
    }

    /** Scaled copies of images that templates offered in a srcset (variant path to what to scale), written with the assets. */
    public Map<String, ImageVariant> imageVariants() {
        return imageVariants;
    }

    /** Notes that an article parsed in this build includes other files. */
    public void noteIncludes(File article) {
        includingFiles.add(article);
    }

    /** Whether an article parsed in this build includes other files (its time stamp does not tell of their edits). */
    public boolean includesOtherFiles(File article) {
        return includingFiles.contains(article);
    }

    /** Converted articles kept between bakes. */
    public ConversionCache conversionCache() {
        return cache;
    }

    /** Where the smaller copies of images are kept between bakes, or null with {@code clinicbake.cache=false}. */
    public Path imageCache() {
        return SiteBuild.cacheFolder(siteDir, config, SiteBuild.IMAGE_CACHE_FOLDER);
    }

    /** Where the stages of this bake record their wall time. */
    public PhaseTimes times() {
        return times;
    }

    /** How many files are converted at once: one per core, or {@code clinicbake.threads} in jbake.properties. */
    public int threads() {
        return Math.max(1, (int) config.getDouble("clinicbake.threads", Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Today in the site's time zone: the day review dates are judged against. Read once, when first
     * asked: a bake that runs past midnight judges every page by the same day.
     */
    public LocalDate today() {
        LocalDate known = today;
        if (known == null) {
            synchronized (todayLock) {
                if (today == null) {
                    today = LocalDate.now(options.clock().withZone(zone()));
                }
                known = today;
            }
        }
        return known;
    }

    /**
     * What Asciidoctor's clock attributes ({@code {localdate}}, {@code {docdate}}...) show in this bake: the start of
     * {@link #today()} in the site's time zone. Worked out once, not for every article.
     */
    public Map<String, String> clockAttributes() {
        Map<String, String> known = clockAttributes;
        if (known == null) {
            known = org.clinicbake.content.AsciidocEngine.clockAttributes(today(), zone());
            clockAttributes = known;
        }
        return known;
    }

    /**
     * File names (without extension) of every AsciiDoc page in the content folder, for {@code :med-related:}:
     * each with every file of that name, since two folders may hold one (conditions/sciatica.adoc, guides/sciatica.adoc).
     */
    public synchronized Map<String, List<Path>> contentSlugs() {
        if (contentSlugs == null) {
            Map<String, List<Path>> slugs = new TreeMap<>();
            try (Stream<Path> walk = org.clinicbake.io.FileTrees.walk(config.getContentFolder().toPath())) {
                walk.filter(Files::isRegularFile)
                        .filter(org.clinicbake.content.AsciidocEngine::isArticle)
                        .sorted()
                        .forEach(file -> slugs.computeIfAbsent(file.getFileName().toString().replaceFirst("\\.[^.]+$", ""),
                                name -> new java.util.ArrayList<>()).add(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            slugs.replaceAll((name, files) -> List.copyOf(files));
            contentSlugs = Collections.unmodifiableMap(slugs);
        }
        return contentSlugs;
    }

    /** Scores reading levels, remembering the syllables of words across the whole bake. */
    public Readability readabilityScorer() {
        return readabilityScorer;
    }

    /**
     * A cross reference from a line of an article to another article's file, held until every article is read;
     * {@code anchor} is the id after its {@code #}, or null.
     */
    public record Xref(String from, int line, String target, Path file, String anchor, boolean related) {

        public Xref(String from, int line, String target, Path file, String anchor) {
            this(from, line, target, file, anchor, false);
        }

        /** A page named in {@code :med-related:} (at that header line), which is a link on the page too. */
        public static Xref related(String from, int line, String slug, Path file) {
            return new Xref(from, line, slug, file, null, true);
        }
    }

    /** Records a cross reference whose target file exists: whether that page will be published is known after the crawl. */
    public void xref(Xref reference) {
        xrefs.add(reference);
    }

    /** The cross references recorded by this bake's parses. */
    public List<Xref> xrefs() {
        return List.copyOf(xrefs);
    }

    /** Records the reading level of a clinical article for the bake's report. */
    public void readability(ArticleReadability article) {
        readability.add(article);
    }

    /** The reading level of every clinical article parsed so far, by path. */
    public List<ArticleReadability> readability() {
        return readability.stream().sorted(java.util.Comparator.comparing(ArticleReadability::path)).toList();
    }

    /** Checks JSON-LD against the vocabulary. */
    public synchronized SchemaValidator schemaValidator() {
        if (schemaValidator == null) {
            schemaValidator = new SchemaValidator(vocabulary());
        }
        return schemaValidator;
    }

    /** The schema.org vocabulary, loaded on first use. */
    public synchronized SchemaVocabulary vocabulary() {
        if (vocabulary == null) {
            vocabulary = memory().map(BuildMemory::vocabulary).orElseGet(SchemaVocabulary::load);
        }
        return vocabulary;
    }

    /** BCP 47 language of the site, e.g. {@code en-US}. */
    public String language() {
        return config.getString("site.lang", "en-US");
    }

    public Locale locale() {
        return Locale.forLanguageTag(language());
    }

    /** The language of the header dates' month and day names (see {@link SiteConfiguration#dateLocale}). */
    public Locale dateLocale() {
        return SiteConfiguration.dateLocale(config.getString("jvm.locale", null), language());
    }

    /** Time zone in which header dates (calendar days) are placed on the time line. */
    public ZoneId zone() {
        ZoneId known = zone;
        if (known == null) {
            known = SiteConfiguration.zoneNamed(config.getString("site.timezone", "UTC")).orElse(java.time.ZoneOffset.UTC);
            zone = known;
        }
        return known;
    }

    /** The folder of its host the site is published in, starting and ending with {@code /} (see {@link SiteConfiguration#basePath}). */
    public String basePath() {
        return SiteConfiguration.basePath(config.getSiteHost());
    }

    /** Absolute base URL of the published site, without a trailing slash. */
    public String host() {
        String host = config.getSiteHost();
        return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    }

    /** Path of a file relative to the site folder, with {@code /} separators, as diagnostics show it. */
    public String relativePath(File file) {
        return relativePath(file.toPath());
    }

    /** As {@link #relativePath(File)}, for a path a folder listing gave (a File of its name may be no path at all). */
    public String relativePath(Path file) {
        Path path = file.toAbsolutePath().normalize();
        Path site = siteDir.toAbsolutePath().normalize();
        Path shown = path.startsWith(site) ? site.relativize(path) : path;
        return shown.toString().replace(File.separatorChar, '/');
    }

    /** The build's one Asciidoctor instance. */
    public Asciidoctor asciidoctor() {
        Asciidoctor ready = asciidoctor;
        if (ready != null) {
            return ready;
        }
        // JRuby boots for seconds: the wait must not hold the session's lock, which the threads
        // parsing cached articles meanwhile take for the site's slugs and the vocabulary.
        Asciidoctor booted = boot.get();
        synchronized (this) {
            if (asciidoctor == null) {
                booted.registerLogHandler(logBridge);
                asciidoctor = booted;
            }
            return asciidoctor;
        }
    }

    /** Counts an article converted with {@link #asciidoctor()} (see {@link org.clinicbake.content.RubyCompiler}). */
    public void converted() {
        boot.converted();
    }

    /** Where Asciidoctor's messages for this build go. */
    public AsciidoctorLogBridge logBridge() {
        return logBridge;
    }

    /**
     * Closes the conversion cache's pack file, which the crawl read from, and stops sending
     * Asciidoctor's messages here; whoever started Asciidoctor stops it.
     */
    @Override
    public synchronized void close() {
        cache.closePack();
        if (asciidoctor != null) {
            asciidoctor.unregisterLogHandler(logBridge);
        }
        asciidoctor = null;
    }
}
