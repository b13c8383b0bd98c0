package org.clinicbake.render;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clinicbake.BakeResult;
import org.clinicbake.testing.SiteFixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture (a therapy page published 2026-01-10, reviewed 2026-02-01), with and without
 * a :med-date-modified:, and with two authors and two reviewers. Feature tested: the article header shows the people and the days its JSON-LD
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

    /** The dot between the days is hidden from screen readers; the spaces around it must not be, or two words join. */
    @Test
    void theBylineDatesReadAsSeparateWordsToAScreenReader() throws IOException {
        BakeResult result = SiteFixture.bake(temp, MINIMAL_SITE.replace(":med-entity-type:", ":med-date-modified: 2026-03-15\n:med-entity-type:"));
        assertEquals(List.of(), result.diagnostics());
        Document html = Jsoup.parse(temp.resolve("out/procedures/nerve-block.html").toFile(), "UTF-8");

        html.select("[aria-hidden=true]").remove();
        assertEquals("Published January 10, 2026 Updated March 15, 2026", html.select(".byline p").get(2).text());
        assertEquals("Page last reviewed: February 1, 2026 Next review due: February 1, 2027", html.selectFirst(".review-dates").text());
    }

    @Test
    void everyAuthorAndReviewerOfTheJsonLdIsNamedInTheByline() throws IOException {
        BakeResult result = SiteFixture.bake(temp, MINIMAL_SITE
                .replace("-- content/procedures/nerve-block.adoc --", """
                        cid-day:
                          name: Cid Day
                          honorific_suffix: PT, DPT
                          job_title: Physical Therapist
                        dee-fox:
                          name: Dee Fox
                          honorific_suffix: MD
                        -- content/procedures/nerve-block.adoc --""")
                .replace(":med-author: ann-lee", ":med-author: ann-lee, cid-day")
                .replace(":med-reviewer: ben-cho", ":med-reviewer: ben-cho, dee-fox"));
        assertEquals(List.of(), result.diagnostics());
        Document html = Jsoup.parse(temp.resolve("out/procedures/nerve-block.html").toFile(), "UTF-8");
        JsonNode graph = new ObjectMapper().readTree(html.selectFirst("script[type=application/ld+json]").data()).get("@graph");

        Map<String, String> names = new HashMap<>();
        graph.forEach(node -> {
            if ("Person".equals(node.get("@type").asText())) {
                names.put(node.get("@id").asText(), node.get("name").asText());
            }
        });
        String written = html.select(".byline p").get(0).text();
        String reviewed = html.select(".byline p").get(1).text();
        for (JsonNode node : graph) {
            for (JsonNode author : node.path("author")) {
                assertTrue(written.contains(names.get(author.get("@id").asText())), written);
            }
            for (JsonNode reviewer : node.path("reviewedBy").isArray() ? node.path("reviewedBy") : List.of(node.path("reviewedBy"))) {
                if (reviewer.has("@id")) {
                    assertTrue(reviewed.contains(names.get(reviewer.get("@id").asText())), reviewed);
                }
            }
        }
        assertEquals("Written by Ann Lee, MD, Pain Physician; Cid Day, PT, DPT, Physical Therapist", written);
        assertEquals("Medically reviewed by Ben Cho, DO, Physiatrist; Dee Fox, MD on February 1, 2026", reviewed);
    }

    /**
     * "Medically reviewed by Dr X, MD, [specialty]" (the reference's page checklist, after MedlinePlus's "Updated by: name,
     * credentials, affiliation"): the byline named the author's role but not the reviewer's, which the JSON-LD gives as
     * the reviewer's jobTitle. What kind of clinician checked a page is much of why a reader can trust it.
     */
    @Test
    void theBylineGivesTheReviewersRoleAsTheJsonLdDoes() throws IOException {
        BakeResult result = SiteFixture.bake(temp, MINIMAL_SITE);
        assertEquals(List.of(), result.diagnostics());
        Document html = Jsoup.parse(temp.resolve("out/procedures/nerve-block.html").toFile(), "UTF-8");
        String reviewerId = null;
        String jobTitle = null;
        for (JsonNode node : new ObjectMapper().readTree(html.selectFirst("script[type=application/ld+json]").data()).get("@graph")) {
            if (node.has("reviewedBy")) {
                reviewerId = node.get("reviewedBy").get("@id").asText();
            }
        }
        for (JsonNode node : new ObjectMapper().readTree(html.selectFirst("script[type=application/ld+json]").data()).get("@graph")) {
            if (node.path("@id").asText().equals(reviewerId)) {
                jobTitle = node.get("jobTitle").asText();
            }
        }

        assertEquals("Physiatrist", jobTitle);
        assertEquals("Medically reviewed by Ben Cho, DO, Physiatrist, on February 1, 2026", html.select(".byline p").get(1).text());
    }
}
