package org.clinicbake.content;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Attributes;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.asciidoctor.ast.Document;
import org.clinicbake.build.BuildSession;
import org.clinicbake.build.SiteConfiguration;
import org.clinicbake.diag.Diagnostics;
import org.clinicbake.readability.Readability;
import org.clinicbake.readability.ReadabilityScore;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.parser.MarkupEngine;
import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;

/**
 * JBake markup engine for AsciiDoc on AsciidoctorJ 3.
 *
 * <p>Differences from JBake's stock engine, each on purpose: every file is parsed once (the header
 * and the body come from the same loaded document); AsciiDoc runs in SAFE mode, so an include can
 * only read files inside the article's folder, and {@code {docdir}}, {@code {docfile}} and
 * {@code {user-home}} show no folder of this computer; the title is plain text (templates escape
 * it); problems become diagnostics with file and line instead of log lines, and a file with errors is
 * left out of the site rather than rendered half-way.
 *
 * <p>Header attributes follow JBake's convention: {@code :jbake-type:}, {@code :jbake-status:},
 * {@code :jbake-date:} and {@code :jbake-tags:} become {@code type}, {@code status}, {@code date}
 * and {@code tags}; every other attribute written in the header is stored under its own name.
 */
public final class AsciidocEngine extends MarkupEngine {

    static final String JBAKE_PREFIX = "jbake-";

    /** The file extensions of AsciiDoc articles, which this engine reads. */
    public static final Set<String> EXTENSIONS = Set.of("ad", "adoc", "asciidoc");

    /** Whether a file is an AsciiDoc article by its name. */
    public static boolean isArticle(java.nio.file.Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(name.substring(dot + 1));
    }
    /** What the engine reads from an article's body and keeps in its document model beside the header attributes. */
    public static final Set<String> BODY_FACTS = Set.of(SectionFacts.KEY, SearchText.KEY, AsciidocEngine.SOURCE);

    /**
     * The key under which a document carries what its body is a function of (see
     * {@link ConversionCache#identity}): two documents with the same value have the same body.
     */
    public static final String SOURCE = "clinicbake_source";

    private static final Set<String> STATUSES = Set.of("published", "draft", "published-date");

