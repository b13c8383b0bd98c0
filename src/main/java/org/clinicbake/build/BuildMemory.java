package org.clinicbake.build;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.clinicbake.content.ArticleReadability;
import org.clinicbake.diag.Diagnostic;
import org.jbake.model.DocumentModel;

/**
 * What a long-running preview remembers from one bake to the next, so that a rebuild after an edit
 * parses only the files that changed and renders only the pages whose inputs changed. Every other
 * page is carried over from the previous output as a hard link, and the problems found when it was
 * first parsed or rendered are reported again, so the result is the same as a full bake's.
 *
 * <p>What a page's inputs are is decided conservatively: a document page depends on its own
 * document, its previous and next neighbours, and a <em>catalog</em> of every document's header
 * (titles, dates, tags, related articles... anything a template may list); every page depends on
 * the templates it can use (its own and those it extends, includes, imports or embeds), on the
 * site's other files but articles (configuration, data, assets, images) and on today's date. So
 * editing an article's text re-renders that article (and a site-wide page only if it reads bodies
 * from JBake's store); editing a template re-renders the pages that use it; editing a header or a
 * data file re-renders every page. What a kept page asked for (assets, image sizes) is remembered
 * with it, so the assets written are those a fresh bake writes.
 *
 * <p>Nothing is remembered from a bake that fails: the memory moves forward only with a published
 * output, so it always describes the folder being served.
 *
 * <p>A file is taken as unchanged when its size and modification time are. As in Git, a file
 * modified within {@link #RACY_MARGIN} of being read is not trusted on its time alone: its bytes
 * are compared too, since a quick second save can keep the size and the clock's tick.
 */
public final class BuildMemory implements PageReuse {

    private static final Duration RACY_MARGIN = Duration.ofSeconds(2);

    /**
     * A file as last parsed. {@code parse} numbers the parse: a page rendered from this very parse
     * shows the same document, without hashing the document again; {@code header} fingerprints its
     * header for the catalog.
     */
    private record ParsedFile(long size, FileTime modified, Instant readAt, String bytes, long parse, String header,
                              DocumentModel document, List<Diagnostic> diagnostics, List<ArticleReadability> readability,
                              Map<String, Object> derived, List<BuildSession.Xref> xrefs) {

        ParsedFile readAgainAt(Instant now) {
            return new ParsedFile(size, modified, now, bytes, parse, header, document, diagnostics, readability, derived, xrefs);
        }
    }

    private record RenderedPage(String fingerprint, List<Diagnostic> diagnostics, BuildSession.PageAssets assets) {
    }

    /**
     * A site-wide page as last rendered: the fingerprint of the templates it can use, whether it read
     * JBake's store, and the problems found on it.
     */
    private record SiteWidePage(String templates, boolean readStore, List<Diagnostic> diagnostics,
                                BuildSession.PageAssets assets) {
    }

    /**
     * What the last published bake baked with, for the rebuild after a text edit
     * ({@link TextEditRebuild}): the configuration, data, theme and plugins it read, and JBake's
     * store (every document with its body) and renderer (with the compiled templates) it filled.
     */
    record Retained(SiteConfiguration config, org.clinicbake.data.SiteData data, org.clinicbake.render.Theme theme,
                    Plugins plugins, OvenRun.Baked baked) {
    }

    /** How much of the last bake was carried over rather than done again. */
    public record Reuse(int parsed, int parsedKept, int rendered, int renderedKept) {
    }

    // What describes the published output (written only by commit).
    private String parseContext = "";
    private String renderContext = "";
    private String templateStamps = "";
    private Map<Path, ParsedFile> parsed = Map.of();
    private Map<String, RenderedPage> rendered = Map.of();
    private Map<String, String> fingerprints = Map.of();
    private Map<String, BuildSession.ImageVariant> imageVariants = Map.of();
    private Path published;
    private Reuse lastReuse = new Reuse(0, 0, 0, 0);
    private Retained retained;
    private org.clinicbake.schema.SchemaVocabulary vocabulary;
    private Map<String, Object> contextValues = new ConcurrentHashMap<>();
    private Map<String, Object> nextContextValues = new ConcurrentHashMap<>();

