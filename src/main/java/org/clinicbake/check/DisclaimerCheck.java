package org.clinicbake.check;

import org.clinicbake.diag.Diagnostics;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * {@value #NO_DISCLAIMER}: a medical page (its JSON-LD describes a {@code MedicalWebPage}) with no
 * element of class {@code disclaimer}. Patient-education publishers put on every such page that it
 * does not replace a clinician's advice; the default theme's {@code partials/disclaimer.peb} says so,
 * and a theme that overrides {@code article.peb} could drop it without anything else noticing.
 */
public final class DisclaimerCheck implements OutputCheck {

    public static final String NO_DISCLAIMER = "medical.no-disclaimer";

    // Compiled once: jsoup parses a query given as text on every call, and this runs on every page.
    private static final Evaluator DISCLAIMER = QueryParser.parse(".disclaimer");

    @Override
    public String id() {
        return "medical";
    }

    @Override
    public boolean checksEachPageAlone() {
        return true;
    }

    @Override
    public void checkPage(CheckContext context, Page page, Diagnostics out) {
        Element medical = null;
        for (Element block : JsonLd.blocks(page)) {
            // The type's name in quotes is enough to tell; parsing every page's JSON-LD here is not needed.
            if (block.data().contains("\"MedicalWebPage\"")) {
                medical = block;
                break;
            }
        }
        if (medical != null && page.selectFirst(DISCLAIMER) == null) {
            out.error(NO_DISCLAIMER, page.path(), Page.line(medical),
                    "a medical page (its JSON-LD says MedicalWebPage) has no disclaimer",
                    "include the theme's disclaimer in the template, {% include \"partials/disclaimer.peb\" %} as the default "
                            + "theme's article.peb does, or give your own the class \"disclaimer\": a patient must read that the "
                            + "page does not replace advice from their own clinician");
        }
    }
}
