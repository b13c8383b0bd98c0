package org.clinicbake.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feature tested: a medical page (its JSON-LD says MedicalWebPage) must show a disclaimer; other pages need none. */
class DisclaimerCheckTest {

    private static final String MEDICAL_JSON_LD = """
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"MedicalWebPage","name":"Test page"}</script>""";

    @TempDir
    Path temp;

    @Test
    void aMedicalPageWithoutADisclaimerIsAnErrorAtItsJsonLd() {
        OutputFixture output = new OutputFixture(temp)
                .file("sciatica.html", withoutDisclaimer(OutputFixture.page(MEDICAL_JSON_LD + "\n<p>Sciatica is pain along a nerve.</p>")));

        assertEquals(List.of("sciatica.html:10: error[medical.no-disclaimer]: a medical page (its JSON-LD says MedicalWebPage) "
                + "has no disclaimer"), output.firstLines());
    }

    @Test
    void aMedicalPageWithAnElementOfClassDisclaimerPasses() {
        OutputFixture output = new OutputFixture(temp)
                .page("sciatica.html", MEDICAL_JSON_LD + "\n<p>Sciatica is pain along a nerve.</p>");

        assertEquals(List.of(), output.firstLines());
    }

    @Test
    void aPageThatIsNoMedicalPageNeedsNoDisclaimer() {
        OutputFixture output = new OutputFixture(temp)
                .file("contact.html", withoutDisclaimer(OutputFixture.page("""
                        <script type="application/ld+json">{"@context":"https://schema.org","@type":"ContactPage","name":"Test page"}</script>
                        <p>Call us.</p>""")));

        assertEquals(List.of(), output.firstLines());
    }

    private static String withoutDisclaimer(String page) {
        return page.replaceAll("<aside class=\"disclaimer\">.*</aside>", "");
    }
}
