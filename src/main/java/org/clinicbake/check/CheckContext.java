package org.clinicbake.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.clinicbake.schema.SchemaValidator;
import org.clinicbake.schema.SchemaVocabulary;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * What the checks of one run see: the output folder, its files, its HTML pages (parsed by jsoup, positions tracked,
 * when a check asks: a run does not hold them all), the few site settings the checks need, the day review dates are
 * judged on, and one schema.org validator.
 *
 * <p>Reads the output folder and the site's {@code jbake.properties} only; never the content, never JRuby.
 */
public final class CheckContext {

    /** jbake.properties key: hosts (or origins) the pages may load resources from, comma-separated. */
    public static final String ALLOWED_ORIGINS = "check.allowed-origins";

    private final Path siteDir;
    private final Path outputDir;
    private final LocalDate today;
    private final Properties config;
    private final Set<String> files;
    private final Map<String, Path> pageFiles;
    private Map<String, Page> allPages;
    private final Map<String, PageFacts> facts = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Object, Object> runState = new java.util.HashMap<>();
    private final Set<String> allowedHosts;
    /** site.host's host and folder, read once: the checks ask for them at every link and request of every page. */
    private final Optional<String> siteHost;
    private final String basePath;
    private final Supplier<SchemaVocabulary> vocabulary;
    private SchemaValidator validator;

    private CheckContext(Path siteDir, Path outputDir, LocalDate today, Properties config, Set<String> files,
            Map<String, Path> pageFiles, Supplier<SchemaVocabulary> vocabulary) {
        this.siteDir = siteDir;
        this.outputDir = outputDir;
        this.config = config;
        this.files = Collections.unmodifiableSet(files);
        this.pageFiles = Collections.unmodifiableMap(pageFiles);
        this.vocabulary = vocabulary;
        this.today = today != null ? today : LocalDate.now(zone(config));
        this.allowedHosts = allowedHosts(config);
        this.siteHost = config("site.host").flatMap(Urls::hostOf);
        this.basePath = org.clinicbake.build.SiteConfiguration.basePath(config.getProperty("site.host"));
    }

    /**
     * Reads the output folder.
     *
     * @param siteDir   the site folder, for its {@code jbake.properties}; it need not exist
     * @param outputDir the baked output folder
     * @param today     the day review dates are judged on, or {@code null} for today in the site's time zone
     * @throws NoSuchFileException when the output folder does not exist
     */
    public static CheckContext load(Path siteDir, Path outputDir, LocalDate today) throws IOException {
        return load(siteDir, outputDir, today, SchemaVocabulary::load);
    }