    @Override
    public DocumentModel parse(JBakeConfiguration config, File file) {
        BuildSession session = SiteConfiguration.sessionOf(config);
        String path = session.relativePath(file);
        Diagnostics diagnostics = session.diagnostics();

        byte[] bytes = readBytes(file, path, diagnostics);
        SourceText source = bytes == null ? null : decode(bytes, path, diagnostics);
        if (source == null) {
            return null;
        }
        if (ConversionCache.includesOtherFiles(source.text())) {
            session.noteIncludes(file);
        }
        DocumentHeader header = DocumentHeader.scan(source.lines());
        for (int line : header.malformed()) {
            diagnostics.error("header.malformed", path, line,
                    "header line is not an attribute entry: '" + source.lines().get(line - 1).strip() + "'",
                    "attribute entries start and end the name with a colon, e.g. `:jbake-type: therapy`");
        }
        for (DocumentHeader.Repeat repeat : header.repeats()) {
            // A second :jbake-status: draft below the first turned a published page into a draft without a word.
            diagnostics.error("header.repeated", path, repeat.again(),
                    "':" + repeat.name() + ":' is given twice in the header, on line " + repeat.first() + " and here",
                    "keep one of the two lines: AsciiDoc uses the last one and ignores the other");
        }
        if (header.endsEarlyAt() > 0) {
            diagnostics.error("header.blank-line", path, header.endsEarlyAt(),
                    "this blank line ends the header, so the attribute entries below it are not read as the page's",
                    "delete the blank line: the title and every attribute entry are one block of lines");
            // Every attribute below would be reported missing, at line 1, hiding the one thing to fix.
            return null;
        }
        if (header.textAt() > 0) {
            diagnostics.error("header.no-blank-line", path, header.textAt(),
                    "this text follows the header's attribute entries with no blank line between, so AsciiDoc reads it "
                            + "as part of the header and it does not show on the page",
                    "add a blank line above this line: a blank line ends the header and starts the text");
        }
        if (header.titleLine() == 0) {
            diagnostics.error("header.missing-title", path, 1, "the document has no title line",
                    "start the file with a title line such as `= Epidural Steroid Injection`");
            return null;
        }

        // One hash of the text serves the cache and the document's identity (SOURCE).
        String identity = session.conversionCache().identity(file.toPath(), source.text());
        Optional<ConversionCache.Converted> conversion = session.conversionCache().get(identity, source.text());
        boolean fresh = conversion.isEmpty();
        if (fresh) {
            conversion = convert(session, file, path, source, header);
        }
        if (conversion.isEmpty()) {
            return null; // Asciidoctor reported why; checking a half-converted page would only add noise
        }
        ConversionCache.Converted converted = conversion.get();
        if (converted.readability() == null) {
            // One parse for all four; scoring, last, takes the references and tables out of it.
            org.jsoup.nodes.Document html = Jsoup.parse(converted.body());
            boolean citesReferences = MedicalHeaderCheck.citesReferences(html);
            SectionFacts sections = SectionFacts.of(html);
            SearchText search = SearchText.of(html);
            converted = converted.withBodyFacts(session.readabilityScorer().scoreArticle(html), citesReferences, sections, search);
        }
        if (fresh) {
            session.conversionCache().put(identity, source.text(), converted);
        }
        DocumentModel model = new DocumentModel();
        boolean headerOk = readHeader(converted, header, source.lines(), session, path, model)
                && header.malformed().isEmpty();
        XrefCheck.check(session, file, path, source.lines());
        boolean draft = "draft".equals(model.getStatus());
        Placeholders.check(session, path, source.lines(), draft);
        ImageAltCheck.check(session, path, source.lines(), draft);
        ControlCharacters.check(session, path, source.lines(), draft);
        TableHeaderCheck.check(session, path, source.lines(), converted.body());
        StructureCheck.check(session, path, model.getType(), header, source.lines(), converted.body());
        if (!headerOk || !MedicalHeaderCheck.check(session, path, header, model, converted.citesReferences(), source.lines())) {
            return null;
        }
        if (MedicalHeaderCheck.CLINICAL_TYPES.contains(model.getType())) {
            checkReadability(session, path, header, model.getTitle(), converted, source.lines(), draft);
        }
        model.setBody(converted.body());
        model.put(SectionFacts.KEY, converted.sections());
        model.put(SearchText.KEY, converted.search());
        model.put(SOURCE, identity);
        // From the bytes read here: the crawler would otherwise read the file again for it.
        model.setSha1(jbakeSha1(bytes));
        return model;
    }

    /**
     * The site's Content-Security-Policy allows no inline styles (style-src 'self'), so the browser
     * ignores, and reports as a violation, every {@code style} attribute Asciidoctor writes: column
     * widths ({@code <col style="width: 50%;">}, also a horizontal list's {@code labelwidth}), a
     * table's {@code width=50%}, a cell's {@code cellbgcolor}. They are dropped. A page break
     * ({@code <<<}), which patients who print the page rely on, becomes a class the print stylesheet
     * honours.
     */
    static String withoutInlineStyles(String html) {
        // Each regex runs only where its style can be: a scan for a fixed string costs a tenth of a
        // regex pass over the page, and most pages have no table width or page break.
        String noColumnWidths = html.contains("<col style=") ? COLUMN_STYLE.matcher(html).replaceAll("<col>") : html;
        String noTableStyles = noColumnWidths.contains("\" style=\"width:") || noColumnWidths.contains("\" style=\"background-color:")
                ? TABLE_STYLE.matcher(noColumnWidths).replaceAll("$1") : noColumnWidths;
        return noTableStyles.contains("page-break-after")
                ? PAGE_BREAK.matcher(noTableStyles).replaceAll("<div class=\"page-break\"></div>") : noTableStyles;
    }

