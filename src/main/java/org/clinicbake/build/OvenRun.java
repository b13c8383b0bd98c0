package org.clinicbake.build;

import java.util.List;
import java.util.Optional;

import org.clinicbake.ClinicBake;
import org.clinicbake.content.AsciidocEngine;
import org.clinicbake.content.YamlDataEngine;
import org.clinicbake.render.ThemeAssets;
import org.clinicbake.render.ThemeRenderer;
import org.jbake.app.Oven;
import org.jbake.app.Utensils;
import org.jbake.model.DocumentTypes;
import org.jbake.parser.Engines;
import org.jbake.template.ModelExtractors;
import org.jbake.template.ModelExtractorsDocumentTypeListener;

/**
 * Runs JBake's {@link Oven} with ClinicBake's engines: crawl and parse the content, render every
 * page through the theme, copy the assets. JBake's own order and conventions are kept.
 */
final class OvenRun {

    private static final AsciidocEngine ASCIIDOC = new AsciidocEngine();
    private static final YamlDataEngine YAML = new YamlDataEngine();

    private final BuildSession session;

    OvenRun(BuildSession session) {
        this.session = session;
    }

    /**
     * What the Oven worked with: its store, holding every document with its body, and the renderer
     * with the theme's compiled templates; the preview keeps both for its rebuilds after text edits.
     */
    record Baked(MemoryContentStore store, ThemeRenderer renderer) {
    }

    /** Bakes into the configured destination, reporting every problem to the session's diagnostics. */
    Baked bake() {
        useClinicBakeEngines();
        SiteConfiguration config = session.config();
        MemoryContentStore store = new MemoryContentStore();
        ThemeRenderer renderer = new ThemeRenderer(store, config);
        Utensils utensils = new Utensils();
        utensils.setConfiguration(config);
        utensils.setContentStore(store);
        utensils.setCrawler(new ParallelCrawler(store, config, session.threads()));
        utensils.setRenderer(renderer);
        utensils.setAsset(new ThemeAssets(config));

        Oven oven = new Oven(utensils);
        long started = System.nanoTime();
        try {
            oven.bake();
        } catch (RuntimeException e) {
            session.awaitPages();
            reportUnexplained(List.of(e));
            return new Baked(store, renderer);
        }
        // Normally awaited before the assets are copied already; then this only asks how it went.
        Optional<org.jbake.template.RenderingException> pagesFailed = session.awaitPages();
        linkUnchangedPages();
        session.times().add("oven", started);
        List<Throwable> errors = new java.util.ArrayList<>(oven.getErrors());
        pagesFailed.ifPresent(errors::add);
        reportUnexplained(errors);
        return new Baked(store, renderer);
    }

    /** Every writer is done with the staging folder: the pages whose bytes did not change join it. */
    private void linkUnchangedPages() {
        try {
            session.stagedFiles().linkUnchanged(session.config().getDestinationFolder().toPath());
        } catch (java.io.IOException e) {
            session.diagnostics().error("output.unwritable", session.config().getDestinationFolder().toString(), 0,
                    "cannot put an unchanged page into the new output: " + OutputFolder.reason(e),
                    "check that the output folder and the folder above it are yours to write in");
        }
    }

    /**
     * JBake registers engines from descriptor files and the last one on the class path wins, which
     * is JBake's own AsciiDoc engine (it fails on AsciidoctorJ 3). Registering ours by extension
     * after JBake's loading settles it, whatever the class path order.
     */
    static void useClinicBakeEngines() {
        for (String extension : AsciidocEngine.EXTENSIONS) {
            Engines.register(extension, ASCIIDOC);
        }
        for (String extension : List.of("yml", "yaml")) {
            Engines.register(extension, YAML);
        }
    }

    /**
     * JBake's document types and model extractors for this site's configuration, as the Oven sets
     * them at the start of every bake (they are static registries another site's bake may have changed).
     */
    static void useDocumentTypesOf(SiteConfiguration config) {
        DocumentTypes.resetDocumentTypes();
        ModelExtractors.getInstance().reset();
        DocumentTypes.addListener(new ModelExtractorsDocumentTypeListener());
        for (String type : config.getDocumentTypes()) {
            DocumentTypes.addDocumentType(type);
        }
        DocumentTypes.addDocumentType(config.getDataFileDocType());
    }

    /** Errors JBake collected that no engine explained with a diagnostic (a bug or an I/O failure). */
    private void reportUnexplained(List<Throwable> errors) {
        if (errors.isEmpty() || session.diagnostics().hasErrors()) {
            return;
        }
        for (Throwable error : errors) {
            session.diagnostics().error("bake.failed", session.relativePath(session.siteDir().toFile()), 0,
                    firstLine(error) + rootCause(error),
                    "this is likely a ClinicBake bug: please report it with this message; "
                            + "CLINICBAKE_JAVA_OPTS=-D" + ClinicBake.STACK_TRACE_PROPERTY + "=true prints where it happened");
            if (Boolean.getBoolean(ClinicBake.STACK_TRACE_PROPERTY)) {
                error.printStackTrace();
            }
        }
    }

    private static String firstLine(Throwable error) {
        return String.valueOf(error.getMessage()).lines().findFirst().orElse(error.getClass().getName());
    }

    /** JBake wraps what failed ("Failed to render masterindex"); what failed is at the end of the chain. */
    private static String rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? "" : " (" + root.getClass().getSimpleName() + ": " + firstLine(root) + ")";
    }
}
