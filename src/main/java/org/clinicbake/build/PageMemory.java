package org.clinicbake.build;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.clinicbake.diag.Diagnostic;
import org.jbake.model.DocumentModel;

/**
 * What a one-shot bake remembers of the pages it published, kept in a file beside the conversion
 * cache, so that the next bake into the same folder takes every page whose inputs did not change
 * from the output (linked into the staging folder) instead of rendering it: after an article's text
 * is edited, only that article's page is rendered. It decides as the preview's {@link BuildMemory}
 * does, with fingerprints that hold from one process to the next:
 *
 * <ul>
 *   <li>the <em>context</em> of every page: ClinicBake's code, today, the options, the site's files
 *       other than articles and templates (settings, data, assets, by content), and the header of
 *       every document (a page may list any of them);</li>
 *   <li>a document page adds its source file's bytes, the templates it can use, its place and its
 *       neighbours; a site-wide page (home, indexes, feed...) the templates it can use, and it is
 *       always rendered when it read the documents' bodies.</li>
 * </ul>
 *
 * <p>A page is taken only when the output still holds the very file the last bake wrote (same size
 * and time stamp): an output edited by hand is rendered again. Articles that include other files are
 * always rendered. The file is written only after a successful publish, so it always describes the
 * output folder as the last successful bake left it.
 */
final class PageMemory implements PageReuse {

    private static final String FORMAT = "clinicbake-pages-1";

    /** A page as published: what it was rendered from, the file written, its problems and what it asked for. */
    record Page(String fingerprint, boolean readStore, long size, long modified, List<Diagnostic> diagnostics,
                BuildSession.PageAssets assets) {

        Page written(BasicFileAttributes file) {
            return new Page(fingerprint, readStore, file.size(), file.lastModifiedTime().toMillis(), diagnostics, assets);
        }
    }

    record Stored(String format, String context, Map<String, Page> pages, Map<String, Page> siteWidePages) {
    }

    private final RecordFile<Stored> file;
    private final Path outputDir;
    private final Stored last;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final Map<String, Page> siteWidePages = new ConcurrentHashMap<>();
    private volatile String context = "";
    private final Map<String, String> headers = new ConcurrentHashMap<>();
    private BuildSession session;

    private final Fingerprint.FileIdentity fileHashes;

    private PageMemory(RecordFile<Stored> file, Path outputDir, Stored last, Fingerprint.FileIdentity fileHashes) {
        this.file = file;
        this.outputDir = outputDir;
        this.last = last;
        this.fileHashes = fileHashes;
    }

    /**
     * The memory kept in {@code file} of the pages in {@code outputDir}; empty when none can be read.
     * Site files count by their content, as {@code fileHashes} gives it.
     */
    static PageMemory load(Path file, Path outputDir, Fingerprint.FileIdentity fileHashes) {
        RecordFile<Stored> record = new RecordFile<>(file, Stored.class);
        Stored last = record.read()
                .filter(read -> FORMAT.equals(read.format()) && read.pages() != null && read.siteWidePages() != null)
                .orElse(null);
        return new PageMemory(record, outputDir, last, fileHashes);
    }

