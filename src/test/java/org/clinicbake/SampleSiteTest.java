package org.clinicbake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clinicbake.content.AsciidocEngine;
import org.clinicbake.schema.SchemaValidator;
import org.clinicbake.schema.SchemaVocabulary;
import org.jbake.parser.Engines;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the repository's {@code site/} (the sample clinic), baked once end to end.
 * Features tested: the pages a clinic needs exist and are not empty, AsciiDoc bodies are rendered
 * by ClinicBake's engines, every internal link and anchor resolves, and no page asks another origin.
 */
class SampleSiteTest {

    @TempDir
    static Path temp;
    static BakeResult result;
    static Path out;

    @BeforeAll
    static void bakeTheSampleSite() throws IOException {
        out = temp.resolve("public");
        // As a clinic publishes it: with the output checks.
        result = ClinicBake.bake(Path.of("site"), out, SiteFixture.options().withOutputChecks(true));
    }

    @Test
    @DisplayName("the sample site bakes with no errors and no warnings")
    void bakesWithoutDiagnostics() {
        assertEquals(List.of(), result.diagnostics());
        assertTrue(result.published());
        assertTrue(result.pages() >= 15, "pages: " + result.pages());
    }

    @Test
    @DisplayName("at least 14 clinical articles, every one at Flesch-Kincaid grade 8 or below")
    void everyClinicalArticleReadsAtGradeEightOrBelow() {
        assertTrue(result.readability().size() >= 14, "articles: " + result.readability().size());
        result.readability().forEach(article ->
                assertTrue(article.fleschKincaidGrade() <= 8, article.path() + " grade " + article.fleschKincaidGrade()));
    }

    @Test
    void writesEveryKindOfPage() {
        for (String page : List.of("index.html", "404.html", "archive.html", "feed.xml", "sitemap.xml", "robots.txt",
                "tags/index.html", "tags/sciatica.html", "procedures/epidural-steroid-injection.html",
                "conditions/sciatica.html", "about.html", "contact.html", "providers/maya-okafor.html", "css/site.css")) {
            assertTrue(Files.isRegularFile(out.resolve(page)), page);
        }
    }

    @Test
    void writesNoEmptyFile() throws IOException {
        for (Path file : files(out)) {
            assertTrue(Files.size(file) > 0, "empty: " + file);
        }
    }

    @Test
    void homePageLinksTheEpiduralSteroidInjectionArticle() throws IOException {
        Document home = html("index.html");

        assertEquals("Seabright Spine & Pain Clinic", home.title());
        assertFalse(home.select("a[href=procedures/epidural-steroid-injection.html]").isEmpty());
        assertFalse(home.select("a[href=conditions/sciatica.html]").isEmpty());
    }

    @Test
    void articlePageShowsTheRenderedAsciiDocBody() throws IOException {
        Document article = html("procedures/epidural-steroid-injection.html");

        assertEquals("Epidural Steroid Injection | Seabright Spine & Pain Clinic", article.title());
        assertEquals("Epidural Steroid Injection", article.selectFirst("h1").text());
        assertEquals("How is it done?", article.selectFirst("h2#how-performed").text());
        assertFalse(article.select("ol li").isEmpty(), "the step-by-step list is rendered");
        assertFalse(article.select("a[href=../conditions/sciatica.html]").isEmpty(), "links the condition article");
        assertTrue(article.text().contains("Medically reviewed by Maya Okafor, MD, Interventional Pain Physician and Medical Director, on November 2, 2026"),
                article.select(".byline").text());
        assertTrue(article.selectFirst(".admonitionblock.warning").text().contains("911"));
    }

