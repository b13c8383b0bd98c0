package org.clinicbake.render;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.commons.configuration2.CompositeConfiguration;
import org.clinicbake.build.SiteConfiguration;
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
        ExecutorService pool = Executors.newFixedThreadPool(site.session().threads(), runnable -> {
            Thread thread = new Thread(runnable, "clinicbake-render");
            thread.setDaemon(true);
            return thread;
        });
        List<String> errors = new ArrayList<>();
        int rendered = 0;
        try {
            List<Future<?>> pages = new ArrayList<>();
            for (DocumentModel document : documents) {
                pages.add(pool.submit(() -> {
                    renderer.render(document);
                    return null;
                }));
            }
            for (int i = 0; i < pages.size(); i++) {
                try {
                    pages.get(i).get();
                    db.markContentAsRendered(documents.get(i));
                    rendered++;
                } catch (ExecutionException e) {
                    errors.add(String.valueOf(e.getCause().getMessage()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderingException("interrupted while rendering pages");
        } finally {
            pool.shutdownNow();
        }
        if (!errors.isEmpty()) {
            throw new RenderingException("Failed to render documents. Cause(s):\n" + String.join("\n", errors));
        }
        return rendered;
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
