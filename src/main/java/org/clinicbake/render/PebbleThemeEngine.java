package org.clinicbake.render;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.error.RootAttributeNotFoundException;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import org.clinicbake.build.PageReuse;
import org.clinicbake.build.BuildSession;
import org.clinicbake.build.SiteConfiguration;
import org.clinicbake.diag.Diagnostic;
import org.clinicbake.diag.Severity;
import org.clinicbake.schema.SchemaProblem;
import org.jbake.app.ContentStore;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.template.AbstractTemplateEngine;
import org.jbake.template.NoModelExtractorException;
import org.jbake.template.RenderingException;
import org.jbake.template.TemplateEngineAdapter;
import org.jbake.template.model.TemplateModel;

/**
 * JBake template engine for Pebble 4.
 *
 * <p>Autoescaping is on and variables are strict: a misspelt variable is an error with the
 * template's file and line rather than an empty string on a published page. A page is rendered
 * to memory first and written only when the whole template succeeded, so a failing template never
 * leaves a half-written or empty file.
 */
public final class PebbleThemeEngine extends AbstractTemplateEngine {

    private final SiteConfiguration siteConfig;
    private final PebbleEngine pebble;
    private final JsonLdWriter jsonWriter = new JsonLdWriter();
    private volatile SiteModel site;

    public PebbleThemeEngine(JBakeConfiguration config, ContentStore db) {
        super(config, db);
        BuildSession session = SiteConfiguration.sessionOf(config);
        this.siteConfig = (SiteConfiguration) config;
        this.pebble = new PebbleEngine.Builder()
                .loader(session.theme())
                .autoEscaping(true)
                .addEscapingStrategy("html", MarkupEscaper.HTML4)
                .strictVariables(true)
                .defaultLocale(session.locale())
                .extension(new ClinicExtension(siteConfig, session.plugins().functions(), session.plugins().filters()))
                .registerExtensionCustomizer(ClinicExtension::reportingTheLine)
                .build();
    }

    /**
     * Whether a name is taken by a template function or filter of Pebble's core or of ClinicBake's;
     * a plugin may not take it again. Asked of a Pebble engine itself, so the answer follows Pebble.
     */
    public static java.util.function.Predicate<String> builtInNames() {
        io.pebbletemplates.pebble.extension.ExtensionRegistry registry = new PebbleEngine.Builder()
                .extension(new ClinicExtension(null, Map.of(), Map.of()))
                .build()
                .getExtensionRegistry();
        return name -> registry.getFunction(name) != null || registry.getFilter(name) != null;
    }

    /**
     * The session of the bake in progress. The preview keeps this engine, with its compiled
     * templates, for rebuilds after text edits, each of which has a session of its own.
     */
    private BuildSession session() {
        return siteConfig.session();
    }

    @Override
    public void renderDocument(TemplateModel model, String templateName, Writer writer) throws RenderingException {
        Optional<String> siteWide = siteWidePage(model);
        String rendered = siteWide.isPresent() ? keptOrRendered(siteWide.get(), model, templateName)
                : render(model, templateName, new boolean[1]);
        try {
            writer.write(rendered);
        } catch (IOException e) {
            throw new RenderingException(e);
        }
    }

    /** The address of a site-wide page (home, indexes, topics, feed, sitemap...) in a bake that can reuse pages. */
    private Optional<String> siteWidePage(TemplateModel model) {
        DocumentModel content = model.getContent();
        if (session().pageReuse().isEmpty() || content == null || content.getFile() != null
                || !SiteConfiguration.isGeneratedPageType(content.getType())) {
            return Optional.empty();
        }
        return Optional.of(PageModel.uriOf(model, session()));
    }

    /**
     * A site-wide page is made of the headers of the documents, the data, the settings and the
     * templates, which the bake's {@link PageReuse} fingerprints; when that is unchanged, and the page
     * did not read JBake's document store (which holds the bodies), the page written last time stands.
     */
    private String keptOrRendered(String uri, TemplateModel model, String templateName) throws RenderingException {
        PageReuse memory = session().pageReuse().orElseThrow();
        String templates = session().theme().dependencies(templateName);
        Optional<String> kept = memory.siteWidePageBefore(uri, templates, session());
        if (kept.isPresent()) {
            return kept.get();
        }
        List<Diagnostic> before = session().diagnostics().about(uri);
        boolean[] readStore = new boolean[1];
        BuildSession.Recorded<String> rendered = session().recordingAssets(() -> render(model, templateName, readStore));
        List<Diagnostic> found = new ArrayList<>(session().diagnostics().about(uri));
        found.removeAll(before);
        memory.rememberSiteWidePage(uri, templates, readStore[0], found, rendered.assets());
        return rendered.value();
    }

