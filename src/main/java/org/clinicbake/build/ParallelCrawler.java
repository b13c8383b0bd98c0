package org.clinicbake.build;

import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.commons.io.FilenameUtils;
import org.clinicbake.content.AsciidocEngine;
import org.clinicbake.render.ParallelDocumentsRenderer;
import org.jbake.app.ContentStore;
import org.jbake.app.Crawler;
import org.jbake.app.FileUtil;
import org.jbake.model.DocumentModel;
import org.jbake.model.DocumentTypes;
import org.jbake.model.ModelAttributes;
import org.jbake.parser.Engines;
import org.jbake.parser.ParserEngine;
import org.jbake.util.HtmlUtil;

/**
 * JBake's crawler, converting content files on all cores.
 *
 * <p>JBake converts one file after another; AsciiDoc conversion is most of a bake, and one
 * Asciidoctor instance can serve several threads. Files are found in JBake's sorted order and
 * added to the store in that order, so the result does not depend on which thread finished first.
 * The document attributes are JBake's own (uri, rootpath, sha1, status...).
 */
final class ParallelCrawler extends Crawler {

    private final ContentStore db;
    private final SiteConfiguration config;
    private final int threads;

    ParallelCrawler(ContentStore db, SiteConfiguration config, int threads) {
        super(db, config);
        this.db = db;
        this.config = config;
        this.threads = threads;
    }

    @Override
    public void crawl() {
        long started = System.nanoTime();
        try {
            crawlInParallel();
        } finally {
            config.session().times().add("convert", started);
        }
    }

