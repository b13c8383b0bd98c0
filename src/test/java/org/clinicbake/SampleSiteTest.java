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

import org.clinicbake.content.AsciidocEngine;
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
        result = ClinicBake.bake(Path.of("site"), out, SiteFixture.options());
    }

    @Test
    @DisplayName("the sample site bakes with no errors and no warnings")
    void bakesWithoutDiagnostics() {
        assertEquals(List.of(), result.diagnostics());
        assertTrue(result.published());
        assertTrue(result.pages() >= 15, "pages: " + result.pages());
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
        assertTrue(article.text().contains("Medically reviewed by Dr. Maya Okafor, MD on November 2, 2026"),
                article.select(".byline").text());
        assertTrue(article.selectFirst(".admonitionblock.warning").text().contains("911"));
    }

    @Test
    void conditionPageLinksBackToTheTreatment() throws IOException {
        Document condition = html("conditions/sciatica.html");

        assertFalse(condition.select("a[href=../procedures/epidural-steroid-injection.html]").isEmpty());
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
            for (Element element : page.select("script, img[src], iframe, link[rel=stylesheet], link[rel=preload], source[src]")) {
                String url = element.hasAttr("src") ? element.attr("src") : element.attr("href");
                if (url.isEmpty() || url.contains("://") || url.startsWith("//")) {
                    external.add(out.relativize(file) + ": " + element);
                }
            }
        }
        assertEquals(List.of(), external);
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