    /**
     * WCAG 3.2.6 (consistent help): help repeated on several pages keeps its order relative to other help. The home
     * page shows what to do in an emergency before the clinic's address, hours and phone; the contact page showed
     * them the other way round.
     */
    @Test
    void theEmergencyNoteComesBeforeTheClinicDetailsOnEveryPageThatHasBoth() throws IOException {
        for (String page : List.of("index.html", "contact.html")) {
            Document html = html(page);
            List<Element> all = html.getAllElements();
            int emergency = all.indexOf(html.selectFirst(".emergency-note"));
            int details = all.indexOf(html.selectFirst(".clinic-info"));
            assertTrue(emergency >= 0 && details >= 0, page + " shows both");
            assertTrue(emergency < details, page + ": the clinic's details come before the emergency note");
        }
    }

    @Test
    void conditionPageLinksBackToTheTreatment() throws IOException {
        Document condition = html("conditions/sciatica.html");

        assertFalse(condition.select("a[href=../procedures/epidural-steroid-injection.html]").isEmpty());
    }

    @Test
    void aTopicNamedForAConditionListsThatConditionsPage() throws IOException {
        try (Stream<Path> conditions = Files.list(out.resolve("conditions"))) {
            for (Path condition : conditions.toList()) {
                Path topic = out.resolve("tags").resolve(condition.getFileName());
                if (Files.exists(topic)) {
                    String uri = "../conditions/" + condition.getFileName();
                    assertFalse(Jsoup.parse(topic.toFile()).select("a[href=" + uri + "]").isEmpty(), topic + " leaves out " + uri);
                }
            }
        }
    }

    @Test
    void everyPageAboutATreatmentSaysWhichInItsStructuredData() throws IOException {
        try (Stream<Path> treatments = Files.list(out.resolve("procedures"))) {
            for (Path treatment : treatments.toList()) {
                String script = Jsoup.parse(treatment.toFile()).selectFirst("script[type=application/ld+json]").data();
                JsonNode webPage = new ObjectMapper().readTree(script).get("@graph").get(0);
                assertTrue(webPage.has("about"), treatment + " says its MedicalWebPage is about nothing");
            }
        }
    }