    /** Renders a page to a string, reporting a template problem as a diagnostic before failing. */
    String render(TemplateModel model, String templateName) throws RenderingException {
        return render(model, templateName, new boolean[1]);
    }

    /** As {@link #render(TemplateModel, String)}; {@code readStore[0]} tells whether the page read JBake's store. */
    private String render(TemplateModel model, String templateName, boolean[] readStore) throws RenderingException {
        try {
            PebbleTemplate template = pebble.getTemplate(templateName);
            StringWriter out = new StringWriter();
            template.evaluate(out, context(model, readStore));
            if (out.toString().isBlank() && model.getContent() != null && PageModel.uriOf(model, session()).endsWith(".html")) {
                reportBlankPage(templateName, PageModel.uriOf(model, session()));
                throw new RenderingException("template " + session().theme().describe(templateName) + " rendered an empty page");
            }
            return out.toString();
        } catch (PebbleException e) {
            report(e, templateName);
            throw new RenderingException("template " + session().theme().describe(templateName) + ": " + e.getMessage());
        } catch (IOException e) {
            throw new RenderingException(e);
        } catch (StackOverflowError e) {
            // A template that extends or includes itself: Pebble follows it until the stack runs out,
            // and the error, which nothing else catches, ended the bake with a stack trace.
            reportLoop(templateName);
            throw new RenderingException("template " + session().theme().describe(templateName) + " uses itself without end");
        } catch (RuntimeException e) {
            // Thrown through Pebble with no line, by none of the functions and filters (those are guarded): the template is all we know.
            String where = session().theme().describe(templateName);
            reportOnce("template.error", where, 0, e.toString(),
                    "a filter or function in this template or one it uses failed on the value it was given: "
                            + "check what each is applied to (template-model.md gives each value's type)");
            throw new RenderingException("template " + where + ": " + e);
        }
    }

    private Map<String, Object> context(TemplateModel model, boolean[] readStore) {
        Map<String, Object> context = new JBakeModel(model, readStore);
        DocumentModel content = model.getContent();
        if (content != null && content.getBody() != null) {
            DocumentModel safeContent = new DocumentModel();
            safeContent.putAll(content);
            safeContent.setBody(null);
            safeContent.put("body", new SafeString(content.getBody()));
            context.put("content", safeContent);
        }
        context.put("site", site().values());
        Map<String, Object> page = PageModel.of(model, site(), session());
        page.put("jsonld", jsonLd(page, model.getContent()));
        context.put("page", page);
        return context;
    }

    /** The page's JSON-LD, checked against schema.org; null for files that are not HTML pages. */
    private SafeString jsonLd(Map<String, Object> page, DocumentModel content) {
        if (Set.of("feed", "sitemap", "robots").contains(page.get("kind"))) {
            return null;
        }
        ObjectNode graph = StructuredData.of(session(), site(), page, content);
        String where = content != null && content.getFile() != null
                ? session().relativePath(new java.io.File(content.getFile())) : (String) page.get("uri");
        for (SchemaProblem problem : session().schemaValidator().validate(graph)) {
            if (problem.code().equals(org.clinicbake.schema.SchemaValidator.GOOGLE_LOCAL_BUSINESS)) {
                // The clinic's name and address come from data/clinic.yml, whose check (data.missing-file,
                // data.missing-field) already names what is missing, at its line; clinicbake check still reports it.
                continue;
            }
            Diagnostic diagnostic = new Diagnostic(
                    problem.severity() == SchemaProblem.Severity.ERROR ? Severity.ERROR : Severity.WARNING,
                    problem.code(), where, 0,
                    problem.message() + (problem.nodeId() == null ? "" : " (in " + problem.nodeId() + ")"),
                    problem.hint());
            session().diagnostics().report(diagnostic);
        }
        return new SafeString(jsonWriter.write(graph));
    }

