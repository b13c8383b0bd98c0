package org.clinicbake.content;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.clinicbake.testing.SiteFixture.bake;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.BakeResult;
import org.clinicbake.diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sites: the minimal fixture site with one header attribute JBake needs left out or misspelt, or
 * markup Asciidoctor cannot read. Features tested: each problem's whole diagnostic (position,
 * message and a hint that says what to write), and that the site is not published.
 */
class AsciidocEngineTest {

    private static final String PAGE = "content/procedures/nerve-block.adoc";

    @TempDir
    Path temp;

    /** A header mistake: the fixture's line it changes, what it becomes, and the diagnostic's two lines. */
    record HeaderMistake(String name, String line, String written, String problem, String hint) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<HeaderMistake> headerMistakes() {
        return List.of(
                new HeaderMistake("a page without a type is told the types there are", ":jbake-type: therapy\n", "",
                        PAGE + ":1: error[header.missing-type]: the header has no :jbake-type:",
                        "  hint: add `:jbake-type: article` to the header; types: article, condition, page, post, procedure, provider, therapy"),
                new HeaderMistake("a page without a status is told how to publish or hold it back", ":jbake-status: published\n", "",
                        PAGE + ":1: error[header.missing-status]: the header has no :jbake-status:",
                        "  hint: add `:jbake-status: published` (or `draft` to keep the page out of the site)"),
                new HeaderMistake("a misspelt status is reported at its line with the statuses there are", ":jbake-status: published",
                        ":jbake-status: publish", PAGE + ":3: error[header.unknown-status]: unknown status 'publish'",
                        "  hint: use one of: draft, published, published-date"),
                new HeaderMistake("a page without a date is shown how to write one", ":jbake-date: 2026-01-10\n", "",
                        PAGE + ":1: error[header.missing-date]: the header has no :jbake-date:",
                        "  hint: add the publication date, e.g. `:jbake-date: 2026-01-31`"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerMistakes")
    void aHeaderMistakeIsToldWhatToWrite(HeaderMistake mistake) throws IOException {
        assertOnly(MINIMAL_SITE.replace(mistake.line(), mistake.written()), mistake.problem(), mistake.hint());
    }

    @Test
    void aBlockLeftOpenIsReportedWhereAsciidoctorFindsItWithHowToCloseIt() throws IOException {
        assertOnly(MINIMAL_SITE.replace("The doctor uses X-ray guidance.", "----\nThe doctor uses X-ray guidance."),
                PAGE + ":17: error[asciidoc.syntax]: unterminated listing block",
                "  hint: end the block with a line like the one that opens it (---- after ----, ==== after ====), or delete the opening line");
    }

    @Test
    void aPageCarriesNoInlineStyleTheSitesContentSecurityPolicyWouldBlock() throws IOException {
        // netlify.toml's style-src 'self' blocks every style attribute: the browser ignored these and
        // reported each as a violation, and a printed page lost its page break.
        BakeResult result = bake(temp, MINIMAL_SITE.replace("The doctor uses X-ray guidance.", """
                The doctor uses X-ray guidance.

                [%header,cols="1,3",width=50%]
                |===
                | Step | What happens
                | 1 | You lie on your front.
                |===

                <<<

                [horizontal,labelwidth=20]
                Numbness:: It wears off in a few hours.

                :cellbgcolor: #ffffff
                [%header]
                |===
                | When | What
                | Day 1 | Rest.
                |===
                """));

        assertTrue(result.published(), result.diagnostics()::toString);
        String page = Files.readString(temp.resolve("out/procedures/nerve-block.html"));
        String body = page.substring(page.indexOf("<main"), page.indexOf("</main>"));
        assertFalse(body.contains("style="), body);
        assertTrue(body.contains("<table class=\"tableblock frame-all grid-all\">"), body);
        assertTrue(body.contains("<div class=\"page-break\"></div>"), body);
    }

    private void assertOnly(String site, String... expected) throws IOException {
        BakeResult result = bake(temp, site);
        assertEquals(List.of(expected), result.diagnostics().stream().map(Diagnostic::format).flatMap(String::lines).toList());
        assertFalse(result.published());
    }
}
