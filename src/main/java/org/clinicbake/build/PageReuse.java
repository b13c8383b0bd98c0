package org.clinicbake.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.clinicbake.diag.Diagnostic;
import org.jbake.model.DocumentModel;

/**
 * What a bake knows of the pages the last one published, so that a page whose inputs did not change
 * is taken from the output instead of rendered again: the preview's {@link BuildMemory}, or a
 * one-shot bake's {@link PageMemory}. The rendering stage asks it page by page.
 */
public interface PageReuse {

    /** Starts the render stage: every document is in JBake's store, with its neighbours set. */
    void beginRender(BuildSession session, Collection<DocumentModel> documents);

    /**
     * The fingerprint of everything a document page shows (its document, neighbours, templates and
     * the site around it), or null when it cannot be told (the page is then always rendered).
     */
    String pageFingerprint(DocumentModel document, DocumentModel previous, DocumentModel next, String templates);

    /**
     * The page as the last bake published it, when its fingerprint is unchanged; the problems found
     * when it was rendered are reported again, and what it asked for (assets, images) asked again.
     */
    Optional<Path> renderedBefore(String outputPath, String fingerprint, BuildSession session);

    /** Remembers a page rendered in this bake, with the problems found while rendering it. */
    void rememberRendered(String outputPath, String fingerprint, List<Diagnostic> diagnostics, BuildSession.PageAssets assets);

    /**
     * The text of a site-wide page (home, indexes, topics, feed...) as the last bake published it,
     * when nothing it shows can have changed; its problems reported again.
     */
    Optional<String> siteWidePageBefore(String uri, String templates, BuildSession session);

    /** Remembers a site-wide page rendered in this bake; {@code readStore} when it read JBake's store (the bodies). */
    void rememberSiteWidePage(String uri, String templates, boolean readStore, List<Diagnostic> diagnostics,
                              BuildSession.PageAssets assets);

    /** Whether a page taken over stays where it is in the output (a preview), rather than being linked into staging. */
    boolean updatesInPlace();

    /** The text of a published page, or empty when it cannot be read (the page is then rendered again). */
    static Optional<String> publishedText(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