    /** As {@link #load(Path, Path, LocalDate)}, with the schema.org vocabulary from {@code vocabulary} (asked at most once). */
    public static CheckContext load(Path siteDir, Path outputDir, LocalDate today, Supplier<SchemaVocabulary> vocabulary)
            throws IOException {
        Objects.requireNonNull(siteDir, "siteDir");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(vocabulary, "vocabulary");
        if (!Files.isDirectory(outputDir)) {
            throw new NoSuchFileException(outputDir.toString(), null, "no output folder to check");
        }
        // Read as the bake reads it (a byte order mark is no part of the first key).
        Properties config = org.clinicbake.build.SiteConfiguration.readSiteFile(siteDir);
        Set<String> files = new TreeSet<>();
        List<Path> htmlFiles = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(outputDir)) {
            walk.filter(Files::isRegularFile).sorted().forEach(file -> {
                String relative = relative(outputDir, file);
                files.add(relative);
                if (isHtml(relative)) {
                    htmlFiles.add(file);
                }
            });
        }
        Map<String, Path> pages = new TreeMap<>();
        for (Path file : htmlFiles) {
            pages.put(relative(outputDir, file), file);
        }
        return new CheckContext(siteDir, outputDir, today, config, files, pages, vocabulary);
    }

    static boolean isHtml(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.endsWith(".html") || lower.endsWith(".htm");
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }

    private static ZoneId zone(Properties config) {
        return org.clinicbake.build.SiteConfiguration.zoneNamed(config.getProperty("site.timezone")).orElse(ZoneOffset.UTC);
    }

    private static Set<String> allowedHosts(Properties config) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String entry : config.getProperty(ALLOWED_ORIGINS, "").split(",")) {
            String host = Urls.hostOf(entry.strip()).orElse(entry.strip().toLowerCase(Locale.ROOT));
            if (!host.isEmpty()) {
                hosts.add(host);
            }
        }
        return Collections.unmodifiableSet(hosts);
    }

    /** The site folder (for its settings). */
    public Path siteDir() {
        return siteDir;
    }

    /** The baked output folder being checked. */
    public Path outputDir() {
        return outputDir;
    }

    /** The day review dates are judged on. */
    public LocalDate today() {
        return today;
    }

    /** A value of the site's {@code jbake.properties}, if set there. */
    public Optional<String> config(String key) {
        return Optional.ofNullable(config.getProperty(key)).map(String::strip);
    }

    /** Every regular file of the output, relative to it with {@code /} separators, sorted. */
    public Set<String> files() {
        return files;
    }

    /** Whether the output has this file (exact case). */
    public boolean hasFile(String path) {
        return files.contains(path);
    }

    /** The paths of the HTML pages of the output, sorted. */
    public Set<String> pagePaths() {
        return pageFiles.keySet();
    }

    /**
     * Every HTML page of the output, parsed, sorted by path: all of them held at once, so a check that
     * can look at one page at a time implements {@link OutputCheck#checkPage} instead.
     */
    public synchronized List<Page> pages() {
        if (allPages == null) {
            Map<String, Page> parsed = new TreeMap<>();
            pageFiles.keySet().forEach(path -> parsed.put(path, parse(path)));
            allPages = parsed;
        }
        return List.copyOf(allPages.values());
    }

    /** The HTML page at this path, relative to the output folder, parsed (anew, unless {@link #pages()} holds it). */
    public Optional<Page> page(String path) {
        synchronized (this) {
            if (allPages != null) {
                return Optional.ofNullable(allPages.get(path));
            }
        }
        return pageFiles.containsKey(path) ? Optional.of(parse(path)) : Optional.empty();
    }

    /**
     * What other pages and the site-wide checks need to know of a page: its fragment targets (for
     * links into it) and the address it declares canonical.
     */
    record PageFacts(Set<String> anchors, Optional<Page.Canonical> canonical) {

        PageFacts {
            anchors = Set.copyOf(anchors);
            Objects.requireNonNull(canonical, "canonical");
        }

        static PageFacts of(Page page) {
            return new PageFacts(page.targets(), page.canonical());
        }
    }

    /**
     * The fragment targets of a page ({@code id}s and {@code a name}s), without holding the page:
     * remembered from when the run checked it, or read now.
     */
    public Set<String> anchors(String path) {
        PageFacts known = facts.get(path);
        if (known != null) {
            return known.anchors();
        }
        return page(path).map(this::remember).map(PageFacts::anchors).orElse(Set.of());
    }

    PageFacts remember(Page page) {
        PageFacts found = PageFacts.of(page);
        facts.put(page.path(), found);
        return found;
    }

    /** Remembers what a page checked in an earlier run had, when its bytes are the same. */
    void remember(String path, PageFacts known) {
        facts.put(path, known);
    }

    /** What this run knows of each page it checked or remembered, by path, sorted. */
    Map<String, PageFacts> facts() {
        return Collections.unmodifiableMap(new TreeMap<>(facts));
    }

    /**
     * What a check collects over the pages of this run (for its site-wide part in
     * {@link OutputCheck#run}): one value per key, created on first use. Checks are shared between
     * runs, so they keep nothing in fields of their own.
     */
    @SuppressWarnings("unchecked")
    public synchronized <T> T runState(Object key, Supplier<T> initial) {
        return (T) runState.computeIfAbsent(key, ignored -> initial.get());
    }

    /** Reads and parses one page, with source positions for line numbers. */
    Page parse(String path) {
        return parse(path, read(path));
    }

    /** The size and time stamp of one page's file. */
    java.nio.file.attribute.BasicFileAttributes attributes(String path) {
        try {
            return Files.readAttributes(pageFiles.get(path), java.nio.file.attribute.BasicFileAttributes.class);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The bytes of one page. */
    byte[] read(String path) {
        try {
            return Files.readAllBytes(pageFiles.get(path));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Parses one page read already (lines are found when asked: {@link Page#line}). */
    Page parse(String path, byte[] bytes) {
        Path file = pageFiles.get(path);
        return new Page(path, file, parse(bytes, file, false), bytes);
    }

    /** Parses a page's bytes as a browser would, with or without the source positions of its nodes. */
    static Document parse(byte[] bytes, Path file, boolean positions) {
        try {
            return Jsoup.parse(new java.io.ByteArrayInputStream(bytes), "UTF-8", file.toUri().toString(),
                    Parser.htmlParser().setTrackPosition(positions));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The line of a page's canonical link, 0 when it has none: read again, as only a page reported asks. */
    int canonicalLine(String path) {
        return page(path).flatMap(Page::canonicalLink).map(Page::line).orElse(0);
    }

    /** One setting of the site's {@code jbake.properties}, or null when it is not set. */
    String setting(String key) {
        return config.getProperty(key);
    }

    /** Every setting of the site's {@code jbake.properties}, sorted: part of what a check's findings depend on. */
    Map<String, String> settings() {
        Map<String, String> sorted = new TreeMap<>();
        config.stringPropertyNames().forEach(key -> sorted.put(key, config.getProperty(key)));
        return sorted;
    }

    /** Hosts pages may request resources from ({@value #ALLOWED_ORIGINS}), lower case; empty by default. */
    public Set<String> allowedHosts() {
        return allowedHosts;
    }

    /** The folder of its host the site is published in ({@code site.host}'s path): {@code /} or e.g. {@code /clinic/}. */
    public String basePath() {
        return basePath;
    }

    /** The host of {@code site.host} in jbake.properties: the site's own origin, never a third party. */
    public Optional<String> siteHost() {
        return siteHost;
    }

    /** Whether a request to {@code host} stays with the site or a host the site allows. */
    public boolean isAllowedHost(String host) {
        return allowedHosts.contains(host) || siteHost().filter(host::equals).isPresent();
    }

    /** The schema.org 30.0 validator, created on first use and shared by the run. */
    public synchronized SchemaValidator schemaValidator() {
        if (validator == null) {
            validator = new SchemaValidator(vocabulary.get());
        }
        return validator;
    }
}
