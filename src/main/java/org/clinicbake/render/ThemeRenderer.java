package org.clinicbake.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.clinicbake.build.BuildSession;
import org.clinicbake.build.SiteConfiguration;
import org.jbake.app.ContentStore;
import org.jbake.app.Renderer;
import org.jbake.model.DocumentModel;
import org.jbake.model.ModelAttributes;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

/**
 * JBake's renderer with ClinicBake's template engine, and without drafts in a bake.
 *
 * <p>Stock JBake writes drafts to {@code name-draft.html} in the published output (JBake issue #12);
 * a clinic must never publish an unreviewed page by accident, so drafts are rendered only in preview.
 */
public final class ThemeRenderer extends Renderer {

    private final SiteConfiguration config;
    private final ThemeTemplateEngine engine;

    public ThemeRenderer(ContentStore db, SiteConfiguration config) {
        this(db, config, new ThemeTemplateEngine(db, config));
    }

    private ThemeRenderer(ContentStore db, SiteConfiguration config, ThemeTemplateEngine engine) {
        super(db, config, engine);
        this.config = config;
        this.engine = engine;
    }

    /**
     * Whether a document is not published yet: a draft, or a page scheduled with
     * {@code :jbake-status: published-date} whose day has not come (the crawl makes it
     * {@code published} on that day). A bake leaves it out; the preview shows it with the draft banner.
     */
    public static boolean unpublished(DocumentModel content) {
        return ModelAttributes.Status.DRAFT.equals(content.getStatus())
                || ModelAttributes.Status.PUBLISHED_DATE.equals(content.getStatus());
    }

    @Override
    public void render(DocumentModel content) throws Exception {
        BuildSession session = config.session();
        if (unpublished(content)) {
            if (!session.includeDrafts()) {
                return;
            }
            // In preview a draft shows at the address it will have once published, with a banner.
            DocumentModel preview = new DocumentModel();
            preview.putAll(content);
            preview.setStatus(ModelAttributes.Status.PUBLISHED);
            preview.put("draft", Boolean.TRUE);
            write(preview);
            return;
        }
        write(content);
    }

    /**
     * What JBake's {@code render} does for a published page, with the page rendered in memory and
     * handed to the bake's {@link org.clinicbake.build.StagedFiles}: JBake opens the file first,
     * so an unchanged page could not keep the file the last bake wrote.
     */
    private void write(DocumentModel content) throws Exception {
        String outputPath = ParallelDocumentsRenderer.outputPath(content, config);
        TemplateModel model = new TemplateModel();
        model.setContent(content);
        model.setRenderer(engine);
        try {
            java.io.StringWriter out = new java.io.StringWriter(32 * 1024);
            engine.renderDocument(model, config.getTemplateByDocType(content.getType()), out);
            byte[] page = out.toString().getBytes(config.getRenderEncoding());
            config.session().stagedFiles().write(config.getDestinationFolder().toPath(), outputPath, page);
        } catch (Exception e) {
            // Worded as JBake words it.
            throw new Exception("Failed to render file " + config.getDestinationFolder().toPath().resolve(outputPath)
                    + ". Cause: " + e.getMessage(), e);
        }
    }

    /** Renders a page that is not a document (such as robots.txt) from a template of the theme. */
    void renderPage(String kind, String templateName, String outputPath) throws RenderingException {
        DocumentModel content = new DocumentModel();
        content.setType(kind);
        content.setRootPath("");
        TemplateModel model = new TemplateModel();
        model.setContent(content);
        model.setRenderer(engine);
        java.io.StringWriter out = new java.io.StringWriter();
        engine.renderDocument(model, templateName, out);
        Path target = config.getDestinationFolder().toPath().resolve(outputPath);
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, out.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RenderingException(e);
        }
    }
}