    private SiteModel site() {
        SiteModel built = site;
        if (built == null) {
            synchronized (this) {
                if (site == null) {
                    // The site model is made of the document headers, the data and the settings: what
                    // the preview's render context fingerprints, so a text edit reuses the last one.
                    site = session().memory()
                            .map(memory -> memory.forRenderContext("site-model", () -> SiteModel.build(session(), db)))
                            .orElseGet(() -> SiteModel.build(session(), db));
                }
                built = site;
            }
        }
        return built;
    }

    private void report(PebbleException e, String templateName) {
        if (e.getClass() == PebbleException.class && e.getCause() instanceof PebbleException cause
                && "Wrong operand(s) type in conditional expression".equals(e.getPebbleMessage())) {
            // Pebble's {% if %} puts this over any error in its condition: a misspelt variable in
            // {% if page.last_reviewd is not null %} was a "wrong operand type", not the name that is wrong.
            report(cause, templateName);
            return;
        }
        String where = session().theme().describe(e.getFileName() != null ? e.getFileName() : templateName);
        int line = e.getLineNumber() == null ? 0 : Math.max(e.getLineNumber(), 0);
        // Which page was being rendered is left out: the same template error on every page is one problem.
        String message = e.getPebbleMessage();
        if (e instanceof ClinicExtension.Mistake mistake) {
            session().diagnostics().error("template.syntax", where, line, message, mistake.hint());
        } else if (e instanceof Theme.NotUtf8 encoding) {
            session().diagnostics().error("template.encoding", encoding.where(), encoding.line(), "the template is not valid UTF-8",
                    "save the file with UTF-8 encoding (most editors have it under 'Save with encoding')");
        } else if (e instanceof Theme.MissingTemplate missing && !missing.templateName().equals(templateName)) {
            // A partial or parent that does not exist: Pebble names neither it nor the line asking for it.
            Optional<Theme.Reference> reference = session().theme().referenceTo(missing.templateName(), templateName);
            String named = missing.templateName();
            boolean pathLike = named.startsWith("/") || named.contains("..");
            session().diagnostics().error("template.missing", reference.map(Theme.Reference::template).orElse(where),
                    reference.map(Theme.Reference::line).orElse(0),
                    pathLike ? "template '" + named + "' is outside every layer's templates folder"
                            : "template '" + named + "' does not exist",
                    pathLike ? "name a template from the templates folder, with no leading / and no ..: \"partials/footer.peb\", "
                                    + "or \"theme:partials/footer.peb\" for the theme's"
                            : "no layer (" + String.join(", ", session().theme().layerNames()) + ") has it: add "
                                    + session().theme().describe(named) + ", or correct the name");
        } else if (e instanceof LoaderException) {
            session().diagnostics().error("template.missing", where, 0,
                    "template '" + templateName + "' does not exist",
                    "add templates/" + templateName + " to the site, or set the template.<type>.file key in jbake.properties");
        } else if (e instanceof ParserException) {
            String named = e.getFileName() != null ? e.getFileName() : templateName;
            Optional<Integer> opened = line == 0 ? Optional.empty() : session().theme().unclosedTagBefore(named, line);
            if (opened.isPresent()) {
                // Pebble's line is where it gave up reading the tag as an expression, not where the tag is.
                session().diagnostics().error("template.syntax", where, opened.get(),
                        "this tag has no closing %} or }}, so Pebble read on to line " + line + ": " + message,
                        "end the tag on this line with %} (or }} for {{ ... }})");
                return;
            }
            java.util.regex.Matcher lookingFor = LOOKING_FOR.matcher(message);
            Optional<Integer> unclosed = lookingFor.find() ? session().theme().unclosedBlock(named, lookingFor.group(1)) : Optional.empty();
            if (unclosed.isPresent()) {
                String opening = lookingFor.group(1).substring(3);
                session().diagnostics().error("template.syntax", where, unclosed.get(),
                        "this {% " + opening + " %} has no {% " + lookingFor.group(1) + " %}: " + message,
                        "close it with {% " + lookingFor.group(1) + " %} where its part of the page ends");
                return;
            }
            session().diagnostics().error("template.syntax", where, line, message,
                    "check the tag on this line: every {% block %}, {% if %} and {% for %} needs its matching end tag");
        } else if (e instanceof RootAttributeNotFoundException missing && EVERY_PAGE_HAS.contains(missing.getAttributeName())) {
            // Every page has it, so it was read where Pebble hides the page's variables: in a macro.
            String name = missing.getAttributeName();
            session().diagnostics().error("template.undefined-variable", where, line,
                    "variable '" + name + "' is not visible here: a macro sees only its own arguments",
                    "pass it to the macro: {% macro card(" + name + ") %}...{% endmacro %}, called as {{ card(" + name + ") }}");
        } else if (e instanceof AttributeNotFoundException missing) {
            String what = e instanceof RootAttributeNotFoundException
                    ? "variable '" + missing.getAttributeName() + "' does not exist"
                    : "'" + missing.getAttributeName() + "' does not exist on the value it is read from";
            session().diagnostics().error("template.undefined-variable", where, line, what,
                    "src/docs/template-model.md lists every variable; a nullable one is always there, "
                            + "so test it with `is not null`");
        } else if (MISSING_CALLABLE.matcher(message).matches()) {
            reportMissingCallable(message, templateName, where, line);
        } else {
            reportOnce("template.error", where, line, message, hintFor(message));
        }
    }

