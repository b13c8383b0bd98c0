package org.clinicbake.check;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 */
public final class JsonLdCheck implements OutputCheck {

    public static final String INVALID = "jsonld.invalid";
    public static final String DATE_NOT_SHOWN = "jsonld.date-not-shown";

    private static final List<String> DATE_PROPERTIES = List.of("datePublished", "dateModified", "lastReviewed");
    private static final Evaluator TIME = QueryParser.parse("time[datetime]");

    @Override
    public String id() {
        return "jsonld";
    }

    @Override
    public void checkPage(CheckContext context, Page page, Diagnostics out) {
        Set<String> shownDays = null;
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
        }
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
        for (Element time : page.document().select(TIME)) {
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
