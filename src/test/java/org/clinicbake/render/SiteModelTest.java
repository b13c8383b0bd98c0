package org.clinicbake.render;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clinicbake.BakeResult;
import org.clinicbake.testing.SiteFixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture, its therapy changed after its last review. Feature tested: the feed,
 * the sitemap and the article lists date the change as the page's JSON-LD does.
 */
class SiteModelTest {

    @TempDir
    Path temp;

    @Test
    void aChangeAfterTheLastReviewIsTheUpdateTheFeedSitemapAndListsShow() throws IOException {
        BakeResult result = SiteFixture.bake(temp, MINIMAL_SITE.replace(":med-last-reviewed: 2026-02-01",
                ":med-last-reviewed: 2026-02-01\n:med-date-modified: 2026-03-05"));
        assertTrue(result.published(), result.diagnostics().toString());
        Path out = temp.resolve("out");

        String modified = dateModified(out.resolve("procedures/nerve-block.html"));
        assertEquals("2026-03-05", modified);
        Document feed = Jsoup.parse(Files.readString(out.resolve("feed.xml")), "", Parser.xmlParser());
        assertEquals(modified, feed.selectFirst("entry > updated").text().substring(0, 10));
        Document sitemap = Jsoup.parse(Files.readString(out.resolve("sitemap.xml")), "", Parser.xmlParser());
        assertEquals(modified, sitemap.select("url:has(loc:containsOwn(nerve-block)) > lastmod").text());
        Document archive = Jsoup.parse(out.resolve("archive.html").toFile());
        assertEquals(modified, archive.selectFirst(".card time").attr("datetime"));
    }

    /**
     * An article list says of its latest date what the article's own page says of it: the minimal fixture was published on
     * January 10 and reviewed on February 1 with no change, and its card said "Updated February 1, 2026" while its page
     * said only that it was reviewed that day (a review is no update: NHS "Page last reviewed"; Google asks that pages
     * not look fresher than their content). A change after the review is an update; a page never reviewed since its
     * publication was published.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "                                                    | Reviewed February 1, 2026",
            ":med-date-modified: 2026-03-05                      | Updated March 5, 2026",
            ":med-date-modified: 2026-02-01                      | Reviewed February 1, 2026",
            ":jbake-date: 2026-02-01                             | Published February 1, 2026"})
    void anArticleListSaysWhetherTheLatestDateWasAReviewAChangeOrThePublication(String header, String shown) throws IOException {
        String site = header == null ? MINIMAL_SITE
                : header.startsWith(":jbake-date:") ? MINIMAL_SITE.replace(":jbake-date: 2026-01-10", header)
                : MINIMAL_SITE.replace(":med-last-reviewed: 2026-02-01", ":med-last-reviewed: 2026-02-01\n" + header);
        BakeResult result = SiteFixture.bake(temp, site);
        assertTrue(result.published(), result.diagnostics().toString());

        Document archive = Jsoup.parse(temp.resolve("out/archive.html").toFile());
        org.jsoup.nodes.Element meta = archive.selectFirst(".card .card-meta");
        meta.select("[aria-hidden=true], .card-kind").remove();
        assertEquals(shown, meta.text());
    }

    private static String dateModified(Path page) throws IOException {
        String script = Jsoup.parse(page.toFile()).selectFirst("script[type=application/ld+json]").data();
        for (JsonNode node : new ObjectMapper().readTree(script).get("@graph")) {
            if ("Article".equals(node.get("@type").asText())) {
                return node.get("dateModified").asText().substring(0, 10);
            }
        }
        throw new AssertionError("no Article in " + script);
    }
}
