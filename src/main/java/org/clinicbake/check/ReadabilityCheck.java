package org.clinicbake.check;

import org.clinicbake.diag.Diagnostics;
import org.clinicbake.readability.Readability;
import org.clinicbake.readability.ReadabilityScore;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The reading level of every clinical page of the output (a page whose JSON-LD is a
 * {@code MedicalWebPage}), scored on its article body as the bake scores the AsciiDoc: above
 * {@code readability.warn-above} (8) a warning, above {@code readability.fail-above} (10) an error.
 */
final class ReadabilityCheck implements OutputCheck {

    private final Readability readability = new Readability();

    @Override
    public String id() {
        return "readability";
    }

    private static final Evaluator ARTICLE_BODY = QueryParser.parse(".article-body");
    private static final Evaluator HTML = QueryParser.parse("html");

    @Override
    public void checkPage(CheckContext context, Page page, Diagnostics out) {
        double warnAbove = number(context, "readability.warn-above", 8);
        double failAbove = number(context, "readability.fail-above", 10);
        boolean clinical = JsonLd.blocks(page).stream().anyMatch(block -> block.data().contains("\"MedicalWebPage\""));
        Element body = page.selectFirst(ARTICLE_BODY);
        if (!clinical || body == null || !Readability.measures(pageLanguage(page))) {
            return;
        }
        ReadabilityScore score = readability.scoreArticleHtml(body.outerHtml());
        double grade = score.fleschKincaidGrade();
        if (score.words() == 0 || grade <= warnAbove) {
            return;
        }
        String message = Readability.aboveLimit(score, grade > failAbove ? failAbove : warnAbove);
        // The output has no AsciiDoc to point into: the sentences are named by their words.
        String hint = Readability.advice(warnAbove, Readability.hardestSentences(body.outerHtml(), warnAbove, 3), sentence -> 0);
        if (grade > failAbove) {
            out.error("readability.grade", page.path(), Page.line(body), message, hint);
        } else {
            out.warning("readability.grade", page.path(), Page.line(body), message, hint);
        }
    }

    /** The language the page declares on its html element (the site's site.lang), English when it declares none. */
    private static java.util.Locale pageLanguage(Page page) {
        Element html = page.selectFirst(HTML);
        return java.util.Locale.forLanguageTag(html == null ? "" : html.attr("lang"));
    }

    private static double number(CheckContext context, String key, double fallback) {
        try {
            return context.config(key).map(Double::parseDouble).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

}
