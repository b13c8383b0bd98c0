package org.clinicbake.check;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.clinicbake.diag.Diagnostic;
import org.clinicbake.diag.Diagnostics;
import org.clinicbake.diag.Severity;
import org.clinicbake.schema.SchemaProblem;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * {@value #INVALID}: a JSON-LD block that is not valid JSON. Every valid block is then checked against schema.org 30.0
 * with {@link org.clinicbake.schema.SchemaValidator}, whose findings keep their codes ({@code schema.*},
 * {@code google.*}) and severities, as in the bake.
 *
 * <p>{@value #DATE_NOT_SHOWN}: a day the JSON-LD gives as {@code datePublished}, {@code dateModified} or
 * {@code lastReviewed} that no {@code <time datetime>} on the page shows. Search engines read those dates as the
 * page's own and ask that structured data describe what readers can see; a reader of a medical page also judges
 * it by when it was written and checked.
 *
 * <p>{@value #IMAGE_NOT_SHOWN}: an {@code image} or {@code primaryImageOfPage} of one of the block's nodes that no
 * {@code <img>} (or {@code <source>}) of the page shows. Search engines may show that picture beside the page in their
 * results; one the reader never sees there is markup of content that is not visible (Google's structured data policies).
 *
 * <p>{@value #TEXT_NOT_SHOWN}: a {@code name}, {@code headline}, {@code description} or {@code jobTitle} of one of the
 * block's nodes that the page's text does not hold (compared without regard to case, spacing or typographic quotes and
 * dashes). The headline, the page's description, the author's and the reviewer's names and roles are what search
 * engines take the page to say; each must be what its reader sees.
 *
 * <p>{@value #LINK_NOT_SHOWN}: a {@code relatedLink} or {@code significantLink} of one of the block's nodes that no
 * link of the page leads to: the markup would name pages as related to this one that its reader is not offered.
 */
public final class JsonLdCheck implements OutputCheck {

    public static final String INVALID = "jsonld.invalid";
    public static final String DATE_NOT_SHOWN = "jsonld.date-not-shown";
    public static final String IMAGE_NOT_SHOWN = "jsonld.image-not-shown";
    public static final String TEXT_NOT_SHOWN = "jsonld.text-not-shown";
    public static final String LINK_NOT_SHOWN = "jsonld.link-not-shown";

    private static final List<String> DATE_PROPERTIES = List.of("datePublished", "dateModified", "lastReviewed");
    private static final Evaluator TIME = QueryParser.parse("time[datetime]");
    private static final Evaluator IMAGES = QueryParser.parse("img[src], img[srcset], source[srcset]");
    private static final List<String> IMAGE_PROPERTIES = List.of("image", "primaryImageOfPage");
    private static final List<String> TEXT_PROPERTIES = List.of("name", "headline", "description", "jobTitle");
    private static final List<String> LINK_PROPERTIES = List.of("relatedLink", "significantLink");
    private static final Evaluator LINKS = QueryParser.parse("a[href], area[href]");
    /** How much of a long value a message quotes. */
    private static final int QUOTED = 60;

    @Override
    public String id() {
        return "jsonld";
    }

    @Override
    public void checkPage(CheckContext context, Page page, Diagnostics out) {
        Set<String> shownDays = null;
        Set<String> shownImages = null;
        String shownText = null;
        Set<String> shownLinks = null;
        Set<String> reported = new HashSet<>();
        for (Element block : JsonLd.blocks(page)) {
            JsonNode document;
            try {
                document = JsonLd.parse(block);
            } catch (JsonProcessingException e) {
                out.error(INVALID, page.path(), errorLine(block, e), "JSON-LD block is not valid JSON: " + reason(e),
                        "the template that writes this block made broken JSON; print ClinicBake's {{ page.jsonld }} "
                                + "rather than writing JSON by hand");
                continue;
            }
            List<SchemaProblem> problems = context.schemaValidator().validate(document);
            int line = problems.isEmpty() ? 0 : Page.line(block);
            for (SchemaProblem problem : problems) {
                out.report(new Diagnostic(
                        problem.isError() ? Severity.ERROR : Severity.WARNING,
                        problem.code(), page.path(), line,
                        problem.message() + (problem.nodeId() == null ? "" : " (in " + problem.nodeId() + ")"),
                        problem.hint()));
            }
            Map<String, String> days = days(document);
            if (!days.isEmpty() && shownDays == null) {
                shownDays = shownDays(page);
            }
            for (Map.Entry<String, String> day : days.entrySet()) {
                if (!shownDays.contains(day.getKey())) {
                    out.warning(DATE_NOT_SHOWN, page.path(), Page.line(block),
                            "the JSON-LD gives " + day.getValue() + " " + day.getKey() + ", which the page does not show",
                            "show it in the template as <time datetime=\"" + day.getKey() + "\">, as the default theme's "
                                    + "partials/review.peb and partials/byline.peb do; search engines expect structured data "
                                    + "to describe what readers see");
                }
            }
            for (String image : images(document)) {
                if (shownImages == null) {
                    shownImages = shownImages(context, page);
                }
                if (!shownImages.contains(address(context, page, image))) {
                    out.warning(IMAGE_NOT_SHOWN, page.path(), Page.line(block),
                            "the JSON-LD gives the image " + image + ", which the page does not show",
                            "show it on the page with its text alternative, as the default theme's article.peb shows "
                                    + ":med-image: ({{ image(page.image.uri, page.image.alt) }}), or leave it out of the JSON-LD; "
                                    + "search engines may show it beside the page in their results");
                }
            }
            for (String link : links(document)) {
                if (shownLinks == null) {
                    shownLinks = shownLinks(context, page);
                }
                if (!shownLinks.contains(address(context, page, link))) {
                    out.warning(LINK_NOT_SHOWN, page.path(), Page.line(block),
                            "the JSON-LD gives " + link + " as a related page, which the page does not link to",
                            "link to it from the page, as the default theme's partials/related.peb lists the pages "
                                    + ":med-related: names, or leave it out of :med-related:");
                }
            }
            for (JsonNode node : nodes(document)) {
                for (String property : TEXT_PROPERTIES) {
                    JsonNode value = node.get(property);
                    if (value == null || !value.isTextual() || comparable(value.asText()).isEmpty()) {
                        continue;
                    }
                    if (shownText == null) {
                        Element body = page.document().body();
                        shownText = comparable(body == null ? "" : body.text());
                    }
                    String type = node.path("@type").isTextual() ? node.get("@type").asText() : "node";
                    if (!shownText.contains(comparable(value.asText())) && reported.add(property + "\n" + comparable(value.asText()))) {
                        out.warning(TEXT_NOT_SHOWN, page.path(), Page.line(block),
                                "the JSON-LD gives the " + type + "'s " + property + " \"" + quoted(value.asText())
                                        + "\", which the page does not show",
                                "show it in the template (the headline as the <h1>, a page's :description: as its lead, "
                                        + "each author's and reviewer's name and job title in the byline), or leave it out of "
                                        + "the JSON-LD; search engines expect structured data to describe what readers see");
                    }
                }
            }
        }
    }

    /** The addresses the page's nodes give as related or significant links, as written, once each. */
    private static Set<String> links(JsonNode document) {
        Set<String> links = new java.util.LinkedHashSet<>();
        for (JsonNode item : values(document, LINK_PROPERTIES)) {
            if (item.isTextual() && !item.asText().isBlank()) {
                links.add(item.asText().strip());
            }
        }
        return links;
    }

    /** The pages and addresses the page's links lead to, each as {@link #address} gives it. */
    private static Set<String> shownLinks(CheckContext context, Page page) {
        Set<String> shown = new HashSet<>();
        for (Element link : page.select(LINKS)) {
            shown.add(address(context, page, link.attr("href")));
        }
        return shown;
    }

    /** Text as the comparison sees it: lower case, one space for any run of white space, plain quotes and hyphens. */
    private static String comparable(String text) {
        return text.replace('\u00a0', ' ').replaceAll("[\u2018\u2019\u02bc]", "'").replaceAll("[\u201c\u201d]", "\"")
                .replaceAll("[\u2010-\u2015]", "-").replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String quoted(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= QUOTED ? flat : flat.substring(0, QUOTED) + "...";
    }

    /** The page's own nodes: the graph's, or the block's one node (or array of them). */
    private static List<JsonNode> nodes(JsonNode document) {
        List<JsonNode> nodes = new java.util.ArrayList<>();
        if (document.isArray()) {
            document.forEach(item -> nodes.addAll(nodes(item)));
        } else if (document.isObject()) {
            JsonNode graph = document.get("@graph");
            if (graph != null) {
                nodes.addAll(nodes(graph));
            } else {
                nodes.add(document);
            }
        }
        return nodes;
    }

    /** The addresses of the images the page's nodes give ({@code image}, {@code primaryImageOfPage}), as written, once each. */
    private static Set<String> images(JsonNode document) {
        Set<String> images = new java.util.LinkedHashSet<>();
        for (JsonNode item : values(document, IMAGE_PROPERTIES)) {
            JsonNode url = item.isObject() ? item.has("contentUrl") ? item.get("contentUrl") : item.get("url") : item;
            if (url != null && url.isTextual() && !url.asText().isBlank()) {
                images.add(url.asText().strip());
            }
        }
        return images;
    }

    /** The values the page's nodes give for {@code properties}, an array's items one by one. */
    private static List<JsonNode> values(JsonNode document, List<String> properties) {
        List<JsonNode> values = new java.util.ArrayList<>();
        for (JsonNode node : nodes(document)) {
            for (String property : properties) {
                JsonNode value = node.get(property);
                if (value != null && value.isArray()) {
                    value.forEach(values::add);
                } else if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /** The images the page shows, each as {@link #address} gives it: every {@code src} and {@code srcset} candidate. */
    private static Set<String> shownImages(CheckContext context, Page page) {
        Set<String> shown = new HashSet<>();
        for (Element image : page.select(IMAGES)) {
            if (image.hasAttr("src")) {
                shown.add(address(context, page, image.attr("src")));
            }
            Urls.srcset(image.attr("srcset")).forEach(url -> shown.add(address(context, page, url)));
        }
        return shown;
    }

    /**
     * One address, so that two ways of writing it compare equal: the output file a relative address or one on the site's
     * host leads to from this page ({@code ../images/a.png}, {@code https://clinic.example.org/images/a.png}), else the
     * address as written.
     */
    private static String address(CheckContext context, Page page, String url) {
        Optional<Urls.Reference> reference = Urls.internal(url)
                .or(() -> context.siteHost().flatMap(host -> Urls.onHost(url, host)));
        return reference.flatMap(found -> Urls.withinSite(found.path(), context.basePath()))
                .flatMap(path -> Urls.resolve(page.path(), path))
                .map(file -> "file:" + file)
                .orElse(url.strip());
    }

    /** The days (YYYY-MM-DD) the block gives as a page's dates, each with the first property that gives it. */
    private static Map<String, String> days(JsonNode document) {
        Map<String, String> days = new TreeMap<>();
        for (String property : DATE_PROPERTIES) {
            for (JsonNode value : document.findValues(property)) {
                if (value.isTextual() && value.asText().length() >= 10) {
                    days.putIfAbsent(value.asText().substring(0, 10), property);
                }
            }
        }
        return days;
    }

    /** The days the page's {@code <time datetime>} elements show. */
    private static Set<String> shownDays(Page page) {
        Set<String> days = new HashSet<>();
        for (Element time : page.select(TIME)) {
            String datetime = time.attr("datetime").strip();
            if (datetime.length() >= 10) {
                days.add(datetime.substring(0, 10));
            }
        }
        return days;
    }

    /** The page line of a JSON syntax error: the block's content starts on the line its start tag ends on. */
    private static int errorLine(Element block, JsonProcessingException e) {
        int start = Page.contentLine(block);
        JsonLocation location = e.getLocation();
        if (start == 0 || location == null || location.getLineNr() < 1) {
            return Page.line(block);
        }
        return start + location.getLineNr() - 1;
    }

    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message == null ? "unreadable" : message.replaceAll("\\s+", " ").strip();
    }
}
