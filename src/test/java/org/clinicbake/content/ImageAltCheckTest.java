package org.clinicbake.content;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Site: the minimal fixture, its nerve-block article given images. Feature tested: an image macro
 * without alt text is reported at its line, since Asciidoctor would give the image its file name
 * as alt text, which the output checks cannot tell from an author's.
 */
class ImageAltCheckTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"Diagram of the lower spine", "Diagram of the spine, from the side, 300", "\"\"",
            "\"Spine, side view\"", "width=300, alt=Diagram of the spine", "Level: L4 = fourth lumbar"})
    void anAttributeListWithAltTextPasses(String attributes) {
        assertTrue(ImageAltCheck.hasAlt(attributes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",300", "width=300", "width=300,height=200", "role=left"})
    void anAttributeListWithoutAltTextIsCaught(String attributes) {
        assertFalse(ImageAltCheck.hasAlt(attributes));
    }

    @Test
    void anImageWithoutAltTextFailsThePageAtItsLineAndOneWithItPasses() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + """
                -- content/procedures/spine.svg --
                <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>
                """);
        Path article = site.resolve("content/procedures/nerve-block.adoc");
        String text = Files.readString(article).replace("The doctor uses X-ray guidance.\n", """
                The doctor uses X-ray guidance.

                image::spine.svg[]

                image::spine.svg[Diagram of the lower spine]

                Call us image:spine.svg[width=12] today.

                image::spine.svg[""]

                ----
                image::spine.svg[]
                ----
                """);
        Files.writeString(article, text);
        List<String> lines = text.lines().toList();

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        // Asciidoctor gave both alt="spine": the output looked as if an author had described them.
        assertEquals(List.of(
                        "content/procedures/nerve-block.adoc:" + (lines.indexOf("image::spine.svg[]") + 1)
                                + ": error[content.image-alt]: the image 'spine.svg' has no text alternative: screen readers would read its file name",
                        "content/procedures/nerve-block.adoc:" + (lines.indexOf("Call us image:spine.svg[width=12] today.") + 1)
                                + ": error[content.image-alt]: the image 'spine.svg' has no text alternative: screen readers would read its file name"),
                SiteFixture.firstLines(result));
        assertFalse(result.published());

        Files.writeString(article, text.replace("image::spine.svg[]\n\nimage::spine.svg[Diagram", "image::spine.svg[Spine]\n\nimage::spine.svg[Diagram")
                .replace("image:spine.svg[width=12]", "image:spine.svg[Telephone,width=12]"));
        BakeResult fixed = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertEquals(List.of(), SiteFixture.firstLines(fixed));
        assertTrue(Files.readString(temp.resolve("out/procedures/nerve-block.html")).contains("alt=\"\""),
                "[\"\"] marks an image that only decorates");
    }
}