    private static final java.util.regex.Pattern COLUMN_STYLE = java.util.regex.Pattern.compile("<col style=\"[^\"]*\">");
    private static final java.util.regex.Pattern TABLE_STYLE =
            java.util.regex.Pattern.compile("(<(?:table|td|th) class=\"[^\"]*\") style=\"(?:width|background-color): [^\";]*;\"");
    private static final java.util.regex.Pattern PAGE_BREAK =
            java.util.regex.Pattern.compile("<div style=\"page-break-after: always;\"></div>");

    /** Runs Asciidoctor on the file; empty when it reported a problem (as a diagnostic). */
    private static Optional<ConversionCache.Converted> convert(BuildSession session, File file, String path,
                                                              SourceText source, DocumentHeader header) {
        AsciidoctorLogBridge log = session.logBridge();
        log.begin(path, source.lines());
        try {
            Document document = session.asciidoctor().load(source.text(),
                    options(session.language(), session.config().getOutputExtension(), file,
                            shownPaths(session.siteDir(), file.toPath()), session.clockAttributes()));
            List<String> names = new java.util.ArrayList<>(header.attributes().keySet());
            names.add("revdate");
            ConversionCache.Converted converted = new ConversionCache.Converted(document.getDoctitle(),
                    ConversionCache.headerAttributes(document.getAttributes(), names), withoutInlineStyles(document.convert()), null, false, null, null);
            session.converted();
            // Only clean conversions are cached: the caller puts this one, with its reading level.
            return log.problems() > 0 ? Optional.empty() : Optional.of(converted);
        } finally {
            log.end();
        }
    }

    /**
     * Patient materials should read at US grade 8 or below (NIH; the AMA suggests 6). The grade is
     * Flesch-Kincaid on the prose a patient reads: references, tables and code are left out.
     */
    private static void checkReadability(BuildSession session, String path, DocumentHeader header, String title,
                                         ConversionCache.Converted converted, List<String> lines, boolean draft) {
        ReadabilityScore score = converted.readability();
        // Flesch-Kincaid and SMOG count English syllables and sentence lengths: on Spanish or French
        // text they give a grade that means nothing, so such a site is not held to them.
        if (score.words() == 0 || !Readability.measures(session.locale())) {
            return;
        }
        session.readability(new ArticleReadability(path, title, score.words(), score.fleschKincaidGrade(), score.smogGrade()));
        double grade = score.fleschKincaidGrade();
        double failAbove = session.config().getDouble("readability.fail-above", 10);
        double warnAbove = session.config().getDouble("readability.warn-above", 8);
        if (grade <= warnAbove && grade <= failAbove) {
            return;
        }
        String message = Readability.aboveLimit(score, grade > failAbove ? failAbove : warnAbove);
        SentenceLines sentenceLines = new SentenceLines(lines);
        String hint = Readability.advice(warnAbove, Readability.hardestSentences(converted.body(), warnAbove, 3),
                sentenceLines::lineOf);
        if (grade > failAbove && !draft) {
            session.diagnostics().error("readability.grade", path, Math.max(header.titleLine(), 1), message, hint);
        } else {
            session.diagnostics().warning("readability.grade", path, Math.max(header.titleLine(), 1), message, hint);
        }
    }

    private static byte[] readBytes(File file, String path, Diagnostics diagnostics) {
        try {
            return Files.readAllBytes(file.toPath());
        } catch (IOException e) {
            diagnostics.error("content.unreadable", path, 0, "cannot read the file: " + e.getMessage(),
                    "check that the file exists and that you have permission to read it");
            return null;
        }
    }

    private static SourceText decode(byte[] bytes, String path, Diagnostics diagnostics) {
        SourceText.Result decoded = SourceText.decode(bytes);
        if (decoded.source().isEmpty()) {
            diagnostics.error("content.encoding", path, decoded.invalidLine(), "the file is not valid UTF-8",
                    "save the file with UTF-8 encoding (most editors have it under 'Save with encoding')");
            return null;
        }
        SourceText source = decoded.source().get();
        if (source.isBlank()) {
            diagnostics.error("content.empty", path, 0, "the file is empty",
                    "write a header (title and :jbake-type:) and a body, or delete the file");
            return null;
        }
        return source;
    }

