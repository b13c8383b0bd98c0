package org.clinicbake.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reading level of the clinical pages of the output, as the bake judges the AsciiDoc. */
class ReadabilityOutputCheckTest {

    private static final String JSON_LD = "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
            + "\"@type\":\"MedicalWebPage\",\"name\":\"Test page\"}</script>\n";
    private static final String HARD = "<div class=\"article-body\"><p>Interlaminar epidural corticosteroid administration "
            + "necessitates meticulous fluoroscopic visualization, contrast confirmation, and comprehensive periprocedural "
            + "anticoagulation management to minimize potentially catastrophic neurological complications.</p></div>";

    @TempDir
    Path temp;

    @Test
    void aClinicalPageAboveGradeTenIsAnError() {
        OutputFixture output = new OutputFixture(temp).page("esi.html", JSON_LD + HARD);

        List<String> lines = output.firstLines();

        assertEquals(1, lines.size(), lines::toString);
        assertEquals(true, lines.get(0).startsWith("esi.html:11: error[readability.grade]: reads at grade 40."), lines.get(0));
    }

    @Test
    void thresholdsComeFromTheSiteConfiguration() {
        OutputFixture output = new OutputFixture(temp).properties("readability.fail-above=50\n").page("esi.html", JSON_LD + HARD);

        assertEquals(true, output.firstLines().get(0).contains("warning[readability.grade]"), output.firstLines()::toString);
    }

    @Test
    void aPageInAnotherLanguageIsNotGraded() {
        OutputFixture output = new OutputFixture(temp).file("esi.html", OutputFixture.page(JSON_LD + HARD).replace("lang=\"en-US\"", "lang=\"es-US\""));

        assertEquals(List.of(), output.firstLines());
    }

    @Test
    void plainClinicalPagesAndNonClinicalPagesPass() {
        OutputFixture output = new OutputFixture(temp)
                .page("esi.html", JSON_LD + "<div class=\"article-body\"><p>The shot is quick. You go home the same day.</p></div>")
                .page("about.html", HARD);

        assertEquals(List.of(), output.firstLines());
    }
}
