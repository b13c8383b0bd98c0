package org.clinicbake.content;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.clinicbake.testing.SiteFixture.bake;
import static org.clinicbake.testing.SiteFixture.firstLine;
import static org.clinicbake.testing.SiteFixture.firstLines;
import static org.clinicbake.testing.SiteFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.diag.Diagnostic;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sites: the minimal fixture site with its body rewritten at different reading levels. */
class ReadabilityCheckTest {

    /** 21 words, 1 sentence, 86 syllables: Flesch-Kincaid grade 0.39*21 + 11.8*86/21 - 15.59 = 40.9. */
    private static final String HARD = "Interlaminar epidural corticosteroid administration necessitates meticulous "
            + "fluoroscopic visualization, contrast confirmation, and comprehensive periprocedural anticoagulation "
            + "management to minimize potentially catastrophic neurological complications.";

    @TempDir
    Path temp;

    @Test
    void plainArticlesAreReportedWithTheirGrade() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE);

        assertEquals(List.of(), result.diagnostics());
        ArticleReadability article = result.readability().get(0);
        assertEquals("content/procedures/nerve-block.adoc", article.path());
        assertTrue(article.fleschKincaidGrade() < 8, "grade " + article.fleschKincaidGrade());
    }

    @Test
    void anArticleAboveGradeTenFailsTheBake() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("The doctor uses X-ray guidance.", HARD));

        Diagnostic only = single(result);
        assertEquals("readability.grade", only.code());
        assertTrue(only.isError());
        assertEquals(1, only.line());
        assertTrue(only.message().matches("reads at grade \\d+\\.\\d \\(Flesch-Kincaid; SMOG \\d+\\.\\d\\), above grade 10"),
                only.message());
        assertFalse(result.published());
    }

    @Test
    void theHintSendsTheEditorToTheHardestSentenceByLineWithItsLongWords() throws IOException {
        // The sentence starts on line 18 of the article, its first word in bold, and wraps onto line 19.
        String hard = HARD.replace("Interlaminar", "*Interlaminar*").replace("meticulous ", "meticulous\n");
        BakeResult result = bake(temp, MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "The doctor uses X-ray guidance.\n" + hard));

        Diagnostic only = single(result);
        assertEquals("readability.grade", only.code());
        assertEquals(1, only.line(), "the grade is the whole page's, at its title");
        assertTrue(only.hint().contains("the hardest sentences: line 18 (grade 40.9, 21 words) "
                + "\"Interlaminar epidural corticosteroid administration necessitates meticulous fluoroscopic visualization, …\", "
                + "long words: Interlaminar, epidural, corticosteroid, administration, necessitates"), only.hint());
        assertFalse(only.hint().contains("X-ray"), "a plain sentence is not named: " + only.hint());
    }

    @Test
    void aSiteInAnotherLanguageIsNotHeldToEnglishGrades() throws IOException {
        // Spanish scored as English: long words of many syllables read as a grade far above 10.
        String spanish = "Después de la inyección, descanse el resto del día y evite conducir durante veinticuatro horas; "
                + "llame inmediatamente si presenta fiebre, debilidad progresiva o pérdida del control de la vejiga.";
        BakeResult english = bake(temp.resolve("en"), MINIMAL_SITE.replace("The doctor uses X-ray guidance.", HARD));
        BakeResult result = bake(temp.resolve("es"), MINIMAL_SITE.replace("The doctor uses X-ray guidance.", spanish)
                .replace("site.host=https://clinic.example.org", "site.host=https://clinic.example.org\nsite.lang=es-US"));

        assertEquals("readability.grade", single(english).code(), "the English fixture is held to the grade");
        assertEquals(List.of(), result.diagnostics());
        assertEquals(List.of(), result.readability(), "no grade is reported for a language the formulas do not fit");
        assertTrue(result.published());
    }

    @Test
    void thresholdsComeFromTheSiteConfiguration() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("The doctor uses X-ray guidance.", HARD) + """
                -- jbake.properties --
                site.host=https://clinic.example.org
                readability.warn-above=8
                readability.fail-above=30
                """);

        Diagnostic only = single(result);
        assertEquals("readability.grade", only.code());
        assertFalse(only.isError(), "between the thresholds it is a warning");
        assertTrue(result.published());
    }

    @Test
    void aThresholdThatIsNotANumberIsAConfigurationError() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE + """
                -- jbake.properties --
                readability.warn-above=eight
                site.host=https://clinic.example.org
                """);

        assertEquals("jbake.properties:1: error[config.invalid]: readability.warn-above must be a number, not 'eight'",
                single(result).format().lines().findFirst().orElseThrow());
    }


}
