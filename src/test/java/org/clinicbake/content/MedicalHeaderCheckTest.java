package org.clinicbake.content;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Fixture: article bodies as Asciidoctor writes them. Feature tested: an article cites references
 * when its body lists them, in a bibliography or in the section that follows a References heading.
 */
class MedicalHeaderCheckTest {

    @Test
    void aBibliographyWithItemsCites() {
        assertTrue(cites("<div class=\"ulist bibliography\"><ul class=\"bibliography\"><li><p>[1] NHS. Sciatica.</p></li></ul></div>"));
    }

    @Test
    void itemsInTheSectionAfterAReferencesHeadingCite() {
        assertTrue(cites("""
                <div class="sect1"><h2 id="references">References</h2>
                <div class="intro">Sources:</div><div class="sectionbody"><div class="ulist"><ul><li><p>NHS. Sciatica.</p></li></ul></div></div></div>
                """));
    }

    @Test
    void aListBeforeTheReferencesHeadingOrAnEmptyBibliographyDoesNotCite() {
        assertFalse(cites("""
                <div class="sect1"><div class="sectionbody"><ul><li>Rest helps.</li></ul></div>
                <h2 id="references">References</h2><div class="sectionbody"><p>To follow.</p></div></div>
                <div class="bibliography"></div><ul><li class="bibliography">Not inside a bibliography.</li></ul>
                """));
    }

    private static boolean cites(String body) {
        return MedicalHeaderCheck.citesReferences(Jsoup.parse(body));
    }
}
