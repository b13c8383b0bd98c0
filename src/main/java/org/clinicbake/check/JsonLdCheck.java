package org.clinicbake.check;

import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.clinicbake.diag.Diagnostic;
import org.clinicbake.diag.Diagnostics;
import org.clinicbake.diag.Severity;
import org.clinicbake.schema.SchemaProblem;
import org.jsoup.nodes.Element;

/**
 * {@value #INVALID}: a JSON-LD block that is not valid JSON. Every valid block is then checked against schema.org 30.0
 * with {@link org.clinicbake.schema.SchemaValidator}, whose findings keep their codes ({@code schema.*},
 * {@code google.*}) and severities, as in the bake.
 */
public final class JsonLdCheck implements OutputCheck {

    public static final String INVALID = "jsonld.invalid";

    @Override
    public String id() {
        return "jsonld";
    }

    @Override
    public void checkPage(CheckContext context, Page page, Diagnostics out) {
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
        }
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
