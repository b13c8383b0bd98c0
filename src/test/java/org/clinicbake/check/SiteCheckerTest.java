package org.clinicbake.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.diag.Diagnostics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteCheckerTest {

    @TempDir
    Path temp;

    /** A small site as the default theme bakes it: relative and root-relative links, JSON-LD, CSS, feed, no scripts. */
    static OutputFixture cleanOutput(Path temp) {
        return new OutputFixture(temp)
                .properties("site.host=https://clinic.example.org\n")
                .file("css/site.css", "body { background: url(../images/paper.png); }\n")
                .file("images/paper.png", "png")
                .file("feed.xml", "<?xml version=\"1.0\"?><feed><title>News</title></feed>\n")
                .file("robots.txt", "User-agent: *\n")
                .page("index.html", """
                        <link rel="stylesheet" href="css/site.css">
                        <p>Read about <a href="conditions/sciatica.html#symptoms">the symptoms of sciatica</a>.</p>
                        <p><a href="https://www.nih.gov/">NIH</a> <a href="mailto:care@example.org">Email us</a></p>
                        <h2 id="news">News</h2>
                        <h3>This week</h3>""")
                .page("conditions/sciatica.html", """
                        <script type="application/ld+json">
                        {"@context": "https://schema.org", "@type": "MedicalWebPage", "name": "Test page", "lastReviewed": "2026-11-02"}
                        </script>
                        <img src="../images/paper.png" alt="">
                        <h2 id="symptoms">Symptoms</h2>
                        <p><a href="../index.html#news">News</a></p>
                        <div class="review-dates"><p><span>Page last reviewed: <time datetime="2026-11-02">November 2, 2026</time></span>
                        <span>Next review due: <time datetime="2027-11-02">November 2, 2027</time></span></p></div>""")
                .page("404.html", "<p><a href=\"/index.html\">Home</a> <a href=\"/conditions/sciatica.html\">Sciatica</a></p>");
    }

    @Test
    void cleanOutputHasNoDiagnostics() {
        CheckResult result = cleanOutput(temp).check();

        assertEquals(List.of(), result.diagnostics());
        assertEquals(3, result.pages());
    }

    @Test
    void diagnosticsAreSortedByFileThenLineThenCode() {
        OutputFixture output = new OutputFixture(temp)
                .page("b.html", "<img src=\"x.png\">")
                .page("a.html", "<h3>Deep</h3>\n<a href=\"#gone\">x</a>");

        assertEquals(List.of(
                "a.html:10: warning[a11y.heading-order]: heading h3 follows h1, skipping a level",
                "a.html:11: error[link.anchor]: link '#gone' points to an id 'gone' that this page does not have",
                "b.html:10: error[a11y.img-alt]: image 'x.png' has no alt attribute",
                "b.html:10: error[link.broken]: image 'x.png' points to 'x.png', which is not in the output"),
                output.firstLines());
    }

    @Test
    void builtInChecksRunInAFixedOrder() {
        assertEquals(List.of("links", "a11y", "privacy", "jsonld", "readability", "output", "review-date", "medical"),
                SiteChecker.builtInChecks().stream().map(OutputCheck::id).toList());
    }

    @Test
    void extraCheckSeesTheParsedPagesAndSiteSettings() throws Exception {
        OutputFixture output = cleanOutput(temp);
        OutputCheck noNews = new OutputCheck() {
            @Override
            public String id() {
                return "no-news";
            }

            @Override
            public void run(CheckContext context, Diagnostics out) {
                for (Page page : context.pages()) {
                    page.document().select("#news").forEach(news -> out.warning("site.no-news", page.path(),
                            Page.line(news), "news on " + context.siteHost().orElseThrow(), null));
                }
            }
        };

        CheckResult result = new SiteChecker(List.of(noNews)).check(output.site, output.out, OutputFixture.TODAY);

        assertEquals(List.of("index.html:13: warning[site.no-news]: news on clinic.example.org"),
                result.diagnostics().stream().map(OutputFixture::firstLine).toList());
    }

    @Test
    void aCheckThatThrowsIsReportedAndTheOthersStillRun() throws Exception {
        OutputFixture output = cleanOutput(temp);
        OutputCheck broken = new OutputCheck() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public void checkPage(CheckContext context, Page page, Diagnostics out) {
                throw new IllegalStateException("no such element");
            }

            @Override
            public void run(CheckContext context, Diagnostics out) {
                throw new UnsupportedOperationException("site-wide");
            }
        };
        OutputCheck noNews = new OutputCheck() {
            @Override
            public String id() {
                return "no-news";
            }

            @Override
            public void checkPage(CheckContext context, Page page, Diagnostics out) {
                page.document().select("#news").forEach(news -> out.warning("site.no-news", page.path(), Page.line(news), "news", null));
            }
        };

        CheckResult result = new SiteChecker(List.of(broken, noNews)).check(output.site, output.out, OutputFixture.TODAY);

        List<String> found = result.diagnostics().stream().map(OutputFixture::firstLine).toList();
        assertEquals(".: error[check.failed]: the check 'broken' failed on the output: java.lang.UnsupportedOperationException: site-wide",
                found.get(0));
        assertTrue(found.contains("index.html: error[check.failed]: the check 'broken' failed on this page: "
                + "java.lang.IllegalStateException: no such element"), found::toString);
        assertTrue(found.contains("index.html:13: warning[site.no-news]: news"), "the other check still ran: " + found);
        assertEquals(result.pages() + 2, found.size(), found::toString);
    }

    @Test
    void missingOutputFolderIsNoSuchFile() {
        assertThrows(NoSuchFileException.class,
                () -> new SiteChecker().check(temp, temp.resolve("output"), OutputFixture.TODAY));
    }
}