    @Test
    void everyInternalLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : files(out)) {
            if (!file.toString().endsWith(".html") || file.getFileName().toString().equals("404.html")) {
                continue;
            }
            Document page = Jsoup.parse(file.toFile(), "UTF-8");
            for (Element link : page.select("a[href], link[href]")) {
                String href = link.attr("href");
                URI uri = URI.create(href);
                if (uri.getScheme() != null) {
                    continue;
                }
                Path target = uri.getPath().isEmpty() ? file : file.getParent().resolve(uri.getPath()).normalize();
                if (!Files.isRegularFile(target)) {
                    broken.add(out.relativize(file) + " -> " + href);
                } else if (uri.getFragment() != null && target.toString().endsWith(".html")
                        && Jsoup.parse(target.toFile(), "UTF-8").getElementById(uri.getFragment()) == null) {
                    broken.add(out.relativize(file) + " -> " + href + " (no such id)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void everyPageHasOneHeadingOneMainAndALanguage() throws IOException {
        for (Path file : files(out)) {
            if (!file.toString().endsWith(".html")) {
                continue;
            }
            Document page = Jsoup.parse(file.toFile(), "UTF-8");
            assertEquals(1, page.select("h1").size(), "one h1 in " + file);
            assertEquals(1, page.select("main#main").size(), "main landmark in " + file);
            assertEquals("en-US", page.selectFirst("html").attr("lang"), file.toString());
        }
    }

    @Test
    void noPageRequestsAnotherOrigin() throws IOException {
        List<String> external = new ArrayList<>();
        for (Path file : files(out)) {
            if (!file.toString().endsWith(".html")) {
                continue;
            }
            Document page = Jsoup.parse(file.toFile(), "UTF-8");
            // No inline script (the CSP forbids it), and script files only from the site itself: the
            // JSON-LD data blocks and the search page's own search.js.
            page.select("script:not([type=application/ld+json])").stream()
                    .filter(script -> !script.attr("src").matches("js/search\\.[0-9a-f]+\\.js") || !script.data().isEmpty())
                    .forEach(script -> external.add(out.relativize(file) + ": " + script));
            for (Element element : page.select("img[src], iframe, link[rel=stylesheet], link[rel=preload], source[src]")) {
                String url = element.hasAttr("src") ? element.attr("src") : element.attr("href");
                if (url.isEmpty() || url.contains("://") || url.startsWith("//")) {
                    external.add(out.relativize(file) + ": " + element);
                }
            }
        }
        assertEquals(List.of(), external);
    }

    @Test
    @DisplayName("every page carries one JSON-LD graph with zero schema.org errors and zero warnings")
    void everyPageCarriesValidJsonLd() throws IOException {
        SchemaValidator validator = new SchemaValidator(SchemaVocabulary.load());
        List<String> problems = new ArrayList<>();
        for (Path file : files(out)) {
            if (!file.toString().endsWith(".html")) {
                continue;
            }
            Document page = Jsoup.parse(file.toFile(), "UTF-8");
            List<Element> blocks = page.select("script[type=application/ld+json]");
            assertEquals(1, blocks.size(), "JSON-LD blocks in " + file);
            JsonNode graph = new ObjectMapper().readTree(blocks.get(0).data());
            validator.validate(graph).forEach(problem -> problems.add(out.relativize(file) + ": " + problem));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    @DisplayName("what the JSON-LD says about an article is visible on the page")
    void structuredDataMatchesTheVisiblePage() throws IOException {
        List<String> hidden = new ArrayList<>();
        for (Path file : files(out)) {
            if (!file.toString().endsWith(".html")) {
                continue;
            }
            Document page = Jsoup.parse(file.toFile(), "UTF-8");
            String visible = normalize(page.body().text());
            JsonNode graph = new ObjectMapper().readTree(page.selectFirst("script[type=application/ld+json]").data());
            for (JsonNode node : graph.get("@graph")) {
                for (String property : List.of("name", "headline", "alternateName", "bodyLocation", "howPerformed",
                        "preparation", "followup", "contraindication", "adverseOutcome", "signOrSymptom",
                        "riskFactor", "associatedAnatomy", "citation")) {
                    for (String text : texts(node.get(property))) {
                        if (!visible.contains(normalize(text))) {
                            hidden.add(out.relativize(file) + ": " + node.get("@type").asText() + "." + property + " = " + text);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), hidden);
    }

    private static List<String> texts(JsonNode value) {
        List<String> texts = new ArrayList<>();
        if (value == null) {
            return texts;
        }
        if (value.isArray()) {
            value.forEach(item -> texts.addAll(texts(item)));
        } else if (value.isTextual()) {
            texts.add(value.asText());
        } else if (value.isObject() && value.has("name") && !value.has("@id")) {
            texts.add(value.get("name").asText());
        }
        return texts;
    }

    /** Whitespace folded, case ignored, citation markers ([3]) left out: they point at the facts' sources. */
    private static String normalize(String text) {
        return text.replaceAll("\\s*\\[\\d+]", "").replaceAll("\\s+", " ").strip().toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void clinicalPagesShowAuthorReviewerReviewDatesAndReferences() throws IOException {
        for (String article : List.of("procedures/epidural-steroid-injection.html", "conditions/sciatica.html")) {
            String text = html(article).text();
            assertTrue(text.contains("Written by Daniel Reyes, DO"), article);
            assertTrue(text.contains("Medically reviewed by Maya Okafor, MD"), article);
            assertTrue(text.contains("Next review due"), article);
            assertFalse(html(article).select(".bibliography li").isEmpty(), article);
            assertTrue(text.contains("911"), "disclaimer or emergency note in " + article);
        }
    }

    @Test
    void clinicBakesOwnAsciiDocEngineDidTheWork() {
        assertTrue(Engines.get("adoc") instanceof AsciidocEngine, "registered: " + Engines.get("adoc"));
    }

    private static Document html(String page) throws IOException {
        return Jsoup.parse(out.resolve(page).toFile(), "UTF-8");
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
