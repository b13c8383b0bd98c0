package org.clinicbake.render;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clinicbake.BakeResult;
import org.clinicbake.testing.SiteFixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture (a therapy page published 2026-01-10, reviewed 2026-02-01), with and without
 * a :med-date-modified:. Feature tested: the article header shows the people and the days its JSON-LD
 * gives, since markup must say what the page shows.
 */
class ArticleBylineTest {

    @TempDir
    Path temp;

    /** No change since the review, a change after it, and a review that changed nothing after an earlier change. */
    @ParameterizedTest
    @ValueSource(strings = {"", ":med-date-modified: 2026-03-15\n", ":med-date-modified: 2026-01-20\n"})
    void everyDateOfTheJsonLdIsShownOnTheArticle(String modified) throws IOException {
        BakeResult result = SiteFixture.bake(temp, MINIMAL_SITE.replace(":med-entity-type:", modified + ":med-entity-type:"));
        assertEquals(List.of(), result.diagnostics());
        Document html = Jsoup.parse(temp.resolve("out/procedures/nerve-block.html").toFile(), "UTF-8");

        for (JsonNode node : new ObjectMapper().readTree(html.selectFirst("script[type=application/ld+json]").data()).get("@graph")) {
            if (List.of("MedicalWebPage", "Article").contains(node.get("@type").asText())) {
                for (String property : List.of("datePublished", "dateModified", "lastReviewed")) {
                    if (node.has(property)) {
                        String day = node.get(property).asText().substring(0, 10);
                        assertFalse(html.select("article time[datetime=" + day + "]").isEmpty(),
                                node.get("@type").asText() + "." + property + " " + day + " is not shown on the page");
                    }
                }
            }
        }
        String byline = html.selectFirst(".byline").text();
        assertTrue(byline.contains("Published January 10, 2026"), byline);
    }
}
