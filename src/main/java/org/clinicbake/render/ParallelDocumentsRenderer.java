package org.clinicbake.render;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.commons.configuration2.CompositeConfiguration;
import org.clinicbake.build.PageReuse;
import org.clinicbake.build.BuildSession;
import org.clinicbake.build.SiteConfiguration;
import org.clinicbake.build.WorkerPool;
import org.clinicbake.diag.Diagnostic;
import org.jbake.app.ContentStore;
import org.jbake.app.DocumentList;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.model.ModelAttributes;
import org.jbake.render.RenderingTool;
import org.jbake.template.RenderingException;

/**
 * JBake rendering step for the content pages, on all cores.
 *
 * <p>It does what JBake's {@code DocumentsRenderer} does (each unrendered document, with its
 * previous and next published neighbour of the same type) with the pages spread over threads; it
 * runs first and marks the pages rendered, so JBake's own step finds nothing left to do. Were the
 * class path to put JBake's step first, that one would render them, one by one, with the same result.
 */
public final class ParallelDocumentsRenderer implements RenderingTool {

    @Override
    public int render(Renderer renderer, ContentStore db, JBakeConfiguration config) throws RenderingException {
        if (!(renderer instanceof ThemeRenderer) || !(config instanceof SiteConfiguration site)) {
            return 0;
        }
        List<DocumentModel> documents = new ArrayList<>(db.getUnrenderedContent());
        for (DocumentModel document : documents) {
            DocumentList<DocumentModel> sameType = db.getAllContent(document.getType());
            int position = sameType.indexOf(document);
            document.setNextContent(navigation(neighbour(sameType, position, -1)));
            document.setPreviousContent(navigation(neighbour(sameType, position, +1)));
        }
        BuildSession session = site.session();
        session.pageReuse().ifPresent(remembered -> remembered.beginRender(session, documents));
        // JBake renders the site-wide pages (home, topics, feed...) on this thread after this step
        // returns: they are rendered beside the document pages, which the bake waits for before it
        // copies the assets the pages asked for (ThemeAssets) and reports (OvenRun).
        session.renderingPages(startPages(renderer, db, documents, site));
        return documents.size();
    }

    /**
     * Renders the pages of {@code documents}, whose neighbours are set, on all cores; when the bake
     * knows the last one's pages ({@link PageReuse}), a page whose inputs did not change is carried
     * over instead. Returns how many pages were rendered or carried over.
     */
    public static int renderPages(Renderer renderer, ContentStore db, List<DocumentModel> documents, SiteConfiguration site)
            throws RenderingException {
        return startPages(renderer, db, documents, site).finish();
    }

