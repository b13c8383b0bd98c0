package org.clinicbake.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.clinicbake.diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessibilityCheckTest {

    @TempDir
    Path temp;

    @Test
    void imageWithoutAltAttributeIsAnError() {
        OutputFixture output = new OutputFixture(temp)
                .file("images/spine.png", "png")
                .page("index.html", "<p><img src=\"images/spine.png\"></p>");

        List<Diagnostic> diagnostics = output.check().diagnostics();

        assertEquals(List.of("index.html:10: error[a11y.img-alt]: image 'images/spine.png' has no alt attribute"),
                diagnostics.stream().map(OutputFixture::firstLine).toList());
        assertTrue(diagnostics.get(0).hint().contains("alt=\"\" only for a decorative image"), diagnostics.get(0).hint());
    }

    @Test
    void emptyAltMarksADecorativeImageAndIsAllowed() {
        OutputFixture output = new OutputFixture(temp)
                .file("images/line.png", "png")
                .page("index.html", "<p><img src=\"images/line.png\" alt=\"\"></p>");

        assertEquals(List.of(), output.firstLines());
    }

    @Test
    void headingThatSkipsALevelIsAWarning() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", "<h2>Risks</h2>\n<h4>Infection</h4>\n<h3>Bleeding</h3>\n<h2>References</h2>");

        assertEquals(List.of("index.html:11: warning[a11y.heading-order]: heading h4 follows h2, skipping a level"),
                output.firstLines());
    }

    @Test
    void pageWithoutH1IsAnError() {
        OutputFixture output = new OutputFixture(temp)
                .file("index.html", """
                        <!DOCTYPE html>
                        <html lang="en-US">
                        <head><title>No heading</title></head>
                        <body><main><h2>Risks</h2><p>Text.</p></main></body>
                        </html>
                        """);

        assertEquals(List.of("index.html: error[a11y.h1]: page has no h1 heading"), output.firstLines());
    }

    @Test
    void secondH1IsAnErrorOnItsLine() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", "<p>Intro.</p>\n<h1>Another title</h1>");

        assertEquals(List.of("index.html:11: error[a11y.h1]: page has 2 h1 headings instead of one"), output.firstLines());
    }

    @Test
    void pageWithoutLanguageIsAnError() {
        OutputFixture output = new OutputFixture(temp)
                .file("index.html", OutputFixture.page("<p>Text.</p>").replace("<html lang=\"en-US\">", "<html lang=\" \">"))
                .file("about.html", OutputFixture.page("<p>Text.</p>").replace("<html lang=\"en-US\">", "<html>"));

        assertEquals(List.of("about.html:2: error[a11y.lang]: page does not declare its language",
                "index.html:2: error[a11y.lang]: page does not declare its language"), output.firstLines());
    }
}
