package org.clinicbake.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Extension;
import io.pebbletemplates.pebble.extension.ExtensionCustomizer;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.extension.core.DefaultFilter;
import io.pebbletemplates.pebble.extension.escaper.EscapeFilter;
import io.pebbletemplates.pebble.extension.escaper.SafeString;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import org.clinicbake.build.BuildSession;
import org.clinicbake.build.SiteConfiguration;
import org.jsoup.Jsoup;

/**
 * ClinicBake's template functions and filters (documented in src/docs/template-model.md):
 * {@code asset()}, {@code image()}, {@code reviewed_by()}, {@code json_ld()}, {@code breadcrumbs()},
 * and the filters {@code long_date} and {@code reading_time}.
 */
final class ClinicExtension extends AbstractExtension {

    private final SiteConfiguration config;
    private final Map<String, Function> functions;
    private final Map<String, Filter> filters;

    /**
     * The session is looked up through the configuration on every call: the preview keeps an engine
     * (and its compiled templates) from one rebuild to the next, each rebuild with a session of its own.
     */
    ClinicExtension(SiteConfiguration config, Map<String, Function> pluginFunctions, Map<String, Filter> pluginFilters) {
        this.config = config;
        Map<String, Function> functions = new LinkedHashMap<>();
        functions.put("asset", function(List.of("path"), (args, context, line) -> asset(string(args, "path", line), context, line)));
        functions.put("image", function(List.of("src", "alt"), (args, context, line) -> image(args, context, line)));
        functions.put("reviewed_by", function(List.of(), (args, context, line) -> reviewedBy(context)));
        functions.put("json_ld", function(List.of(), (args, context, line) -> page(context).get("jsonld")));
        functions.put("breadcrumbs", function(List.of(), (args, context, line) -> page(context).get("breadcrumbs")));
        functions.put("closed_days", function(List.of(), (args, context, line) -> closedDays()));
        Map<String, Filter> filters = new LinkedHashMap<>();
        filters.put("long_date", filter((input, line) -> longDate(input, line)));
        filters.put("reading_time", filter((input, line) -> readingTime(input)));
        filters.put("day_range", filter((input, line) -> dayRange(input, line)));
        addAll(functions, pluginFunctions, "function");
        addAll(filters, pluginFilters, "filter");
        this.functions = Map.copyOf(guardedFunctions(functions, ""));
        this.filters = Map.copyOf(guardedFilters(filters, "the"));
    }

    /**
     * Pebble's own functions and filters (the extensions Pebble adds itself; a customizer is
     * not given the ones added with the builder) as ones that report a failure at the template and
     * line that used them, as ClinicBake's do. Several of Pebble's throw a plain Java exception on a
     * bad argument ({@code abbreviate("x")}, {@code date("not a pattern")}), which Pebble passes on
     * with neither: the theme developer was told only the page's template, never the partial or the line.
     */
    static ExtensionCustomizer reportingTheLine(Extension extension) {
        return new ExtensionCustomizer(extension) {
            @Override
            public Map<String, Filter> getFilters() {
                return guardedFilters(super.getFilters(), PEBBLES);
            }

            @Override
            public Map<String, Function> getFunctions() {
                return guardedFunctions(super.getFunctions(), PEBBLES + " function ");
            }
        };
    }

    /** How a failure names Pebble's own functions and filters, so that the hint can point to their documentation. */
    static final String PEBBLES = "Pebble's";

    private static Map<String, Function> guardedFunctions(Map<String, Function> functions, String owner) {
        Map<String, Function> guarded = new LinkedHashMap<>();
        Objects.requireNonNullElse(functions, Map.<String, Function>of())
                .forEach((name, function) -> guarded.put(name, guarded(owner + name + "()", function)));
        return guarded;
    }