    // The bake in progress.
    private String nextParseContext = "";
    private String nextRenderContext = "";
    private String nextTemplateStamps = "";
    private final java.util.concurrent.atomic.AtomicLong parses = new java.util.concurrent.atomic.AtomicLong();
    private final Map<Path, ParsedFile> observed = new ConcurrentHashMap<>();
    private final Map<Path, ParsedFile> nextParsed = new ConcurrentHashMap<>();
    private final Map<String, RenderedPage> nextRendered = new ConcurrentHashMap<>();
    private Map<String, SiteWidePage> siteWidePages = Map.of();
    private final Map<String, SiteWidePage> nextSiteWidePages = new ConcurrentHashMap<>();
    private Path outputDir;
    private boolean inPlace;
    private Set<String> publishedFiles;
    private final Set<String> keptPaths = ConcurrentHashMap.newKeySet();
    private int parsedKept;
    private ContentListing listing;

    /** The schema.org vocabulary, read once for all rebuilds: it is part of ClinicBake, not of the site. */
    synchronized org.clinicbake.schema.SchemaVocabulary vocabulary() {
        if (vocabulary == null) {
            vocabulary = org.clinicbake.schema.SchemaVocabulary.load();
        }
        return vocabulary;
    }

    /** How much the last published bake reused. */
    public synchronized Reuse lastReuse() {
        return lastReuse;
    }

    /** Starts a rebuild into {@code outputDir}: in place when it is the folder the last one published. */
    synchronized void begin(Path outputDir) {
        this.outputDir = outputDir;
        this.inPlace = outputDir.equals(published) && publishedFiles != null && Files.isDirectory(outputDir);
        keptPaths.clear();
        observed.clear();
        nextParsed.clear();
        nextRendered.clear();
        nextSiteWidePages.clear();
        nextParseContext = "";
        nextRenderContext = "";
        nextTemplateStamps = "";
        parsedKept = 0;
        listing = null;
    }