    @Override
    public void beginRender(BuildSession session, Collection<DocumentModel> documents) {
        this.session = session;
        Path content = session.config().getContentFolder().toPath().toAbsolutePath().normalize();
        List<Path> templateFolders = session.theme().templateFolders();
        Fingerprint fingerprint = new Fingerprint()
                .add(FORMAT)
                .add(session.today().toString())
                .add(session.includeDrafts())
                .addClassPath();
        try {
            fingerprint.addFiles(session.siteDir(), session.siteDir(), false,
                    path -> !path.startsWith(outputDir) && !path.equals(content) && !templateFolders.contains(path),
                    fileHashes);
            // Files of the content folder other than articles (which count by their documents below).
            fingerprint.addFiles(content, session.siteDir(), true,
                    path -> Files.isDirectory(path) || !org.clinicbake.content.AsciidocEngine.isArticle(path), fileHashes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        documents.stream()
                .sorted(java.util.Comparator.comparing(DocumentModel::getUri))
                .forEach(document -> {
                    String header = new Fingerprint().add(BuildMemory.header(document)).hex();
                    headers.put(document.getUri(), header);
                    fingerprint.add(document.getUri()).add(header);
                });
        context = fingerprint.hex();
    }

    @Override
    public String pageFingerprint(DocumentModel document, DocumentModel previous, DocumentModel next, String templates) {
        Object source = document.get(org.clinicbake.content.AsciidocEngine.SOURCE);
        String header = headers.get(document.getUri());
        if (source == null || header == null || session.includesOtherFiles(new File(document.getFile()))) {
            return null;
        }
        // The document as parsed: its header, and what its body is a function of (not the file as it
        // is now, which may have been saved again since it was read).
        Fingerprint page = new Fingerprint().add(context).add(header).add(source).add(templates).add(document.getRootPath());
        for (DocumentModel neighbour : new DocumentModel[] {previous, next}) {
            page.add(neighbour == null ? null : List.of(String.valueOf(neighbour.getUri()), String.valueOf(neighbour.getTitle())));
        }
        return page.hex();
    }

    @Override
    public Optional<Path> renderedBefore(String outputPath, String fingerprint, BuildSession session) {
        Page before = last == null ? null : last.pages().get(outputPath);
        if (before == null || !before.fingerprint().equals(fingerprint)) {
            return Optional.empty();
        }
        Optional<Path> published = asPublished(outputPath, before);
        published.ifPresent(path -> reuse(before, session, pages, outputPath));
        return published;
    }

    @Override
    public void rememberRendered(String outputPath, String fingerprint, List<Diagnostic> diagnostics,
                                 BuildSession.PageAssets assets) {
        pages.put(outputPath, new Page(fingerprint, false, -1, -1, List.copyOf(diagnostics), assets));
    }

    @Override
    public Optional<String> siteWidePageBefore(String uri, String templates, BuildSession session) {
        Page before = last == null || !last.context().equals(context) ? null : last.siteWidePages().get(uri);
        if (before == null || before.readStore() || !before.fingerprint().equals(templates)) {
            return Optional.empty();
        }
        Optional<String> text = asPublished(uri, before).flatMap(PageReuse::publishedText);
        text.ifPresent(read -> reuse(before, session, siteWidePages, uri));
        return text;
    }

    @Override
    public void rememberSiteWidePage(String uri, String templates, boolean readStore, List<Diagnostic> diagnostics,
                                     BuildSession.PageAssets assets) {
        siteWidePages.put(uri, new Page(templates, readStore, -1, -1, List.copyOf(diagnostics), assets));
    }

    @Override
    public boolean updatesInPlace() {
        return false;
    }

    /** The page in the output, when it is still the file the last bake wrote. */
    private Optional<Path> asPublished(String path, Page before) {
        Path published = outputDir.resolve(path);
        try {
            BasicFileAttributes now = Files.readAttributes(published, BasicFileAttributes.class);
            return now.isRegularFile() && now.size() == before.size() && now.lastModifiedTime().toMillis() == before.modified()
                    ? Optional.of(published) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void reuse(Page before, BuildSession session, Map<String, Page> into, String path) {
        session.keptPage(before.diagnostics(), before.assets());
        into.put(path, before);
    }

    /**
     * Keeps what this bake published, once the output folder is the one it wrote; a failure to write
     * only costs the next bake its rendering.
     */
    void save() {
        file.write(new Stored(FORMAT, context, written(pages), written(siteWidePages)));
    }

    /** The pages with the size and time stamp of the file the output holds for each. */
    private Map<String, Page> written(Map<String, Page> remembered) {
        Map<String, Page> found = new TreeMap<>();
        remembered.forEach((path, page) -> {
            try {
                found.put(path, page.written(Files.readAttributes(outputDir.resolve(path), BasicFileAttributes.class)));
            } catch (IOException e) {
                // Not in the output (a draft, a failed page): nothing to take next time.
            }
        });
        return found;
    }
}