    /**
     * Converts a file as a bake does and throws the result away. A long-running preview does this in
     * the background after it starts, so that JRuby has compiled Asciidoctor's busiest code before
     * the editor's first save: warm, a conversion takes a few milliseconds instead of tens.
     */
    public static void warmUp(Asciidoctor asciidoctor, File file) throws IOException {
        String text = Files.readString(file.toPath());
        asciidoctor.load(text, options("en", ".html", file, shownPaths(file.toPath().toAbsolutePath().getParent(), file.toPath()),
                        clockAttributes(LocalDate.EPOCH, java.time.ZoneOffset.UTC)))
                .convert();
    }

    private static Options options(String language, String outputExtension, File file, Map<String, String> shownPaths,
                                   Map<String, String> clock) {
        org.asciidoctor.AttributesBuilder builder = Attributes.builder();
        // Set softly ("@"): an article's own :docdate: still wins.
        clock.forEach((name, value) -> builder.attribute(name, value + "@"));
        Attributes attributes = builder
                // The real paths: Asciidoctor reads includes and images from them (see shownPaths).
                .attribute("docfile", file.getAbsolutePath())
                .attribute("docdir", file.getParentFile().getAbsolutePath())
                .attribute("lang", language)
                .attribute("outfilesuffix", outputExtension)
                // Report {name} references to undefined attributes instead of printing the braces.
                .attribute("attribute-missing", "warn")
                .attribute("icons!")
                .build();
        return Options.builder()
                .safe(SafeMode.SAFE)
                .baseDir(file.getParentFile())
                .standalone(false)
                .attributes(attributes)
                .option(AsciidoctorRuntime.SHOWN_PATHS_OPTION, shownPaths)
                .build();
    }

    /**
     * What {@code {docdir}}, {@code {docfile}} and {@code {user-home}} show in an article, where SAFE
     * mode would show this computer's folders: a public page must not give them away, and the pages
     * must not differ with where the site is checked out. {@code docdir} is {@code .}, the article's
     * folder seen from the article, so that what editors build on it still resolves there
     * ({@code include::{docdir}/partials/steps.adoc[]}, {@code :imagesdir: {docdir}/images}, which
     * also works on the published page); {@code docfile} is the article's path in the site, as the
     * bake's messages name it ({@code content/procedures/esi.adoc}); {@code user-home} is {@code ~}.
     */
    static Map<String, String> shownPaths(Path siteDir, Path file) {
        Path article = file.toAbsolutePath().normalize();
        Path site = siteDir.toAbsolutePath().normalize();
        String docfile = article.startsWith(site) ? slashes(site.relativize(article)) : article.getFileName().toString();
        return Map.of("docdir", ".", "docfile", docfile, "user-home", "~");
    }

    /**
     * Asciidoctor's clock attributes, {@code {localdate}}, {@code {localtime}}, {@code {docdate}} and the
     * rest, showed the moment and the time zone of the computer that baked the page ({@code 19:09:02 +1400}),
     * so no two bakes of one site were byte-identical. They are the start of the bake's day in the site's
     * time zone, which {@code --today} sets, in Asciidoctor's own formats. An article that uses one is not
     * cached (see {@link ConversionCache}): the next day it reads otherwise.
     */
    public static Map<String, String> clockAttributes(LocalDate day, java.time.ZoneId zone) {
        java.time.ZonedDateTime start = day.atStartOfDay(zone);
        String date = day.toString();
        String time = start.format(CLOCK_TIME) + " " + (start.getOffset().getTotalSeconds() == 0 ? "UTC" : start.format(CLOCK_OFFSET));
        String year = Integer.toString(day.getYear());
        Map<String, String> attributes = new java.util.TreeMap<>();
        for (String kind : List.of("local", "doc")) {
            attributes.put(kind + "date", date);
            attributes.put(kind + "time", time);
            attributes.put(kind + "datetime", date + " " + time);
            attributes.put(kind + "year", year);
        }
        return java.util.Collections.unmodifiableMap(attributes);
    }

    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm:ss", java.util.Locale.ROOT);
    private static final DateTimeFormatter CLOCK_OFFSET = DateTimeFormatter.ofPattern("xx", java.util.Locale.ROOT);

