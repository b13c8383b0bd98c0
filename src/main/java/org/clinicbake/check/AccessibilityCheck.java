package org.clinicbake.check;

import java.util.List;

import org.clinicbake.diag.Diagnostics;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The accessibility basics a static check can judge: {@value #IMG_ALT} (an image without {@code alt}),
 * {@value #HEADING_ORDER} (a heading that skips a level, a warning), {@value #H1} (not exactly one {@code h1}) and
 * {@value #LANG} (no page language).
 */
public final class AccessibilityCheck implements OutputCheck {

    public static final String IMG_ALT = "a11y.img-alt";
    public static final String HEADING_ORDER = "a11y.heading-order";
    public static final String H1 = "a11y.h1";
    public static final String LANG = "a11y.lang";

    @Override
    public String id() {
        return "a11y";
    }

    @Override
    public boolean checksEachPageAlone() {
        return true;
    }

    @Override
    public void checkPage(CheckContext context, Page page, Diagnostics out) {
        images(page, out);
        headings(page, out);
        language(page, out);
    }

    // Compiled once: jsoup parses a query given as text on every call, and this runs on every page.
    private static final Evaluator HTML = QueryParser.parse("html");

    private static void images(Page page, Diagnostics out) {
        for (Element image : page.elements()) {
            if (!image.nameIs("img") || image.hasAttr("alt")) {
                continue;
            }
            out.error(IMG_ALT, page.path(), Page.line(image), "image '" + image.attr("src") + "' has no alt attribute",
                    "describe what the image shows in alt=\"...\" (in AsciiDoc, the first attribute of image::); "
                            + "write alt=\"\" only for a decorative image");
        }
    }

    private static void headings(Page page, Diagnostics out) {
        // Tests of the tag name, not queries: each query walked every element of every page again.
        List<Element> headings = new java.util.ArrayList<>();
        List<Element> h1 = new java.util.ArrayList<>();
        for (Element element : page.elements()) {
            String name = element.normalName();
            if (name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6') {
                headings.add(element);
                if (name.charAt(1) == '1') {
                    h1.add(element);
                }
            }
        }
        int previous = 0;
        for (Element heading : headings) {
            int level = heading.normalName().charAt(1) - '0';
            if (previous > 0 && level > previous + 1) {
                out.warning(HEADING_ORDER, page.path(), Page.line(heading),
                        "heading h" + level + " follows h" + previous + ", skipping a level",
                        "use h" + (previous + 1) + " here (one more = in AsciiDoc): screen-reader users move through "
                                + "a page by its outline of headings");
            }
            previous = level;
        }
        if (h1.isEmpty()) {
            out.error(H1, page.path(), 0, "page has no h1 heading",
                    "give the page one h1 with its title; the default theme writes it from the = Title line");
        } else if (h1.size() > 1) {
            out.error(H1, page.path(), Page.line(h1.get(1)), "page has " + h1.size() + " h1 headings instead of one",
                    "keep one h1 for the page title and make the others h2; in AsciiDoc, sections start at ==");
        }
    }

    private static void language(Page page, Diagnostics out) {
        Element html = page.selectFirst(HTML);
        if (html == null || html.attr("lang").isBlank()) {
            out.error(LANG, page.path(), html == null ? 0 : Page.line(html), "page does not declare its language",
                    "write <html lang=\"{{ site.lang }}\"> in the base template and set site.lang (e.g. en-US) in "
                            + "jbake.properties; screen readers choose their voice by it");
        }
    }
}