    /**
     * Starts the parse stage. What a file parses to (and the problems found in it) depends, beyond
     * the file, on the configuration, the site data, which other articles exist (cross references)
     * and today's date (review dates); when any of those changed, every file is parsed again.
     */
    synchronized void beginParse(BuildSession session, ContentListing listing) {
        this.listing = listing;
        Fingerprint context = new Fingerprint()
                .add(session.today().toString())
                .add(session.includeDrafts());
        try {
            context.addFiles(session.siteDir().resolve("jbake.properties"), session.siteDir(), false, path -> true, Fingerprint.STAMP)
                    .addFiles(session.siteDir().resolve("data"), session.siteDir(), false, path -> true, Fingerprint.STAMP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        listing.files().forEach(file -> context.add(file.getPath()));
        nextParseContext = context.hex();
    }

    /** The document parsed from {@code file} in an earlier bake, when nothing it depends on changed. */
    Optional<DocumentModel> parsedBefore(File file, BuildSession session) {
        ParsedFile kept = keep(file, session);
        return kept == null ? Optional.empty() : Optional.of(copy(kept.document()));
    }

    /**
     * Whether {@code file} is as it was parsed in an earlier bake, in the same context; if so, its
     * parse is carried over (its problems reported again) as {@link #parsedBefore} does.
     */
    boolean unchangedSinceParsed(File file, BuildSession session) {
        return keep(file, session) != null;
    }

    private ParsedFile keep(File file, BuildSession session) {
        ParsedFile before;
        BasicFileAttributes listed;
        synchronized (this) {
            before = parseContext.equals(nextParseContext) ? parsed.get(file.toPath()) : null;
            listed = listing == null ? null : listing.attributes(file);
        }
        if (before == null) {
            return null;
        }
        try {
            BasicFileAttributes now = listed != null ? listed : Files.readAttributes(file.toPath(), BasicFileAttributes.class);
            if (now.size() != before.size() || !now.lastModifiedTime().equals(before.modified())) {
                return null;
            }
            ParsedFile kept = before;
            if (racy(before.modified(), before.readAt())) {
                if (before.bytes() == null || !new Fingerprint().addBytes(file.toPath()).hex().equals(before.bytes())) {
                    return null;
                }
                kept = before.readAgainAt(Instant.now());
            }
            nextParsed.put(file.toPath(), kept);
            before.diagnostics().forEach(session.diagnostics()::report);
            before.readability().forEach(session::readability);
            // Its references are checked again against the pages as they are now: an edit to the page
            // it links to can take away the section it names.
            before.xrefs().forEach(session::xref);
            synchronized (this) {
                parsedKept++;
            }
            return kept;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Notes the state of a file just before it is parsed; taken before, so a save during the parse
     * leaves a newer time stamp than the one remembered, and the file is parsed again next time.
     */
    void beforeParsing(File file) {
        try {
            Instant readAt = Instant.now();
            BasicFileAttributes attributes = Files.readAttributes(file.toPath(), BasicFileAttributes.class);
            String bytes = racy(attributes.lastModifiedTime(), readAt) ? new Fingerprint().addBytes(file.toPath()).hex() : null;
            observed.put(file.toPath(), new ParsedFile(attributes.size(), attributes.lastModifiedTime(), readAt, bytes,
                    0, null, null, List.of(), List.of(), Map.of(), List.of()));
        } catch (IOException e) {
            observed.remove(file.toPath());
        }
    }

    /**
     * Remembers what each file parsed to, with the problems reported for it. Files that include other
     * files are not remembered: an edit to the included file would not show in their own time stamp.
     */
    void rememberParsed(Map<File, DocumentModel> documents, BuildSession session) {
        Map<String, List<Diagnostic>> byPath = session.diagnostics().byPath();
        Map<String, List<ArticleReadability>> scores = session.readability().stream()
                .collect(Collectors.groupingBy(ArticleReadability::path));
        Map<String, List<BuildSession.Xref>> xrefs = session.xrefs().stream()
                .collect(Collectors.groupingBy(BuildSession.Xref::from));
        documents.forEach((file, document) -> {
            ParsedFile state = observed.get(file.toPath());
            if (state == null || nextParsed.containsKey(file.toPath())) {
                return;
            }
            if (session.includesOtherFiles(file)) {
                return;
            }
            String relative = session.relativePath(file);
            nextParsed.put(file.toPath(), new ParsedFile(state.size(), state.modified(), state.readAt(), state.bytes(),
                    parses.incrementAndGet(), new Fingerprint().add(header(document)).hex(),
                    copy(document), List.copyOf(byPath.getOrDefault(relative, List.of())),
                    List.copyOf(scores.getOrDefault(relative, List.of())), new ConcurrentHashMap<>(),
                    List.copyOf(xrefs.getOrDefault(relative, List.of()))));
        });
    }

    private static boolean racy(FileTime modified, Instant readAt) {
        return !modified.toInstant().isBefore(readAt.minus(RACY_MARGIN));
    }

    /**
     * Starts the render stage. Every page depends on the site's files other than articles and on the
     * catalog of document headers; the Oven has filled the store by now.
     */
    @Override
    public synchronized void beginRender(BuildSession session, Collection<DocumentModel> documents) {
        Fingerprint context = new Fingerprint().add(nextParseContext);
        Path content = session.config().getContentFolder().toPath().toAbsolutePath().normalize();
        List<Path> templateFolders = session.theme().templateFolders();
        Fingerprint templates = new Fingerprint();
        try {
            // The content folder's files come from the parse stage's listing, which has seen them
            // already; templates count page by page, through the templates each page can use.
            java.util.SortedMap<String, Object> files = Fingerprint.files(session.siteDir(), session.siteDir(), false,
                    path -> !path.startsWith(outputDir) && !path.equals(content) && !templateFolders.contains(path),
                    Fingerprint.STAMP);
            if (listing != null) {
                files.putAll(listing.otherStamps(session.siteDir()));
            }
            context.add(files);
            for (Path folder : templateFolders) {
                templates.addFiles(folder, session.siteDir(), true, path -> true, Fingerprint.STAMP);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        nextTemplateStamps = templates.hex();
        documents.stream()
                .sorted(java.util.Comparator.comparing(DocumentModel::getUri))
                .forEach(document -> {
                    ParsedFile parsed = parsedNow(document);
                    context.add(document.getUri()).add(parsed != null ? parsed.header() : new Fingerprint().add(header(document)).hex());
                });
        nextRenderContext = context.hex();
        nextContextValues = nextRenderContext.equals(renderContext) ? contextValues : new ConcurrentHashMap<>();
    }

    /**
     * The fingerprint of a document page: which parse of its file it shows, the templates it can use
     * ({@code templates}, from the theme), what JBake set on it for this bake, and the neighbours it
     * links to; null when its file was not remembered (then the page is always rendered).
     */
    @Override
    public String pageFingerprint(DocumentModel document, DocumentModel previous, DocumentModel next, String templates) {
        ParsedFile parsed = parsedNow(document);
        if (parsed == null) {
            return null;
        }
        Fingerprint page = new Fingerprint().add(parsed.parse()).add(templates).add(document.getUri()).add(document.getStatus())
                .add(document.getRootPath()).add(document.get("draft"));
        for (DocumentModel neighbour : new DocumentModel[] {previous, next}) {
            page.add(neighbour == null ? null : List.of(String.valueOf(neighbour.getUri()), String.valueOf(neighbour.getTitle())));
        }
        return page.hex();
    }

    /**
     * A value computed from what the render context fingerprints alone (every header, the data, the
     * settings, the templates, today), such as the site model: computed once, and again only when
     * that context changes.
     */
    @SuppressWarnings("unchecked")
    public <T> T forRenderContext(String what, java.util.function.Supplier<T> compute) {
        Map<String, Object> values;
        synchronized (this) {
            values = nextContextValues;
        }
        return (T) values.computeIfAbsent(what, ignored -> compute.get());
    }

    /**
     * A value computed from a document alone (such as its search entry), computed once per parse of
     * its file and reused by later rebuilds for as long as the file is unchanged.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(DocumentModel document, String what, java.util.function.Supplier<T> compute) {
        ParsedFile parsed = parsedNow(document);
        return parsed == null ? compute.get() : (T) parsed.derived().computeIfAbsent(what, ignored -> compute.get());
    }

    private ParsedFile parsedNow(DocumentModel document) {
        return document.getFile() == null ? null : nextParsed.get(Path.of(document.getFile()));
    }

    /**
     * The page as published by the last bake, when its fingerprint is unchanged; the problems found
     * when it was rendered are reported again.
     */
    @Override
    public Optional<Path> renderedBefore(String outputPath, String fingerprint, BuildSession session) {
        Optional<Path> file = publishedInSameContext(outputPath);
        RenderedPage before = file.isEmpty() ? null : renderedPage(outputPath);
        if (before == null || !before.fingerprint().equals(fingerprint)) {
            return Optional.empty();
        }
        nextRendered.put(outputPath, before);
        keptPaths.add(outputPath);
        session.keptPage(before.diagnostics(), before.assets());
        return file;
    }

    /** A file of the published output, when this bake renders in the same context as the one that wrote it. */
    private synchronized Optional<Path> publishedInSameContext(String path) {
        if (published == null || !renderContext.equals(nextRenderContext)) {
            return Optional.empty();
        }
        Path file = published.resolve(path);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private synchronized RenderedPage renderedPage(String outputPath) {
        return rendered.get(outputPath);
    }

    private synchronized SiteWidePage siteWidePage(String uri) {
        return siteWidePages.get(uri);
    }

    /**
     * The text of a site-wide page (home, indexes, topics, feed...) as published by the last bake,
     * when the render context and the templates it can use are unchanged and the page did not read
     * JBake's store (where the documents' bodies are); the problems found on it are reported again.
     */
    @Override
    public Optional<String> siteWidePageBefore(String uri, String templates, BuildSession session) {
        Optional<Path> file = publishedInSameContext(uri);
        SiteWidePage before = file.isEmpty() ? null : siteWidePage(uri);
        if (before == null || before.readStore() || !before.templates().equals(templates)) {
            return Optional.empty();
        }
        Optional<String> text = PageReuse.publishedText(file.get());
        text.ifPresent(read -> {
            nextSiteWidePages.put(uri, before);
            session.keptPage(before.diagnostics(), before.assets());
        });
        return text;
    }

    /** Remembers a site-wide page rendered in this bake. */
    @Override
    public void rememberSiteWidePage(String uri, String templates, boolean readStore, List<Diagnostic> diagnostics,
                                     BuildSession.PageAssets assets) {
        nextSiteWidePages.put(uri, new SiteWidePage(templates, readStore, List.copyOf(diagnostics), assets));
    }

    /** Remembers a page rendered in this bake, with the problems reported on its source file while rendering. */
    @Override
    public void rememberRendered(String outputPath, String fingerprint, List<Diagnostic> diagnostics,
                                 BuildSession.PageAssets assets) {
        nextRendered.put(outputPath, new RenderedPage(fingerprint, List.copyOf(diagnostics), assets));
    }

    /**
     * Whether this bake updates the previous output in place: pages carried over stay where they are
     * (nothing is linked or copied), and only what was rendered anew is moved in.
     */
    @Override
    public synchronized boolean updatesInPlace() {
        return inPlace;
    }

    private synchronized Set<String> keptPaths() {
        return Set.copyOf(keptPaths);
    }

    private synchronized Set<String> publishedFiles() {
        return publishedFiles;
    }

    /**
     * Publishes a bake that updates the served folder in place (see {@link OutputFolder#merge}) and
     * makes it the memory; returns how many pages the output has now.
     */
    int publishInPlace(OutputFolder output, Path staging, Set<String> written, Map<String, String> assetFingerprints,
                       Map<String, BuildSession.ImageVariant> assetImageVariants, Retained bakedWith) throws IOException {
        Set<String> now = output.merge(staging, written, keptPaths(), publishedFiles());
        commit(assetFingerprints, assetImageVariants, now, bakedWith);
        return (int) now.stream().filter(SiteBuild::isPage).count();
    }

    /** The bake was published: what it did becomes the memory, with the files the output now has. */
    synchronized void commit(Map<String, String> assetFingerprints, Map<String, BuildSession.ImageVariant> assetImageVariants, Set<String> files,
                             Retained bakedWith) {
        publishedFiles = Set.copyOf(files);
        retained = bakedWith;
        contextValues = nextContextValues;
        parseContext = nextParseContext;
        renderContext = nextRenderContext;
        templateStamps = nextTemplateStamps;
        parsed = Map.copyOf(nextParsed);
        rendered = Map.copyOf(nextRendered);
        siteWidePages = Map.copyOf(nextSiteWidePages);
        fingerprints = Map.copyOf(assetFingerprints);
        imageVariants = Map.copyOf(assetImageVariants);
        published = outputDir;
        int renderedKept = (int) rendered.keySet().stream().filter(keptPaths::contains).count();
        lastReuse = new Reuse(parsed.size() - parsedKept, parsedKept, rendered.size() - renderedKept, renderedKept);
    }

    /** What the last published bake baked with, while nothing has used it since. */
    synchronized Optional<Retained> retained() {
        return Optional.ofNullable(retained);
    }

    /**
     * Lets go of what the last bake baked with: a rebuild has started changing it, so only a full
     * bake can say again what it holds.
     */
    synchronized void forgetRetained() {
        retained = null;
    }

    /** Whether this bake parses in the context of the last published one (see {@link #beginParse}). */
    synchronized boolean parseContextUnchanged() {
        return parseContext.equals(nextParseContext);
    }

    /**
     * Whether this bake renders in the context of the last published one (see {@link #beginRender})
     * with the same template files.
     */
    synchronized boolean renderContextUnchanged() {
        return renderContext.equals(nextRenderContext) && templateStamps.equals(nextTemplateStamps);
    }

    /** Whether a site-wide page of the last bake read JBake's store, and so may show any body. */
    synchronized boolean siteWidePagesReadStore() {
        return siteWidePages.values().stream().anyMatch(SiteWidePage::readStore);
    }

    /**
     * Carries over every file of the published output but {@code renderedAgain}, reporting the
     * problems found on the pages carried over again; for a rebuild in an unchanged render context.
     */
    synchronized void keepAllBut(Set<String> renderedAgain, BuildSession session) {
        rendered.forEach((path, page) -> {
            if (!renderedAgain.contains(path)) {
                nextRendered.put(path, page);
                session.keptPage(page.diagnostics(), page.assets());
            }
        });
        siteWidePages.forEach((uri, page) -> {
            nextSiteWidePages.put(uri, page);
            session.keptPage(page.diagnostics(), page.assets());
        });
        publishedFiles.stream().filter(file -> !renderedAgain.contains(file)).forEach(keptPaths::add);
    }

    /**
     * Whether the pages of this bake, rendered or kept, ask for other assets or image sizes than the
     * published output has: new ones must be written, and ones no page asks for any more removed.
     */
    synchronized boolean assetsDiffer(BuildSession session) {
        return !fingerprints.equals(session.fingerprints()) || !imageVariants.keySet().equals(session.imageVariants().keySet());
    }

    /** The header of a document: every attribute but its body and what JBake changes while baking. */
    static Map<String, Object> header(DocumentModel document) {
        Map<String, Object> header = withoutRenderState(document);
        header.remove("body");
        org.clinicbake.content.AsciidocEngine.BODY_FACTS.forEach(header::remove);
        header.remove("sha1");
        return header;
    }

    private static Map<String, Object> withoutRenderState(DocumentModel document) {
        Map<String, Object> values = new java.util.HashMap<>(document);
        for (String key : List.of("rendered", "cached", "nextContent", "previousContent")) {
            values.remove(key);
        }
        return values;
    }

    private static DocumentModel copy(DocumentModel document) {
        DocumentModel copy = new DocumentModel();
        copy.putAll(document);
        return copy;
    }
}