    /** Pebble's own filter or function that failed, as ClinicExtension names it: "Pebble's filter 'date' failed: ...". */
    private static final java.util.regex.Pattern PEBBLES_FAILED = java.util.regex.Pattern.compile(
            "^" + ClinicExtension.PEBBLES + " (?:filter '([\\w]+)'|function ([\\w]+)\\(\\)) failed: .*", java.util.regex.Pattern.DOTALL);

    /** Where to read what the failed filter or function takes: Pebble's page for one of its own, the template model for ours. */
    private static String hintFor(String message) {
        java.util.regex.Matcher pebbles = PEBBLES_FAILED.matcher(message);
        if (pebbles.matches()) {
            return pebbles.group(1) != null
                    ? "what the filter takes: https://pebbletemplates.io/wiki/filter/" + pebbles.group(1) + "/"
                    : "what the function takes: https://pebbletemplates.io/wiki/function/" + pebbles.group(2) + "/";
        }
        return "fix the expression on this line";
    }

    /**
     * Pebble's words for a call of a name that is no function and no macro in reach: "Function or
     * Macro [x] does not exist.", or, from an import, "Function or Macro [x] referenced by alias [y]
     * does not exist.".
     */
    private static final java.util.regex.Pattern MISSING_CALLABLE = java.util.regex.Pattern.compile(
            "Function or Macro \\[(\\w+)\\](?: referenced by alias \\[(\\w+)\\])? does not exist\\.");

    /**
     * Pebble names the wrong place for these. It looks a macro up from the page's template to its
     * last parent and reports the call's line in that parent, though the line is the caller's (a
     * block of the page's template, say); and a {@code {% from %}} that imports a macro the other
     * template does not have is reported with no line at all. The call, or the import, is found in
     * the templates the page uses.
     */
    private void reportMissingCallable(String message, String templateName, String where, int line) {
        java.util.regex.Matcher missing = MISSING_CALLABLE.matcher(message);
        missing.matches();
        String name = missing.group(1);
        if (missing.group(2) != null) {
            java.util.regex.Pattern importing = java.util.regex.Pattern.compile(
                    "\\{%-?\\s*from\\s+[\"'][^\"']+[\"']\\s+import\\s+(?:[^%]*[\\s,])?" + name + "(?![\\w])");
            Optional<Theme.Reference> from = session().theme().lineMatching(templateName, importing, 0);
            reportOnce("template.error", from.map(Theme.Reference::template).orElse(where),
                    from.map(Theme.Reference::line).orElse(line),
                    "the template this {% from %} imports has no macro '" + name + "'",
                    "import a {% macro %} that template defines, or define '" + name + "' there");
            return;
        }
        java.util.regex.Pattern calling = java.util.regex.Pattern.compile("(?<![\\w.])" + name + "\\s*\\(");
        Optional<Theme.Reference> call = session().theme().lineMatching(templateName, calling, line);
        reportOnce("template.error", call.map(Theme.Reference::template).orElse(where), line,
                "no function or macro '" + name + "'",
                "src/docs/template-model.md lists ClinicBake's functions; a macro is called in the template that "
                        + "defines it, or one that imports it with {% import %} or {% from ... import " + name + " %}");
    }

