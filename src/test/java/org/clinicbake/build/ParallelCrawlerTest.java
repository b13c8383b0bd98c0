package org.clinicbake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.clinicbake.BakeResult;
import org.clinicbake.testing.SiteFixture;
import org.jbake.app.FileUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feature tested: the crawler gives documents JBake's own {@code sha1} attribute, computed faster (for
 * AsciiDoc articles by the engine, from the bytes it read), as templates see it.
 */
class ParallelCrawlerTest {

    @TempDir
    Path temp;

    @Test
    void theSha1AttributeIsTheOneJBakeGives() throws Exception {
        for (String text : new String[] {"", "= Title\n\nBody — with “quotes”.\n", "x".repeat(100_000)}) {
            File file = Files.writeString(temp.resolve("article.adoc"), text, StandardCharsets.UTF_8).toFile();

            assertEquals(FileUtil.sha1(file), ParallelCrawler.sha1(file));
        }
    }

    @Test
    void anArticleCarriesTheSha1OfItsFileAsJBakeGivesIt() throws Exception {
        BakeResult result = SiteFixture.bake(temp, SiteFixture.MINIMAL_SITE + """
                -- templates/article.peb --
                {% extends "theme:article.peb" %}{% block content %}<p id="sha1">{{ content.sha1 }}</p>{% endblock %}
                """);

        assertFalse(result.hasErrors(), result.diagnostics().toString());
        String page = Files.readString(temp.resolve("out/procedures/nerve-block.html"), StandardCharsets.UTF_8);
        String expected = FileUtil.sha1(temp.resolve("site/content/procedures/nerve-block.adoc").toFile());
        assertTrue(page.contains("<p id=\"sha1\">" + expected + "</p>"), page);
    }

    @Test
    void aPageAtTheAddressOfTheHomePageOrTheArchiveIsAnErrorRatherThanLost() throws Exception {
        String pages = SiteFixture.CLINIC_PAGE.replace("content/about.adoc", "content/index.adoc")
                + SiteFixture.CLINIC_PAGE.replace("content/about.adoc", "content/archive.adoc");
        BakeResult result = SiteFixture.bake(temp, SiteFixture.MINIMAL_SITE + pages);

        assertEquals(java.util.List.of(
                "content/archive.adoc: error[content.duplicate-path]: this page would be published as archive.html, "
                        + "where the bake writes the list of all articles (render.archive)",
                "content/index.adoc: error[content.duplicate-path]: this page would be published as index.html, "
                        + "where the bake writes the home page (render.index)"),
                result.diagnostics().stream().filter(d -> d.code().equals("content.duplicate-path")).map(d -> d.format().lines().findFirst().orElseThrow()).sorted().toList());
        assertFalse(result.published());
    }
}
