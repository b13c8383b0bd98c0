package org.clinicbake.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Fixture: a small page given as bytes. Feature tested: the parse every check reads tracks no
 * source positions, yet an element's line (what a diagnostic names) is found when asked, from a
 * tracked parse of the same bytes, as is the line of the canonical link.
 */
class PageTest {

    private static final String HTML = """
            <!DOCTYPE html>
            <html lang="en">
            <head><title>Sciatica</title>
            <link rel="canonical" href="https://clinic.example.org/sciatica.html">
            </head>
            <body>
            <h1>Sciatica</h1>
            <p>Leg pain
            that follows a nerve.</p>
            <img src="leg.png">
            <p>Second <a href="#missing">link</a></p>
            </body>
            </html>
            """;

    private static Page page() {
        byte[] bytes = HTML.getBytes(StandardCharsets.UTF_8);
        Path file = Path.of("out", "sciatica.html");
        return new Page("sciatica.html", file, CheckContext.parse(bytes, file, false), bytes);
    }

    @Test
    void linesAreFoundWhenAskedThoughTheSharedParseTracksNone() {
        Page page = page();
        Element image = page.document().selectFirst("img");
        Element link = page.document().selectFirst("a");

        assertFalse(image.sourceRange().isTracked(), "the parse the checks share is the cheap one");
        assertEquals(10, Page.line(image));
        assertEquals(11, Page.line(link));
        assertEquals(7, Page.line(page.document().selectFirst("h1")));
        assertEquals(Optional.of(4), page.canonicalLink().map(Page::line));
        assertEquals(Optional.of(new Page.Canonical("https://clinic.example.org/sciatica.html")), page.canonical());
    }

    @Test
    void anElementOutsideAnyPageHasNoLine() {
        assertEquals(0, Page.line(new Element("p")));
    }
}
