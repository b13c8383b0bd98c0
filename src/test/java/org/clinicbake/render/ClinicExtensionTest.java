package org.clinicbake.render;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Site: the minimal fixture with a template calling every ClinicBake function and filter. */
class ClinicExtensionTest {

    @TempDir
    Path temp;

    @Test
    void templateFunctionsAndFiltersDoWhatTheModelDocumentSays() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + """
                -- assets/css/extra.css --
                body { color: black; }
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                <link href="{{ asset("css/extra.css") }}">
                {{ image("images/diagram.png", "Diagram of a nerve block") }}
                <p>{{ reviewed_by() }}</p>
                <p>{{ page.last_reviewed | long_date }}</p>
                <p>{{ page.body | reading_time }} min</p>
                <p>{{ breadcrumbs() | length }} crumbs</p>
                <script type="application/ld+json">{{ json_ld() }}</script>
                """);
        Files.createDirectories(site.resolve("assets/images"));
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", site.resolve("assets/images/diagram.png").toFile());

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertEquals(List.of(), result.diagnostics());
        String page = Files.readString(temp.resolve("out/procedures/nerve-block.html"));
        String hashed = "css/extra." + page.split("css/extra\\.")[1].substring(0, 10) + ".css";
        assertTrue(page.contains("<link href=\"../" + hashed + "\">"), page);
        assertEquals(Files.readString(temp.resolve("out/css/extra.css")), Files.readString(temp.resolve("out").resolve(hashed)));
        assertTrue(page.contains("<img src=\"../images/diagram.png\" alt=\"Diagram of a nerve block\" width=\"40\" height=\"30\""
                + " loading=\"lazy\" decoding=\"async\">"), page);
        assertTrue(page.contains("<p>Medically reviewed by Ben Cho, DO, Physiatrist, on February 1, 2026</p>"), page);
        assertTrue(page.contains("<p>February 1, 2026</p>"), page);
        assertTrue(page.contains("<p>1 min</p>"), page);
        assertTrue(page.contains("<p>3 crumbs</p>"), page);
        assertTrue(page.contains("\"@type\" : \"MedicalWebPage\""), page);
    }

    @Test
    void reviewedByNamesEveryMedicalReviewer() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE
                .replace("-- content/procedures/nerve-block.adoc --", """
                        dee-fox:
                          name: Dee Fox
                          honorific_suffix: MD
                        -- content/procedures/nerve-block.adoc --""")
                .replace(":med-reviewer: ben-cho", ":med-reviewer: ben-cho, dee-fox") + """
                -- templates/article.peb --
                <p>{{ reviewed_by() }}</p>
                """);

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertEquals(List.of(), result.diagnostics());
        String page = Files.readString(temp.resolve("out/procedures/nerve-block.html"));
        assertTrue(page.contains("<p>Medically reviewed by Ben Cho, DO, Physiatrist; Dee Fox, MD on February 1, 2026</p>"), page);
    }

    @Test
    void longDateTakesADateOrADateWrittenAsTextAndNothingElse() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                <p>{{ "2026-02-01" | long_date }}</p>
                <p>{{ page.title | long_date }}</p>
                <p>{{ page.last_reviewed | long_date("yyyy") }}</p>
                """);

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertEquals(List.of("templates/article.peb:3: error[template.error]: long_date formats a date, and was given 'Nerve Block'"),
                result.diagnostics().stream().map(SiteFixture::firstLine).toList());

        SiteFixture.edit(site, "templates/article.peb", "<p>{{ page.title | long_date }}</p>", "");
        assertEquals(List.of("templates/article.peb:4: error[template.error]: this filter takes no argument"),
                ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options()).diagnostics().stream().map(SiteFixture::firstLine).toList());

        SiteFixture.edit(site, "templates/article.peb", "<p>{{ page.last_reviewed | long_date(\"yyyy\") }}</p>", "");
        assertEquals(List.of(), ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options()).diagnostics());
        assertTrue(Files.readString(temp.resolve("out/procedures/nerve-block.html")).contains("<p>February 1, 2026</p>"));
    }

    @Test
    void aFunctionGivenAnArgumentItDoesNotTakeIsATemplateErrorAtItsLine() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                <p>{{ reviewed_by("ben-cho") }}</p>
                """);

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        // Pebble dropped them in silence: reviewed_by("ben-cho") named the page's reviewers all the same.
        assertEquals(List.of("templates/article.peb:2: error[template.error]: this function takes no arguments, and was given 1"),
                result.diagnostics().stream().map(SiteFixture::firstLine).toList());
    }

    @Test
    void aWideImageGetsSmallerCopiesInASrcset() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                {{ image("images/spine.jpg", "Diagram of the lower spine") }}
                """);
        Files.createDirectories(site.resolve("assets/images"));
        ImageIO.write(new BufferedImage(1200, 600, BufferedImage.TYPE_INT_RGB), "jpeg", site.resolve("assets/images/spine.jpg").toFile());

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertEquals(List.of(), result.diagnostics());
        String page = Files.readString(temp.resolve("out/procedures/nerve-block.html"));
        assertTrue(page.contains("width=\"1200\" height=\"600\" srcset=\"../images/spine-480w.jpg 480w, "
                + "../images/spine-960w.jpg 960w, ../images/spine.jpg 1200w\" sizes=\"(max-width: 44rem) 100vw, 44rem\""), page);
        BufferedImage small = ImageIO.read(temp.resolve("out/images/spine-480w.jpg").toFile());
        assertEquals(480, small.getWidth());
        assertEquals(240, small.getHeight());
        assertEquals(960, ImageIO.read(temp.resolve("out/images/spine-960w.jpg").toFile()).getWidth());
    }

    @Test
    void anImageReadOnceForEveryPageOfABakeIsReadAgainByTheNext() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + SiteFixture.SECOND_ARTICLE + """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                {{ image("images/logo.png", "Clinic logo") }}
                """);
        Files.createDirectories(site.resolve("assets/images"));
        ImageIO.write(new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB), "png", site.resolve("assets/images/logo.png").toFile());
        ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());
        for (String page : List.of("procedures/nerve-block.html", "procedures/second-block.html")) {
            assertTrue(Files.readString(temp.resolve("out").resolve(page)).contains("width=\"300\" height=\"100\""), page);
        }

        ImageIO.write(new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB), "png", site.resolve("assets/images/logo.png").toFile());
        ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        // The size is kept for the pages of one bake only: a new logo must not keep the old one's box.
        for (String page : List.of("procedures/nerve-block.html", "procedures/second-block.html")) {
            assertTrue(Files.readString(temp.resolve("out").resolve(page)).contains("width=\"200\" height=\"100\""), page);
        }
    }

    @Test
    void anAssetThatDoesNotExistIsATemplateError() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                <link href="{{ asset("css/missing.css") }}">
                """);

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertEquals("templates/article.peb:2: error[template.error]: no asset 'css/missing.css' in the site's or the theme's assets/",
                result.diagnostics().get(0).format().lines().findFirst().orElseThrow());
    }

    @Test
    void anImageThatIsNowhereIsATemplateErrorAtItsLineAndOneInContentIsFound() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + """
                -- content/procedures/diagram.svg --
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                {{ image("procedures/diagram.svg", "Diagram") }}
                {{ image("images/missing.png", "Diagram of the lower spine") }}
                """);

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertEquals(List.of("templates/article.peb:3: error[template.error]: no image 'images/missing.png' in the site's or the theme's assets/, or in content/"),
                result.diagnostics().stream().map(SiteFixture::firstLine).toList());
    }

    @Test
    void anImageNeedsAltText() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                {{ image("images/diagram.png") }}
                """);

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertTrue(result.diagnostics().get(0).message().startsWith("image('images/diagram.png') needs alt text"),
                result.diagnostics().toString());
    }
}