    private static Map<String, Filter> guardedFilters(Map<String, Filter> filters, String owner) {
        Map<String, Filter> guarded = new LinkedHashMap<>();
        Objects.requireNonNullElse(filters, Map.<String, Filter>of()).forEach((name, filter) ->
                // Pebble treats these two by their class: default reads a variable that may not exist, escape keeps safe text safe.
                guarded.put(name, filter instanceof DefaultFilter || filter instanceof EscapeFilter ? filter
                        : guarded(owner + " filter '" + name + "'", filter)));
        return guarded;
    }

    /**
     * A function that fails is a template error at the template and line that called it, where the
     * one who can fix it, the theme's or the plugin's author, looks; not a bug of the bake's own.
     */
    private static Function guarded(String what, Function function) {
        return new Function() {
            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                try {
                    return function.execute(args, self, context, lineNumber);
                } catch (RuntimeException e) {
                    throw atCaller(what, e, self, lineNumber);
                }
            }

            @Override
            public List<String> getArgumentNames() {
                return function.getArgumentNames();
            }
        };
    }

    /** As {@link #guarded(String, Function)}, for a filter. */
    private static Filter guarded(String what, Filter filter) {
        return new Filter() {
            @Override
            public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                                int lineNumber) throws PebbleException {
                try {
                    return filter.apply(input, args, self, context, lineNumber);
                } catch (RuntimeException e) {
                    throw atCaller(what, e, self, lineNumber);
                }
            }

            @Override
            public List<String> getArgumentNames() {
                return filter.getArgumentNames();
            }
        };
    }

    private static PebbleException atCaller(String what, RuntimeException e, PebbleTemplate self, int lineNumber) {
        String template = self == null ? null : self.getName();
        if (e instanceof PebbleException pebble) {
            // Ours and Pebble's own know the line; the template is the one that was evaluating, which may be a partial.
            return pebble.getClass() != PebbleException.class || pebble.getFileName() != null || template == null ? pebble
                    : new PebbleException(pebble.getCause(), pebble.getPebbleMessage(), pebble.getLineNumber(), template);
        }
        return new PebbleException(e, what + " failed: " + readable(e), lineNumber, template);
    }

    /**
     * The exception as a theme developer can read it: its simple name and message, without the
     * modules and class loaders a ClassCastException lists ("(java.lang.String and ... are in module
     * java.base of loader 'bootstrap')").
     */
    private static String readable(RuntimeException e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll(" \\([^()]* (?:is|are) in (?:module|unnamed module)[^()]*\\)$", "");
        return e.getClass().getSimpleName() + message;
    }

    @Override
    public Map<String, Function> getFunctions() {
        return functions;
    }

    @Override
    public List<io.pebbletemplates.pebble.extension.NodeVisitorFactory> getNodeVisitors() {
        return List.of(template -> new io.pebbletemplates.pebble.extension.AbstractNodeVisitor(
                (io.pebbletemplates.pebble.template.PebbleTemplateImpl) template) {
            @Override
            public void visit(io.pebbletemplates.pebble.node.RootNode root) {
                refuseOutputOutsideBlocks(root, template.getName());
                refuseBlocksTheParentLacks(root, template.getName());
            }
        });
    }

    /**
     * In a template that extends another, Pebble renders only the blocks (and sets and imports) and
     * drops anything else in silence: a notice written under the {@code {% extends %}} line was
     * simply missing from every page. Twig refuses such a template; so does the bake.
     */
    private static void refuseOutputOutsideBlocks(io.pebbletemplates.pebble.node.RootNode root, String templateName) {
        List<io.pebbletemplates.pebble.node.RenderableNode> children = root.getBody().getChildren();
        if (children.stream().noneMatch(io.pebbletemplates.pebble.node.ExtendsNode.class::isInstance)) {
            return;
        }
        for (io.pebbletemplates.pebble.node.RenderableNode child : children) {
            int line = -1;
            if (child instanceof io.pebbletemplates.pebble.node.TextNode text) {
                String data = new String(text.getData());
                if (!data.isBlank()) {
                    // Pebble numbers a text by the line it ends on.
                    String before = data.substring(0, data.length() - data.stripLeading().length());
                    line = text.getLineNumber() - newlines(data) + newlines(before);
                }
            } else if (child instanceof io.pebbletemplates.pebble.node.PrintNode
                    || child instanceof io.pebbletemplates.pebble.node.IncludeNode
                    || child instanceof io.pebbletemplates.pebble.node.IfNode
                    || child instanceof io.pebbletemplates.pebble.node.ForNode) {
                line = ((io.pebbletemplates.pebble.node.AbstractRenderableNode) child).getLineNumber();
            }
            if (line >= 0) {
                throw new Mistake("this is outside every {% block %} of a template that extends another, so it would never be on a page",
                        "put it inside one of the parent's blocks ({% block content %}...{% endblock %}), "
                                + "or, to add a block of your own, into the parent template", line, templateName);
            }
        }
    }

    /**
     * A block the parent templates do not have is never rendered: a misspelt {@code {% block contnet %}}
     * left the theme's content on every page, and the bake said nothing.
     */
    private void refuseBlocksTheParentLacks(io.pebbletemplates.pebble.node.RootNode root, String templateName) {
        List<io.pebbletemplates.pebble.node.RenderableNode> children = root.getBody().getChildren();
        Optional<String> parent = children.stream()
                .filter(io.pebbletemplates.pebble.node.ExtendsNode.class::isInstance)
                .map(node -> ((io.pebbletemplates.pebble.node.ExtendsNode) node).getParentExpression())
                .filter(io.pebbletemplates.pebble.node.expression.LiteralStringExpression.class::isInstance)
                .map(name -> ((io.pebbletemplates.pebble.node.expression.LiteralStringExpression) name).getValue())
                .findFirst();
        if (config == null || parent.isEmpty()) {
            return;
        }
        Optional<java.util.Set<String>> known = session().theme().blocksFor(templateName, parent.get());
        for (io.pebbletemplates.pebble.node.RenderableNode child : children) {
            if (known.isPresent() && child instanceof io.pebbletemplates.pebble.node.BlockNode block
                    && !known.get().contains(block.getName())) {
                throw new Mistake("'" + parent.get() + "' has no block '" + block.getName() + "', so this one would never be on a page",
                        "fill one of its blocks: " + String.join(", ", known.get()), block.getLineNumber(), templateName);
            }
        }
    }

    private static int newlines(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    /** A template the bake refuses before rendering it, with what to do about it. */
    static final class Mistake extends PebbleException {
        private static final long serialVersionUID = 1L;
        private final String hint;

        Mistake(String message, String hint, int line, String templateName) {
            super(null, message, line, templateName);
            this.hint = hint;
        }

        String hint() {
            return hint;
        }
    }

    @Override
    public Map<String, Filter> getFilters() {
        return filters;
    }

    private BuildSession session() {
        return config.session();
    }

    /** A copy of the asset under a name that carries a hash of its content, so hosts may cache it forever. */
    private Object asset(String path, EvaluationContext context, int line) {
        // Every page asks for the same few assets: hash each once per bake, not once per page.
        String fingerprinted = session().fingerprints().get(path);
        if (fingerprinted == null) {
            fingerprinted = session().theme().fingerprint(path)
                    .orElseThrow(() -> new PebbleException(null, "no asset '" + path + "' in the site's or the theme's assets/",
                            line, null));
        }
        session().askedForAsset(path, fingerprinted);
        return page(context).get("root") + fingerprinted;
    }

    private Object image(Map<String, Object> args, EvaluationContext context, int line) {
        String src = string(args, "src", line);
        Object alt = args.get("alt");
        if (alt == null) {
            throw new PebbleException(null, "image('" + src + "') needs alt text: image(src, alt); use \"\" only for decoration",
                    line, null);
        }
        BuildSession.ImageFacts facts = session().imageFacts(src, path -> {
            Optional<int[]> read = session().theme().imageSize(path);
            return new BuildSession.ImageFacts(read, read.isPresent() || session().theme().asset(path).isPresent()
                    || java.nio.file.Files.isRegularFile(config.getContentFolder().toPath().resolve(path).normalize()));
        });
        if (!facts.found()) {
            // Written without a size and left to the link check, which a site may turn off: a broken image on every page.
            throw new PebbleException(null, "no image '" + src + "' in the site's or the theme's assets/, or in content/", line, null);
        }
        int[] size = facts.size().orElse(null);
        String root = String.valueOf(page(context).get("root"));
        StringBuilder tag = new StringBuilder("<img src=\"")
                .append(MarkupEscaper.HTML5.escape(root + src))
                .append("\" alt=\"").append(MarkupEscaper.HTML5.escape(alt.toString())).append('"');
        if (size != null) {
            // Width and height let the browser reserve the space before the image loads (no layout shift).
            tag.append(" width=\"").append(size[0]).append("\" height=\"").append(size[1]).append('"');
            // Smaller copies for small screens: a phone should not download a desktop-sized picture.
            StringBuilder srcset = new StringBuilder();
            for (int width : RESPONSIVE_WIDTHS) {
                if (width < size[0]) {
                    String variant = variantPath(src, width);
                    session().askedForImage(variant, new BuildSession.ImageVariant(src, width));
                    srcset.append(root).append(variant).append(' ').append(width).append("w, ");
                }
            }
            if (srcset.length() > 0) {
                srcset.append(root).append(src).append(' ').append(size[0]).append('w');
                tag.append(" srcset=\"").append(MarkupEscaper.HTML5.escape(srcset.toString()))
                        .append("\" sizes=\"(max-width: 44rem) 100vw, 44rem\"");
            }
        }
        tag.append(" loading=\"lazy\" decoding=\"async\">");
        return new SafeString(tag.toString());
    }

    @SuppressWarnings("unchecked")
    /** Widths of the smaller copies {@code image()} offers in {@code srcset}, when the image is wider. */
    static final int[] RESPONSIVE_WIDTHS = {480, 960};

    static String variantPath(String src, int width) {
        int dot = src.lastIndexOf('.');
        return dot > src.lastIndexOf('/') ? src.substring(0, dot) + "-" + width + "w" + src.substring(dot) : src + "-" + width + "w";
    }

    @SuppressWarnings("unchecked")
    private Object reviewedBy(EvaluationContext context) {
        Map<String, Object> page = page(context);
        List<Map<String, Object>> reviewers = (List<Map<String, Object>>) page.get("reviewers");
        Object reviewed = page.get("last_reviewed");
        if (reviewers == null || reviewers.isEmpty() || reviewed == null) {
            return null;
        }
        // Every reviewer the JSON-LD gives as reviewedBy, with the role its jobTitle gives, so the markup says what the page shows.
        String names = reviewers.stream()
                .map(reviewer -> reviewer.get("job_title") == null ? String.valueOf(reviewer.get("display_name"))
                        : reviewer.get("display_name") + ", " + reviewer.get("job_title"))
                .collect(java.util.stream.Collectors.joining("; "));
        boolean role = reviewers.get(reviewers.size() - 1).get("job_title") != null;
        return "Medically reviewed by " + names + (role ? "," : "") + " on " + longDate(reviewed, 0);
    }

    private String longDate(Object input, int line) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("MMMM d, yyyy", session().locale());
        if (input instanceof TemporalAccessor time) {
            return format.format(time);
        }
        if (input instanceof Date date) {
            return format.format(date.toInstant().atZone(session().zone()));
        }
        if (input == null) {
            return null; // a nullable date of the model, such as page.next_review
        }
        try {
            // A header attribute is text: a date written as the headers write dates is still a date.
            return format.format(java.time.LocalDate.parse(input.toString().strip()));
        } catch (java.time.format.DateTimeParseException e) {
            // Printed as it was, a title or a mistyped date went out where a date belonged.
            throw new PebbleException(null, "long_date formats a date, and was given '" + abbreviated(input.toString()) + "'",
                    line, null);
        }
    }

    private static String abbreviated(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
    }

    private static final List<String> WEEK = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    /**
     * Days as a patient reads them: "Monday to Friday" rather than five names, "Saturday and Sunday",
     * in the week's order. Days are clinic.yml's (schema.org's names), which the bake has checked.
     */
    private static String dayRange(Object input, int line) {
        if (!(input instanceof java.util.Collection<?> days)) {
            throw new PebbleException(null, "day_range reads a list of days, such as slot.days", line, null);
        }
        List<String> named = days.stream().map(String::valueOf).toList();
        List<String> parts = new java.util.ArrayList<>();
        for (int day = 0; day < WEEK.size(); day++) {
            if (!named.contains(WEEK.get(day))) {
                continue;
            }
            int last = day;
            while (last + 1 < WEEK.size() && named.contains(WEEK.get(last + 1))) {
                last++;
            }
            if (last - day >= 2) {
                parts.add(WEEK.get(day) + " to " + WEEK.get(last));
            } else {
                for (int each = day; each <= last; each++) {
                    parts.add(WEEK.get(each));
                }
            }
            day = last;
        }
        if (named.contains("PublicHolidays")) {
            parts.add("public holidays");
        }
        return parts.size() <= 1 ? String.join("", parts)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    /** The days of the week no opening hours name: closed, as a patient needs to be told rather than left to guess. */
    private List<String> closedDays() {
        Object hours = session().data().clinic().get("hours");
        if (!(hours instanceof List<?> slots) || slots.isEmpty()) {
            return List.of(); // no hours at all: the theme says to call
        }
        java.util.Set<String> open = new java.util.HashSet<>();
        for (Object slot : slots) {
            if (slot instanceof Map<?, ?> opening && opening.get("days") instanceof java.util.Collection<?> days) {
                days.forEach(day -> open.add(String.valueOf(day)));
            }
        }
        return WEEK.stream().filter(day -> !open.contains(day)).toList();
    }

    /** Minutes to read at 200 words a minute (a common estimate for adult readers), at least 1. */
    private static Object readingTime(Object input) {
        if (input == null) {
            return 0;
        }
        String text = Jsoup.parse(input.toString()).text().strip();
        int words = text.isEmpty() ? 0 : text.split("\\s+").length;
        return Math.max(1, (int) Math.ceil(words / 200.0));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> page(EvaluationContext context) {
        Object page = context.getVariable("page");
        return page instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String string(Map<String, Object> args, String name, int line) {
        Object value = args.get(name);
        if (value == null) {
            throw new PebbleException(null, "missing argument '" + name + "'", line, null);
        }
        return value.toString();
    }

    private static <T> void addAll(Map<String, T> builtIn, Map<String, T> extra, String kind) {
        extra.forEach((name, value) -> {
            if (builtIn.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("a plugin's template " + kind + " '" + name + "' has the name of one that exists");
            }
        });
    }

    private interface Body {
        Object run(Map<String, Object> args, EvaluationContext context, int line);
    }

    private static Function function(List<String> arguments, Body body) {
        return new Function() {
            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
                // Pebble checks the count only for a function that names its arguments; to one that takes
                // none it hands them over by position, and reviewed_by("ben-cho") ignored its argument in silence.
                long given = args.keySet().stream().filter(key -> !key.startsWith("_")).count();
                if (arguments.isEmpty() && given > 0) {
                    throw new PebbleException(null, "this function takes no arguments, and was given " + given, lineNumber, null);
                }
                return body.run(args, context, lineNumber);
            }

            @Override
            public List<String> getArgumentNames() {
                return arguments;
            }
        };
    }

    private interface FilterBody {
        Object run(Object input, int line);
    }

    private static Filter filter(FilterBody body) {
        return new Filter() {
            @Override
            public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context,
                                int lineNumber) {
                if (!args.isEmpty()) {
                    // Pebble would drop it in silence: long_date("yyyy") printed the long date all the same.
                    throw new PebbleException(null, "this filter takes no argument", lineNumber, null);
                }
                return body.run(input, lineNumber);
            }

            @Override
            public List<String> getArgumentNames() {
                return List.of();
            }
        };
    }
}
