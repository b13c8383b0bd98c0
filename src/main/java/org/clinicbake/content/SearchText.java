package org.clinicbake.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the site search indexes of an article's body: its section headings and its opening words.
 * Read from the HTML when the article is converted and kept with the conversion, so a bake writes
 * the search index without reading every body again.
 *
 * @param headings the text of its {@code h2} and {@code h3} headings, in order
 * @param opening  its first {@value #WORDS} words
 */
public record SearchText(List<String> headings, String opening) {

    /** The key under which an article's search text travels in JBake's document model. */
    public static final String KEY = "clinicbake_search";

    static final int WORDS = 300;
    private static final int OPENING_HTML = WORDS * 16;
    private static final Pattern HEADING = Pattern.compile("<h[23][^>]*>(.*?)</h[23]>", Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    public SearchText {
        headings = List.copyOf(headings);
    }

    /** Reads the search text of an article's HTML body. */
    public static SearchText of(String body) {
        List<String> headings = new ArrayList<>();
        Matcher heading = HEADING.matcher(body);
        while (heading.find()) {
            headings.add(text(heading.group(1)));
        }
        // The opening words lie within the first few thousand characters of HTML; stripping the whole
        // body would cost most of the index's time on a large site.
        String start = body.length() > OPENING_HTML ? body.substring(0, OPENING_HTML).replaceFirst("<[^>]*$", "") : body;
        return new SearchText(headings, opening(text(start)));
    }

    /** The words of some HTML, without its tags and with its character references decoded. */
    private static String text(String html) {
        String words = SPACE.matcher(TAG.matcher(html).replaceAll(" ")).replaceAll(" ").strip();
        return org.jsoup.parser.Parser.unescapeEntities(words, false);
    }

    /** The first words of a page: enough to find it by what it is about, small enough to load on a phone. */
    private static String opening(String text) {
        int end = 0;
        for (int words = 0; words < WORDS; words++) {
            int space = text.indexOf(' ', end + 1);
            if (space < 0) {
                return text;
            }
            end = space;
        }
        return text.substring(0, end);
    }
}