    /**
     * Starts rendering the pages of {@code documents} on all cores and returns at once; the documents are
     * marked rendered, so JBake's own documents step finds nothing left to do.
     */
    static PagesInFlight startPages(Renderer renderer, ContentStore db, List<DocumentModel> documents, SiteConfiguration site) {
        BuildSession session = site.session();
        Optional<PageReuse> memory = session.pageReuse();
        Map<String, List<Diagnostic>> parseProblems = memory.isPresent() ? session.diagnostics().byPath() : Map.of();
        WorkerPool pool = new WorkerPool("clinicbake-render", Math.min(session.threads(), Math.max(1, documents.size())));
        Rendered[] results = new Rendered[documents.size()];
        List<Future<?>> pages = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            DocumentModel document = documents.get(i);
            int index = i;
            pages.add(pool.submit(() -> {
                results[index] = render(renderer, document, memory, session, site);
                return null;
            }));
        }
        documents.forEach(db::markContentAsRendered);
        return new PagesInFlight(documents, site, memory, parseProblems, pool, pages, results);
    }

    /** Document pages on the worker threads: {@link #finish()} waits for them and tells how it went. */
    public static final class PagesInFlight {

        private final List<DocumentModel> documents;
        private final SiteConfiguration site;
        private final Optional<PageReuse> memory;
        private final Map<String, List<Diagnostic>> parseProblems;
        private final WorkerPool pool;
        private final List<Future<?>> pages;
        private final Rendered[] results;
        /** How {@link #finish()} ended, once it has: asked again, it answers the same. */
        private int rendered = -1;
        private RenderingException failure;

        private PagesInFlight(List<DocumentModel> documents, SiteConfiguration site, Optional<PageReuse> memory,
                              Map<String, List<Diagnostic>> parseProblems, WorkerPool pool, List<Future<?>> pages, Rendered[] results) {
            this.documents = documents;
            this.site = site;
            this.memory = memory;
            this.parseProblems = parseProblems;
            this.pool = pool;
            this.pages = pages;
            this.results = results;
        }

        /**
         * Waits for every page, then remembers what the bake's page memory keeps of each; returns how many
         * were rendered or carried over, or throws with what failed. The bake asks twice (before it copies
         * the assets, and before it reports); only the first waits.
         */
        public synchronized int finish() throws RenderingException {
            if (rendered < 0 && failure == null) {
                try {
                    rendered = waitAndRemember();
                } catch (RenderingException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw failure;
            }
            return rendered;
        }

        private int waitAndRemember() throws RenderingException {
            BuildSession session = site.session();
            List<String> errors = new ArrayList<>();
            int rendered = 0;
            try {
                for (Future<?> page : pages) {
                    try {
                        page.get();
                        rendered++;
                    } catch (ExecutionException e) {
                        errors.add(String.valueOf(e.getCause().getMessage()));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RenderingException("interrupted while rendering pages");
            } finally {
                pool.close();
            }
            if (!errors.isEmpty()) {
                throw new RenderingException("Failed to render documents. Cause(s):\n" + String.join("\n", errors));
            }
            if (memory.isPresent()) {
                Map<String, List<Diagnostic>> problems = session.diagnostics().byPath();
                for (int i = 0; i < documents.size(); i++) {
                    if (results[i] != null) {
                        String source = session.relativePath(new File(documents.get(i).getFile()));
                        List<Diagnostic> found = new ArrayList<>(problems.getOrDefault(source, List.of()));
                        found.removeAll(parseProblems.getOrDefault(source, List.of()));
                        memory.get().rememberRendered(outputPath(documents.get(i), site), results[i].fingerprint(), found,
                                results[i].assets());
                    }
                }
            }
            return rendered;
        }
    }

    /** A page rendered anew that the memory should keep: its fingerprint and what it asked for. */
    private record Rendered(String fingerprint, BuildSession.PageAssets assets) {
    }

    /**
     * Renders one document page, or carries it over from the previous output when the bake's
     * {@link PageReuse} says nothing it shows has changed. Returns what the memory should keep of a page
     * rendered anew, or null.
     */
    private static Rendered render(Renderer renderer, DocumentModel document, Optional<PageReuse> memory,
                                   BuildSession session, JBakeConfiguration config) throws Exception {
        boolean written = !ThemeRenderer.unpublished(document) || session.includeDrafts();
        if (memory.isEmpty() || !written) {
            renderer.render(document);
            return null;
        }
        String fingerprint = memory.get().pageFingerprint(document,
                (DocumentModel) document.get("previousContent"), (DocumentModel) document.get("nextContent"),
                session.theme().dependencies(config.getTemplateByDocType(document.getType())));
        if (fingerprint == null) {
            renderer.render(document);
            return null;
        }
        String outputPath = outputPath(document, config);
        Optional<Path> before = memory.get().renderedBefore(outputPath, fingerprint, session);
        if (before.isPresent() && memory.get().updatesInPlace()) {
            return null;
        }
        if (before.isPresent()) {
            session.stagedFiles().keep(outputPath, before.get());
            return null;
        }
        BuildSession.Recorded<Void> rendered = session.recordingAssets(() -> {
            renderer.render(document);
            return null;
        });
        return new Rendered(fingerprint, rendered.assets());
    }

    /** Where JBake's renderer writes a published document: its URI with the output extension of its type. */
    public static String outputPath(DocumentModel document, JBakeConfiguration config) {
        String uri = document.getUri();
        String base = uri.lastIndexOf('.') > uri.lastIndexOf('/') ? uri.substring(0, uri.lastIndexOf('.')) : uri;
        return base + config.getOutputExtensionByDocType(document.getType());
    }


    /** The nearest published document in {@code direction} (-1 newer, +1 older), as JBake chooses it. */
    private static DocumentModel neighbour(DocumentList<DocumentModel> sameType, int position, int direction) {
        if (position < 0) {
            return null;
        }
        for (int i = position + direction; i >= 0 && i < sameType.size(); i += direction) {
            DocumentModel candidate = sameType.get(i);
            if (ModelAttributes.Status.PUBLISHED.equals(candidate.getStatus())) {
                return candidate;
            }
        }
        return null;
    }

    private static DocumentModel navigation(DocumentModel document) {
        if (document == null) {
            return null;
        }
        DocumentModel link = new DocumentModel();
        link.setNoExtensionUri(document.getNoExtensionUri());
        link.setUri(document.getUri());
        link.setTitle(document.getTitle());
        return link;
    }

    @Override
    public int render(Renderer renderer, ContentStore db, File destination, File templatesPath,
                      CompositeConfiguration config) throws RenderingException {
        return 0;
    }
}