    /**
     * A page template that wrote nothing but white space: an empty file, say, saved to override the
     * theme's. Only a page of no bytes at all was caught, after the bake, once for every page and
     * without the template; a newline was a blank page published for every document of its type.
     */
    private void reportBlankPage(String templateName, String uri) {
        boolean empty = session().theme().isBlank(templateName);
        reportOnce("template.empty", session().theme().describe(templateName), 0,
                empty ? "the template is empty, so every page rendered from it would be blank"
                        : "the template rendered a blank page (" + uri + "): nothing but white space",
                "a page template writes the whole page: start it with {% extends \"base.peb\" %} and fill its blocks, "
                        + "or extend the theme's own (\"theme:" + templateName.substring(templateName.indexOf(':') + 1)
                        + "\"); or delete it to use the theme's");
    }

    private void reportLoop(String templateName) {
        Optional<Theme.Loop> loop = session().theme().loopFrom(templateName);
        Optional<Theme.Reference> macro = loop.isEmpty() ? session().theme().selfCallingMacro(templateName) : Optional.empty();
        if (macro.isPresent()) {
            // Reported once, there: every page template that used the partial said the same thing with no line.
            reportOnce("template.error", macro.get().template(), macro.get().line(),
                    "this macro calls itself with nothing to stop it, so rendering never ends",
                    "call it again only inside an {% if %} that is false at some point, e.g. {% if depth > 0 %}{{ tree(depth - 1) }}{% endif %}");
            return;
        }
        if (loop.isEmpty()) {
            // Named by an expression: nothing to point at but the page's template.
            reportOnce("template.error", session().theme().describe(templateName), 0,
                    "rendering never ends: a template that this one uses extends or includes itself, or a macro calls itself, with nothing to stop it",
                    "an include or a macro call that repeats itself needs an {% if %} that ends it");
            return;
        }
        Theme.Loop found = loop.get();
        String name = found.named().contains(":") ? found.named().substring(found.named().indexOf(':') + 1) : found.named();
        reportOnce("template.error", found.at().template(), found.at().line(),
                "'" + found.named() + "' leads back to this template, so it never finishes: " + String.join(" -> ", found.chain()),
                "to build on the theme's template of the same name, name its layer: \"theme:" + name
                        + "\" (src/docs/theme-lookup.md); an include of itself needs an {% if %} that ends it");
    }

    /** The variables every template receives (template-model.md). */
    private static final Set<String> EVERY_PAGE_HAS = Set.of("site", "page", "content", "config");

    /** Pebble's words for a block left open: "Pebble was looking for the "endif" tag". */
    private static final java.util.regex.Pattern LOOKING_FOR = java.util.regex.Pattern.compile("looking for the \"(end\\w+)\" tag");

    /**
     * One error per template line: a filter or function that fails names the value it failed on,
     * which differs from page to page, and the theme developer needs to read it once.
     */
    private void reportOnce(String code, String where, int line, String message, String hint) {
        synchronized (session().diagnostics()) {
            if (session().diagnostics().about(where).stream().noneMatch(seen -> seen.code().equals(code) && seen.line() == line)) {
                session().diagnostics().error(code, where, line, message, hint);
            }
        }
    }

    /**
     * The variables of a page plus JBake's own lazy ones ({@code published_content}, {@code tags},
     * {@code data}, ...), which JBake computes only when a template asks for them.
     */
    private final class JBakeModel extends HashMap<String, Object> {

        private static final long serialVersionUID = 1L;

        private final boolean[] readStore;

        JBakeModel(TemplateModel model, boolean[] readStore) {
            super(model);
            this.readStore = readStore;
        }

        @Override
        public Object get(Object key) {
            if (super.containsKey(key) || !(key instanceof String name) || !extractors.containsKey(name)) {
                return super.get(key);
            }
            try {
                readStore[0] = true;
                Object value = extractors.extractAndTransform(db, name, this, new TemplateEngineAdapter.NoopAdapter());
                put(name, value);
                return value;
            } catch (NoModelExtractorException e) {
                return null;
            }
        }

        @Override
        public boolean containsKey(Object key) {
            return super.containsKey(key) || extractors.containsKey(key);
        }
    }
}
