package org.clinicbake.render;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clinicbake.BakeResult;
import org.clinicbake.testing.SiteFixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture plus a condition with an ampersand in its title and a draft. Feature
 * tested: the bake writes the search index and the search page, which works without JavaScript.
 */
class SearchRendererTest {

    private static final String MORE = """
            -- content/conditions/neck-arm-pain.adoc --
            = Neck & Arm Pain
            :jbake-type: page
            :jbake-status: published
            :jbake-date: 2026-01-12
            :jbake-tags: neck-pain
            :description: Where neck and arm pain come from.

            Neck pain can spread into the arm.

            == When to call us

            Call us if your arm feels weak.
            """;

    @TempDir
    Path temp;
    BakeResult result;

    @BeforeEach
    void bake() throws IOException {
        result = SiteFixture.bake(temp, MINIMAL_SITE + MORE + SiteFixture.DRAFT_PAGE);
        assertTrue(result.published(), result.diagnostics().toString());
    }

    @Test
    void theIndexListsEveryPublishedPageWithWhatASearchMatches() throws IOException {
        JsonNode pages = new ObjectMapper().readTree(Files.readString(out("search-index.json"))).get("pages");

        List<String> urls = new ArrayList<>();
        pages.forEach(page -> urls.add(page.get("url").asText()));
        assertEquals(List.of("conditions/neck-arm-pain.html", "procedures/nerve-block.html"), urls,
                "published pages only (no draft), in a fixed order");
        JsonNode neck = pages.get(0);
        assertEquals("Neck & Arm Pain", neck.get("title").asText());
        assertEquals("Clinic page", neck.get("kind").asText());
        assertEquals("Where neck and arm pain come from.", neck.get("description").asText());
        assertEquals("neck pain", neck.get("topics").get(0).asText());
        assertEquals("When to call us", neck.get("headings").get(0).asText());
        assertEquals("Neck pain can spread into the arm. When to call us Call us if your arm feels weak.", neck.get("text").asText());
        assertEquals("Treatment", pages.get(1).get("kind").asText());
    }

    @Test
    void aTherapyIsCalledATreatmentOnItsPageInListsAndInSearchResults() throws IOException {
        JsonNode pages = new ObjectMapper().readTree(Files.readString(out("search-index.json"))).get("pages");
        String inSearch = pages.get(1).get("kind").asText();

        assertEquals("Treatment", inSearch);
        assertEquals(inSearch, Jsoup.parse(out("procedures/nerve-block.html").toFile()).selectFirst(".kicker").text());
        assertEquals(inSearch, Jsoup.parse(out("archive.html").toFile())
                .select(".card:has(a[href=procedures/nerve-block.html]) .card-kind").text());
    }

    @Test
    void theSearchPageHasALabelledFormAndPointsToEveryArticleWithoutJavaScript() throws IOException {
        Document page = Jsoup.parse(out("search.html").toFile());

        Element form = page.selectFirst("form[role=search]");
        assertNotNull(form);
        assertEquals("get", form.attr("method"));
        Element box = form.selectFirst("input[type=search][name=q]");
        assertEquals("Search our articles", page.selectFirst("label[for=" + box.id() + "]").text());
        assertEquals("status", page.getElementById("search-status").attr("role"));
        assertEquals("archive.html", page.selectFirst("#search-status a").attr("href"));
        assertEquals("the list of all articles", page.selectFirst("#search-status a").text());
        assertTrue(page.getElementById("search-results").children().isEmpty(), "results come from the script");
        String script = page.selectFirst("script[src]").attr("src");
        assertTrue(script.matches("js/search\\.[0-9a-f]+\\.js"), script);
        assertTrue(Files.isRegularFile(out(script)), "the script is a file of the site");
        assertEquals("noindex", page.selectFirst("meta[name=robots]").attr("content"));
        assertEquals("search.html", Jsoup.parse(out("index.html").toFile()).selectFirst("nav a:contains(Search)").attr("href"));
    }

    @Test
    void aThemeThatAddsToTheHeadKeepsItOnTheSearchPage() throws IOException {
        Path harbor = temp.resolve("harbor");
        BakeResult themed = SiteFixture.bake(harbor, MINIMAL_SITE.replace("site.host=https://clinic.example.org",
                "site.host=https://clinic.example.org\nsite.theme=harbor"));
        assertTrue(themed.published(), themed.diagnostics().toString());

        Document page = Jsoup.parse(harbor.resolve("out/search.html").toFile());
        List<String> styles = page.select("link[rel=stylesheet]").eachAttr("href");
        assertTrue(styles.size() == 2 && styles.get(1).startsWith("css/harbor."), styles.toString());
        assertEquals("search.html", page.selectFirst("nav a[aria-current=page]").attr("href"));
    }

    private Path out(String file) {
        return temp.resolve("out").resolve(file);
    }
}