    private static String slashes(Path relative) {
        return relative.toString().replace(File.separatorChar, '/');
    }

    /**
     * JBake's {@code sha1} document attribute: the SHA-1 of the file's bytes in lower-case hex, as
     * JBake's {@code FileUtil.sha1} gives it (which formats each of the 20 bytes with {@code String.format}).
     */
    public static String jbakeSha1(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    /** The text of a title Asciidoctor converted: most hold no markup and no character reference, and need no parse. */
    static String plainText(String html) {
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return org.jsoup.internal.StringUtil.normaliseWhitespace(html).trim();
        }
        return Jsoup.parse(html).text();
    }

    /** Fills JBake's model from the header; false when the header has an error that keeps the page out. */
    private static boolean readHeader(ConversionCache.Converted converted, DocumentHeader header, List<String> lines,
                                      BuildSession session, String path, DocumentModel model) {
        Diagnostics diagnostics = session.diagnostics();
        Map<String, String> attributes = converted.attributes();
        boolean ok = true;

        model.setTitle(plainText(converted.doctitle()));
        for (String name : header.attributes().keySet()) {
            Object value = attributes.get(name);
            if (value == null) {
                continue;
            }
            // Asciidoctor escapes attribute values for HTML (`&` becomes `&amp;`); templates and
            // JSON-LD escape for themselves, so the model keeps the text as the author wrote it.
            String text = Parser.unescapeEntities(value.toString().strip(), false);
            model.put(name, text);
            if (name.startsWith(JBAKE_PREFIX)) {
                model.put(name.substring(JBAKE_PREFIX.length()), text);
            }
        }

        String type = string(model.get("type"), session.config().getDefaultType());
        if (type.isEmpty() && !header.mentionsMalformed("jbake-type", lines)) {
            diagnostics.error("header.missing-type", path, header.lineOf("jbake-type"),
                    "the header has no :jbake-type:",
                    "add `:jbake-type: article` to the header; types: " + String.join(", ", session.config().contentTypes()));
            ok = false;
        } else if (!type.isEmpty() && !session.config().contentTypes().contains(type)) {
            diagnostics.error("header.unknown-type", path, header.lineOf("jbake-type"),
                    "unknown page type '" + type + "'",
                    "use one of: " + String.join(", ", session.config().contentTypes()));
            ok = false;
        }
        model.setType(type);

        String status = string(model.get("status"), session.config().getDefaultStatus());
        if (status.isEmpty() && !header.mentionsMalformed("jbake-status", lines)) {
            diagnostics.error("header.missing-status", path, header.lineOf("jbake-status"),
                    "the header has no :jbake-status:",
                    "add `:jbake-status: published` (or `draft` to keep the page out of the site)");
            ok = false;
        } else if (!status.isEmpty() && !STATUSES.contains(status)) {
            diagnostics.error("header.unknown-status", path, header.lineOf("jbake-status"),
                    "unknown status '" + status + "'", "use one of: draft, published, published-date");
            ok = false;
        }
        model.setStatus(status);

        String dateAttribute = attributes.containsKey("jbake-date") || !attributes.containsKey("revdate")
                ? "jbake-date" : "revdate";
        Object dateValue = attributes.get(dateAttribute);
        if (dateValue == null && header.mentionsMalformed(dateAttribute, lines)) {
            ok = false;
        } else if (dateValue == null) {
            diagnostics.error("header.missing-date", path, header.lineOf(dateAttribute),
                    "the header has no :jbake-date:",
                    "add the publication date, e.g. `:jbake-date: 2026-01-31`");
            ok = false;
        } else {
            Date date = parseDate(dateValue.toString().strip(), session.config().getDateFormat(), session.dateLocale(), session.zone());
            if (date == null) {
                // In the words the medical dates use: a pattern such as yyyy-MM-dd is Java's notation, not an editor's.
                String example = LocalDate.of(2026, 1, 31).format(formatter(session.config().getDateFormat(), session.dateLocale()));
                diagnostics.error("header.invalid-date", path, header.lineOf(dateAttribute),
                        "'" + dateValue + "' is not a date like " + example,
                        "write the date like " + example + ", as date.format=" + session.config().getDateFormat()
                                + " (jbake.properties) says");
                ok = false;
            } else {
                model.setDate(date);
            }
        }

        // A providers.yml that could not be read is reported at its line; every byline of the site is not.
        boolean providersKnown = session.data().providersRead();
        for (String role : List.of("med-author", "med-reviewer")) {
            Object ids = model.get(role);
            if (ids == null || !providersKnown) {
                continue;
            }
            for (String id : ids.toString().split(",")) {
                String provider = id.strip();
                if (!provider.isEmpty() && session.data().provider(provider).isEmpty()) {
                    diagnostics.error("header.unknown-provider", path, header.lineOf(role),
                            "no provider '" + provider + "' in data/providers.yml",
                            session.data().providers().isEmpty()
                                    ? "add the provider to data/providers.yml"
                                    : "use one of: " + String.join(", ", session.data().providers().keySet()));
                    ok = false;
                }
            }
        }

        if ("provider".equals(model.getType())) {
            // A profile is found by its file name: one that names no provider is a page nobody's byline links to.
            String id = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.[^.]*$", "");
            if (!providersKnown) {
                ok = false; // a profile without its provider's data cannot be rendered; the file to fix is providers.yml
            } else if (session.data().provider(id).isEmpty()) {
                diagnostics.error("header.unknown-provider", path, header.lineOf("jbake-type"),
                        "this profile page is named '" + id + "', and data/providers.yml has no provider '" + id + "'",
                        session.data().providers().isEmpty() ? "add the provider to data/providers.yml"
                                : "name the file after the provider's id, one of: " + String.join(", ", session.data().providers().keySet()));
                ok = false;
            }
        }

        Object tags = model.get("jbake-tags"); // unescaped above, as written
        List<String> topics = new java.util.ArrayList<>();
        for (String written : tags == null ? new String[0] : tags.toString().split(",")) {
            // JBake's tag.sanitize (on by default): "back pain" is the topic back-pain.
            String tag = session.config().getSanitizeTag() ? written.strip().replace(' ', '-') : written.strip();
            if (tag.isEmpty()) {
                continue;
            }
            if (!TOPIC.matcher(tag).matches()) {
                diagnostics.error("header.invalid-tag", path, header.lineOf("jbake-tags"),
                        "topic '" + abbreviated(tag) + "' cannot be the name of its page (tags/<topic>.html)",
                        "write a topic as words of letters and digits joined by hyphens, e.g. back-pain, "
                                + "at most " + TOPIC_LENGTH + " characters");
                ok = false;
                continue;
            }
            topics.add(tag);
        }
        model.setTags(topics.toArray(String[]::new));
        return ok;
    }

