package org.clinicbake.build;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.clinicbake.BakeOptions;
import org.clinicbake.BakeResult;
import org.clinicbake.content.ConversionCache;
import org.clinicbake.diag.Diagnostics;
import org.clinicbake.render.ParallelDocumentsRenderer;
import org.clinicbake.render.SearchRenderer;
import org.jbake.app.FileUtil;
import org.jbake.model.DocumentModel;
import org.jbake.model.DocumentTypes;
import org.jbake.parser.ParserEngine;
import org.jbake.template.RenderingException;

/**
 * The preview's rebuild after its commonest edit: the text of a few articles changed and nothing
 * else did (no header, no other file, not the date).
 *
 * <p>Such an edit changes those articles' pages and the search index, and nothing any other page
 * shows: every other page is made of headers, data, settings and templates, which the memory's
 * render context fingerprints, unless a site-wide page read bodies from JBake's store. So instead
 * of JBake's whole Oven round (a new store, every document copied into it, every page considered,
 * every site-wide page written again), this rebuild converts those articles, puts them in the
 * store the last bake filled, renders their pages with the renderer that bake kept (its templates
 * compiled), rewrites the search index from the entries kept with each article, and moves those
 * files into the served folder.
 *
 * <p>Whatever it cannot prove unchanged (a header, a template, an asset no page asked for before,
 * an error, a site-wide page that reads bodies, many files at once) sends the build down the full
 * path, which gives the same output; {@code BuildMemoryTest} compares both with a bake from nothing.
 */
final class TextEditRebuild {

    /** Beyond this many changed files, the full path's parallel crawl converts them sooner. */
    private static final int MAX_CHANGED_FILES = 8;

    private final Path siteDir;
    private final OutputFolder output;
    private final BakeOptions options;
    private final BuildMemory memory;

    TextEditRebuild(Path siteDir, OutputFolder output, BakeOptions options) {
        this.siteDir = siteDir;
        this.output = output;
        this.options = options;
        this.memory = options.memory();
    }

    /** The published result, or empty when the edit needs the full path (nothing was changed then). */
    Optional<BakeResult> run(long started) throws IOException {
        Optional<BuildMemory.Retained> retained = memory.retained();
        if (retained.isEmpty() || memory.siteWidePagesReadStore()) {
            return Optional.empty();
        }
        memory.begin(output.path());
        if (!memory.updatesInPlace()) {
            return Optional.empty();
        }
        BuildMemory.Retained with = retained.get();
        Diagnostics diagnostics = new Diagnostics();
        PhaseTimes times = new PhaseTimes();
        ConversionCache cache = SiteBuild.conversionCache(siteDir, with.config());
        Path staging = output.createStaging();
        Optional<BakeResult> result = Optional.empty();
        try (AsciidoctorBoot asciidoctor = AsciidoctorBoot.of(options);
             BuildSession session = new BuildSession(siteDir, with.config(), with.data(), with.theme(), diagnostics,
                     options, times, cache, asciidoctor, with.plugins())) {
            with.config().setDestinationFolder(staging.toFile());
            try {
                synchronized (SiteBuild.JBAKE_REGISTRIES) {
                    result = rebuild(session, with, staging, cache, started);
                }
            } catch (RuntimeException e) {
                // The full path meets the same failure and reports it like any bake's.
                memory.forgetRetained();
                result = Optional.empty();
            }
            return result;
        } finally {
            if (result.isEmpty()) {
                output.discard(staging);
            }
        }
    }

    private Optional<BakeResult> rebuild(BuildSession session, BuildMemory.Retained with, Path staging,
                                         ConversionCache cache, long started) throws IOException {
        SiteConfiguration config = with.config();
        MemoryContentStore store = with.baked().store();
        Diagnostics diagnostics = session.diagnostics();
        PhaseTimes times = session.times();

        long parsing = System.nanoTime();
        OvenRun.useClinicBakeEngines();
        OvenRun.useDocumentTypesOf(config);
        ContentListing listing = ContentListing.of(config);
        List<File> files = listing.files();
        memory.beginParse(session, listing);
        if (!memory.parseContextUnchanged()) {
            return Optional.empty();
        }
        List<File> changed = files.stream().filter(file -> !memory.unchangedSinceParsed(file, session)).toList();
        if (changed.size() > MAX_CHANGED_FILES) {
            return Optional.empty();
        }
        // From here the kept store changes; should this rebuild give up, only a full bake can refill it.
        memory.forgetRetained();
        Map<File, DocumentModel> parsed = new LinkedHashMap<>();
        for (File file : changed) {
            memory.beforeParsing(file);
            ParserEngine engine = org.jbake.parser.Engines.get(FileUtil.fileExt(file));
            DocumentModel document = engine == null ? null : engine.parse(config, file);
            if (document == null || !DocumentTypes.contains(document.getType())) {
                return Optional.empty();
            }
            ParallelCrawler.addJBakeAttributes(config, document, file);
            DocumentModel before = store.document(document.getSourceuri());
            if (before == null || !document.getFile().equals(before.getFile())) {
                return Optional.empty();
            }
            // Neighbours are chosen by headers, which the render context below proves unchanged.
            document.setPreviousContent((DocumentModel) before.get("previousContent"));
            document.setNextContent((DocumentModel) before.get("nextContent"));
            parsed.put(file, document);
        }
        // As the full path checks them: the kept files' references came back with their parses above.
        Map<String, DocumentModel> now = new LinkedHashMap<>();
        store.documentsExcept(config.getDataFileDocType()).forEach(document -> now.put(document.getSourceuri(), document));
        parsed.values().forEach(document -> now.put(document.getSourceuri(), document));
        ParallelCrawler.reportReferencesBetweenPages(now.values(), session);
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        memory.rememberParsed(parsed, session);
        parsed.values().forEach(store::addDocument);
        times.add("convert", parsing);

        long rendering = System.nanoTime();
        memory.beginRender(session, store.documentsExcept(config.getDataFileDocType()));
        if (!memory.renderContextUnchanged()) {
            return Optional.empty();
        }
        Set<String> renderedAgain = new TreeSet<>();
        try {
            List<DocumentModel> documents = List.copyOf(parsed.values());
            ParallelDocumentsRenderer.renderPages(with.baked().renderer(), store, documents, config);
            documents.forEach(document -> renderedAgain.add(ParallelDocumentsRenderer.outputPath(document, config)));
            SearchRenderer.writeIndex(config, store);
            renderedAgain.add(SearchRenderer.INDEX);
        } catch (RenderingException e) {
            return Optional.empty();
        }
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        memory.keepAllBut(renderedAgain, session);
        if (memory.assetsDiffer(session)) {
            return Optional.empty();
        }
        times.add("render", rendering);

        long publishing = System.nanoTime();
        Set<String> written = SiteBuild.files(staging);
        SiteBuild.reportEmptyPages(staging, written, diagnostics);
        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        int pages = memory.publishInPlace(output, staging, written, Map.copyOf(session.fingerprints()),
                Map.copyOf(session.imageVariants()), with);
        times.add("write-publish", publishing);
        if (SiteBuild.checksOutput(options, config)) {
            // As after a full rebuild: the page just published is checked, the others lend what they had.
            SiteBuild.runFastChecks(siteDir, output.path(), output.path(), config, session.today(),
                    SourcePositions.of(store, siteDir), diagnostics, times);
        }
        times.add(SiteBuild.TEXT_EDIT, started);
        return Optional.of(BakeResult.of(output.path(), true, pages, diagnostics.all(), session.readability(),
                times.snapshot(), new BakeResult.Work(cache.converted(), cache.reused()), started));
    }
}
