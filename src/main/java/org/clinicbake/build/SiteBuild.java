package org.clinicbake.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.clinicbake.BakeOptions;
import org.clinicbake.BakeResult;
import org.clinicbake.content.ArticleReadability;
import org.clinicbake.data.SiteData;
import org.clinicbake.data.SiteDataLoader;
import org.clinicbake.diag.Diagnostics;
import org.clinicbake.render.Theme;

/**
 * One bake, top to bottom (the order is also written down in docs/PIPELINE.md):
 * <ol>
 *   <li>check the output folder can be replaced, and open a staging folder beside it;</li>
 *   <li>read the configuration ({@code jbake.properties} over ClinicBake's and JBake's defaults);</li>
 *   <li>read the site data ({@code data/clinic.yml}, {@code data/providers.yml});</li>
 *   <li>run JBake's Oven with ClinicBake's engines: parse AsciiDoc, render Pebble, copy assets;</li>
 *   <li>check no page came out empty;</li>
 *   <li>publish the staging folder in one move, or discard it when anything failed.</li>
 * </ol>
 */
public final class SiteBuild {

    /**
     * JBake keeps document types, engines and model extractors in static registries that every
     * Oven resets, so two bakes in one JVM must not overlap.
     */
    private static final Object JBAKE_REGISTRIES = new Object();

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
        Diagnostics diagnostics = new Diagnostics();
        OutputFolder output = new OutputFolder(outputDir);
        if (!Files.isDirectory(siteDir)) {
            diagnostics.error("site.missing", siteDir.toString(), 0, "the site folder does not exist",
                    "pass the folder that holds jbake.properties and content/");
            return BakeResult.of(output.path(), false, 0, diagnostics.all(), List.of(), started);
        }
        if (!output.prepare(siteDir, diagnostics)) {
            return BakeResult.of(output.path(), false, 0, diagnostics.all(), List.of(), started);
        }
        Path staging = output.createStaging();
        List<ArticleReadability> readability = List.of();
        try {
            Optional<SiteConfiguration> config = new SiteConfigLoader(diagnostics).load(siteDir, staging);
            if (config.isPresent()) {
                SiteData data = new SiteDataLoader(diagnostics).load(siteDir);
                Theme theme = new Theme(siteDir.resolve("templates"));
                synchronized (JBAKE_REGISTRIES) {
                    try (BuildSession session = new BuildSession(siteDir, config.get(), data, theme, diagnostics, options)) {
                        new OvenRun(session).bake();
                        readability = session.readability();
                    }
                }
                if (!diagnostics.hasErrors()) {
                    reportEmptyPages(staging, diagnostics);
                }
            }
            if (diagnostics.hasErrors()) {
                output.discard(staging);
                return BakeResult.of(output.path(), false, 0, diagnostics.all(), readability, started);
            }
            int pages = countPages(staging);
            output.publish(staging);
            return BakeResult.of(output.path(), true, pages, diagnostics.all(), readability, started);
        } catch (IOException | RuntimeException e) {
            output.discard(staging);
            throw e;
        }
    }

    /** JBake writes a 0-byte file when a template engine fails silently; such a page must never ship. */
    private static void reportEmptyPages(Path staging, Diagnostics diagnostics) throws IOException {
        for (Path page : pages(staging)) {
            if (Files.size(page) == 0) {
                diagnostics.error("render.empty-page", staging.relativize(page).toString().replace('\\', '/'), 0,
                        "the page was rendered empty", "check the template that renders this page");
            }
        }
    }

    private static int countPages(Path staging) throws IOException {
        return pages(staging).size();
    }

    private static List<Path> pages(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(".html"))
                    .sorted()
                    .toList();
        }
    }
}