    /**
     * A topic is the file name of its page and part of its address, so it holds no path separator,
     * no character that ends a URL's path (? #) or escapes one (%), and fits a file name.
     */
    static final int TOPIC_LENGTH = 80;
    private static final java.util.regex.Pattern TOPIC =
            java.util.regex.Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}._-]{0," + (TOPIC_LENGTH - 2) + "}[\\p{L}\\p{N}\\p{M}])?");

    private static String abbreviated(String text) {
        return text.length() <= TOPIC_LENGTH ? text : text.substring(0, TOPIC_LENGTH) + "...";
    }

    /** The calendar day at the start of the site's time zone, or null when the text is not a date. */
    static Date parseDate(String text, String pattern, java.util.Locale locale, ZoneId zone) {
        try {
            LocalDate day = LocalDate.parse(text, formatter(pattern, locale));
            return Date.from(day.atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return null;
        }
    }

    private static DateTimeFormatter formatter(String pattern, java.util.Locale locale) {
        // JBake's patterns are SimpleDateFormat ones; 'u' is the proleptic year STRICT resolving needs.
        return DateTimeFormatter.ofPattern(pattern.replace('y', 'u'), locale).withResolverStyle(ResolverStyle.STRICT);
    }

    private static String string(Object value, String fallback) {
        if (value == null || value.toString().isBlank()) {
            return fallback == null ? "" : fallback.strip();
        }
        return value.toString().strip();
    }
}