    private void crawlInParallel() {
        ContentListing listing = ContentListing.of(config);
        List<File> files = listing.files();
        BuildSession session = config.session();
        Optional<BuildMemory> memory = session.memory();
        memory.ifPresent(remembered -> remembered.beginParse(session, listing));
        WorkerPool pool = new WorkerPool("clinicbake-convert", threads);
        try {
            List<Future<DocumentModel>> parsed = new ArrayList<>();
            for (File file : files) {
                checkFileName(file, session, config.getContentFolder());
                parsed.add(pool.submit(() -> parse(file, memory)));
            }
            java.util.Map<String, File> claimed = new java.util.HashMap<>();
            java.util.Map<String, String> siteWide = siteWidePages(config);
            java.util.Map<File, DocumentModel> stored = new java.util.LinkedHashMap<>();
            for (int i = 0; i < files.size(); i++) {
                DocumentModel document = parsed.get(i).get();
                if (document != null && DocumentTypes.contains(document.getType())) {
                    addJBakeAttributes(config, document, files.get(i));
                    File earlier = claimed.putIfAbsent(document.getUri(), files.get(i));
                    if (earlier != null) {
                        config.session().diagnostics().error("content.duplicate-path", config.session().relativePath(files.get(i)), 0,
                                "this page and " + config.session().relativePath(earlier) + " would both be published as "
                                        + document.getUri(), "rename one of the two files");
                        continue;
                    }
                    String output = ParallelDocumentsRenderer.outputPath(document, config);
                    String taken = siteWide.get(output);
                    if (taken == null && config.getRenderTags() && output.startsWith(config.getTagPathName() + "/")) {
                        taken = "the topic pages (render.tags)";
                    }
                    if (taken != null) {
                        // The bake writes that page after the documents: this one would vanish without a word.
                        config.session().diagnostics().error("content.duplicate-path", config.session().relativePath(files.get(i)), 0,
                                "this page would be published as " + output + ", where the bake writes " + taken,
                                "rename the file or move it into a folder");
                        continue;
                    }
                    db.addDocument(document);
                    stored.put(files.get(i), document);
                }
            }
            memory.ifPresent(remembered -> remembered.rememberParsed(stored, session));
            reportReferencesBetweenPages(stored.values(), session);
            reportProfilesOfOneProvider(stored, session);
            if (!session.includeDrafts() && session.config().getRenderTags()) {
                reportTopicsSpelledTwoWays(stored, session);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while converting content", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("converting content failed: " + e.getCause(), e.getCause());
        } finally {
            pool.close();
        }
    }

    /** The pages a bake writes besides the documents, by output path, with what each one is. */
    static java.util.Map<String, String> siteWidePages(SiteConfiguration config) {
        java.util.Map<String, String> pages = new java.util.HashMap<>();
        if (config.getRenderIndex()) {
            pages.put(config.getIndexFileName(), "the home page (render.index)");
        }
        if (config.getRenderArchive()) {
            pages.put(config.getArchiveFileName(), "the list of all articles (render.archive)");
        }
        if (config.getRenderFeed()) {
            pages.put(config.getFeedFileName(), "the article feed (render.feed)");
        }
        if (config.getRenderSiteMap()) {
            pages.put(config.getSiteMapFileName(), "the sitemap (render.sitemap)");
        }
        if (config.getRenderError404()) {
            pages.put(config.getError404FileName(), "the page-not-found page (render.error404)");
        }
        pages.put("search" + config.getOutputExtension(), "the search page");
        return pages;
    }

    /**
     * A published page's cross reference to a draft (or to a page dated later) would be a broken
     * link on the published site: it is reported at the reference's line, before anything is
     * rendered, rather than as a broken link in the baked HTML. So is a reference to a section the
     * other page does not have, in the preview too (which renders drafts, so checks their references
     * as well): the link check would find it only in the HTML, at the baked page's line.
     */
    static void reportReferencesBetweenPages(java.util.Collection<DocumentModel> documents, BuildSession session) {
        java.util.Map<java.nio.file.Path, DocumentModel> byFile = new java.util.HashMap<>();
        java.util.Map<String, DocumentModel> byPath = new java.util.HashMap<>();
        for (DocumentModel document : documents) {
            if (document.getFile() == null) {
                continue;
            }
            File file = new File(document.getFile());
            byFile.put(file.toPath().toAbsolutePath().normalize(), document);
            byPath.put(session.relativePath(file), document);
        }
        boolean preview = session.includeDrafts();
        for (BuildSession.Xref reference : session.xrefs()) {
            DocumentModel from = byPath.get(reference.from());
            DocumentModel target = byFile.get(reference.file().toAbsolutePath().normalize());
            if (from == null || target == null || !(preview || isPublished(from))) {
                continue;
            }
            if (isPublished(from) && !isPublished(target)) {
                // A scheduled page is published by the first bake on its day: publishing it now would
                // fail on its date, so what to do is wait, or schedule this page too.
                boolean scheduled = "published-date".equals(target.getStatus()) && target.getDate() != null;
                String status = target.getStatus()
                        + (scheduled ? ", from " + target.getDate().toInstant().atZone(session.zone()).toLocalDate() : "");
                // The preview shows drafts, so the link works there: the editor is warned of the bake that will fail.
                String previewNote = preview ? "; the preview shows it, a bake will fail on it" : "";
                if (reference.related()) {
                    // Left out of the page's related links (and a condition's treatments) without a word,
                    // where the same page named by an xref fails the bake: both are told, at their line.
                    report(session, preview, "header.unpublished-related", reference,
                            "related page '" + reference.target() + "' (" + session.relativePath(reference.file().toFile())
                                    + ") is not published (status: " + status + "), so this page would not link to it" + previewNote,
                            scheduled ? "take it out of :med-related: until that day, or schedule this page for it too (:jbake-status: published-date)"
                                    : "publish it (:jbake-status: published), or take it out of :med-related: until it is");
                    continue;
                }
                report(session, preview, "xref.unpublished-target", reference,
                        "cross reference to '" + reference.target() + "', which is not published (status: " + status + ")" + previewNote,
                        scheduled ? "take the link out until that day, or schedule this page for it too (:jbake-status: published-date)"
                                : "publish it (:jbake-status: published), or take the link out until it is");
                if (!preview) {
                    continue;
                }
            }
            if (reference.anchor() != null && !hasId(target, reference.anchor())) {
                // Asciidoctor checks ids only inside a document; this one would be a link to nowhere on the page.
                session.diagnostics().error("xref.unknown-anchor", reference.from(), reference.line(),
                        "cross reference to '" + reference.target() + "#" + reference.anchor() + "', but "
                                + reference.target() + " has no id '" + reference.anchor() + "'",
                        "use an id of that page's sections, or give the section the id with [#" + reference.anchor()
                                + "] above its heading");
            }
        }
    }

    private static void report(BuildSession session, boolean preview, String code, BuildSession.Xref reference, String message, String hint) {
        if (preview) {
            session.diagnostics().warning(code, reference.from(), reference.line(), message, hint);
        } else {
            session.diagnostics().error(code, reference.from(), reference.line(), message, hint);
        }
    }

    /**
     * Topics that differ only by case ('Back-Pain', 'back-pain') are two pages, tags/Back-Pain.html and
     * tags/back-pain.html, of which a case-insensitive host (Windows, macOS, some static hosts) keeps one.
     * Each article with a spelling other than the site's usual one (the most used; on a tie, the lowercase
     * one) is told at its :jbake-tags: line, rather than two output files clashing with no article named.
     */
    private static void reportTopicsSpelledTwoWays(java.util.Map<File, DocumentModel> stored, BuildSession session) {
        // topic in lowercase -> spelling -> the files that spell it so, in listing order
        java.util.Map<String, java.util.Map<String, List<File>>> spellings = new java.util.TreeMap<>();
        stored.forEach((file, document) -> {
            if (isPublished(document) && document.getTags() != null) {
                for (String topic : document.getTags()) {
                    spellings.computeIfAbsent(topic.toLowerCase(java.util.Locale.ROOT), key -> new java.util.LinkedHashMap<>())
                            .computeIfAbsent(topic, spelling -> new ArrayList<>()).add(file);
                }
            }
        });
        spellings.forEach((key, bySpelling) -> {
            if (bySpelling.size() < 2) {
                return;
            }
            String usual = bySpelling.keySet().stream()
                    .max(java.util.Comparator.<String>comparingInt(spelling -> bySpelling.get(spelling).size())
                            .thenComparing(spelling -> spelling.equals(key)))
                    .orElseThrow();
            String usualIn = session.relativePath(bySpelling.get(usual).get(0));
            bySpelling.forEach((spelling, files) -> {
                if (!spelling.equals(usual)) {
                    for (File file : files) {
                        session.diagnostics().error("header.topic-case", session.relativePath(file), attributeLine(file, ":jbake-tags:"),
                                "topic '" + spelling + "' differs only by case from '" + usual + "' (" + usualIn
                                        + "), so their two topic pages collide on case-insensitive hosts",
                                "write the topic the same way in every article, e.g. " + usual);
                    }
                }
            });
        });
    }

    /**
     * A profile page is found by its file name, the provider's id: two of them in different folders
     * (providers/maya-okafor.adoc, team/maya-okafor.adoc) are two pages, of which bylines and the
     * provider list link to the one whose address sorts last, a choice nobody made. The later one is told,
     * naming the other.
     */
    private static void reportProfilesOfOneProvider(java.util.Map<File, DocumentModel> stored, BuildSession session) {
        java.util.Map<String, File> profiles = new java.util.HashMap<>();
        stored.forEach((file, document) -> {
            if (!"provider".equals(document.getType()) || !(session.includeDrafts() || isPublished(document))) {
                return;
            }
            String id = FilenameUtils.getBaseName(file.getName());
            File earlier = profiles.putIfAbsent(id, file);
            if (earlier != null) {
                session.diagnostics().error("content.duplicate-profile", session.relativePath(file), attributeLine(file, ":jbake-type:"),
                        "this page and " + session.relativePath(earlier) + " are both the profile of provider '" + id
                                + "', and bylines can link to one only",
                        "keep one profile per provider: delete one of the two files, or merge them");
            }
        });
    }

    /** The header line of an attribute such as {@code :jbake-tags:}, read again: only a problem reported asks. */
    private static int attributeLine(File file, String attribute) {
        return SourcePositions.lineWhere(file.toPath(), line -> line.toLowerCase(java.util.Locale.ROOT).startsWith(attribute)).orElse(0);
    }

    private static boolean hasId(DocumentModel document, String id) {
        String body = document.getBody();
        return body == null || body.contains("id=\"" + id + "\"");
    }

    private static boolean isPublished(DocumentModel document) {
        return ModelAttributes.Status.PUBLISHED.equals(document.getStatus());
    }

    /**
     * An article's file name is its page's address. JBake writes a name that needs escaping in a URL
     * as it escapes it ({@code Ciática.adoc} becomes the file {@code Ci%C3%A1tica.html}, which every
     * link to it then misses; a space becomes a {@code +}), so such a name is an error at the file,
     * rather than broken links on the pages that list it. Its folders are the rest of the address, and
     * JBake writes them as they are: {@code content/Back Pain/} put a space in the sitemap's and the
     * feed's addresses, which are then not addresses at all.
     */
    private static void checkFileName(File file, BuildSession session, File contentFolder) {
        String name = file.getName();
        String base = name.substring(0, name.lastIndexOf('.') < 0 ? name.length() : name.lastIndexOf('.'));
        if (!base.matches(ADDRESS_PART)) {
            String suggested = SourcePositions.PageNaming.webName(base);
            session.diagnostics().error("content.file-name", session.relativePath(file), 0,
                    "the file name '" + name + "' is the page's address, and it has characters a web address must escape",
                    "rename the file with letters a-z, digits and hyphens"
                            + (suggested.isEmpty() ? "" : ", e.g. " + suggested + name.substring(base.length())));
            return;
        }
        java.nio.file.Path folders = contentFolder.toPath().toAbsolutePath().normalize()
                .relativize(file.toPath().toAbsolutePath().normalize()).getParent();
        if (folders == null) {
            return;
        }
        for (java.nio.file.Path folder : folders) {
            String folderName = folder.toString();
            if (!folderName.matches(ADDRESS_PART)) {
                String suggested = SourcePositions.PageNaming.webName(folderName);
                session.diagnostics().error("content.file-name", session.relativePath(file), 0,
                        "the folder name '" + folderName + "' is part of the page's address, and it has characters a web address must escape",
                        "rename the folder with letters a-z, digits and hyphens" + (suggested.isEmpty() ? "" : ", e.g. " + suggested));
                return;
            }
        }
    }

    private static final String ADDRESS_PART = "[A-Za-z0-9._-]+";


    private DocumentModel parse(File file, Optional<BuildMemory> memory) {
        if (memory.isPresent()) {
            Optional<DocumentModel> unchanged = memory.get().parsedBefore(file, config.session());
            if (unchanged.isPresent()) {
                return unchanged.get();
            }
            memory.get().beforeParsing(file);
        }
        ParserEngine engine = Engines.get(FileUtil.fileExt(file));
        DocumentModel document = engine == null ? null : engine.parse(config, file);
        if (document != null && document.getSha1() == null) {
            // JBake's crawler hashes each file on its one thread; here the workers do, beside the others
            // (the AsciiDoc engine already has, from the bytes it read).
            document.setSha1(sha1(file));
        }
        return document;
    }

    /** What JBake's crawler adds to every document it stores (its own methods are private). */
    static void addJBakeAttributes(SiteConfiguration config, DocumentModel document, File file) {
        String uri = uri(config, file);
        document.setRootPath(FileUtil.getUriPathToContentRoot(config, file));
        if (document.getSha1() == null) {
            document.setSha1(sha1(file));
        }
        document.setRendered(false);
        document.setFile(file.getPath());
        document.setSourceUri(uri);
        document.setUri(uri);
        document.setCached(true);
        if (ModelAttributes.Status.PUBLISHED_DATE.equals(document.getStatus())
                && document.getDate() != null
                // The bake's clock, as for review dates (a test or a --today bake fixes it), not the machine's.
                && !Date.from(config.session().today().atStartOfDay(config.session().zone()).toInstant()).before(document.getDate())) {
            document.setStatus(ModelAttributes.Status.PUBLISHED);
        }
        if (config.getUriWithoutExtension()) {
            document.setNoExtensionUri(uri.replace("/index.html", "/"));
        }
        if (config.getImgPathUpdate()) {
            HtmlUtil.fixImageSourceUrls(document, config);
        }
    }

    private static String uri(SiteConfiguration config, File file) {
        String path = FileUtil.asPath(file).replace(FileUtil.asPath(config.getContentFolder()), "");
        String base = URLEncoder.encode(FilenameUtils.getBaseName(path), StandardCharsets.UTF_8);
        String prefix = config.getPrefixForUriWithoutExtension();
        String uri = config.getUriWithoutExtension() && prefix != null && !prefix.isEmpty() && path.startsWith(prefix)
                ? "/" + FilenameUtils.getPath(path) + base + "/index" + config.getOutputExtension()
                : "/" + FilenameUtils.getPath(path) + base + config.getOutputExtension();
        return uri.startsWith("/") ? uri.substring(1) : uri;
    }

    /** JBake's {@code sha1} attribute of a file (the AsciiDoc engine sets it from the bytes it read). */
    static String sha1(File file) {
        try {
            return AsciidocEngine.jbakeSha1(java.nio.file.Files.readAllBytes(file.toPath()));
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
