package org.clinicbake.content;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.QueryParser;

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
    /** Enough text for {@value #WORDS} words of any usual length; the walk stops there. */
    private static final int OPENING_CHARS = WORDS * 16;
    private static final Evaluator HEADINGS = QueryParser.parse("h2, h3");

    public SearchText {
        headings = List.copyOf(headings);
    }

    /** Reads the search text of an article's HTML body. */
    public static SearchText of(String body) {
        return of(Jsoup.parseBodyFragment(body));
    }

    /**
     * Reads the search text of a parsed article, leaving it as it was. Only the opening of the body
     * is walked: on a large site, walking every body whole cost most of the search index's time.
     */
    public static SearchText of(Document parsed) {
        List<String> headings = parsed.select(HEADINGS).eachText();
        StringBuilder text = new StringBuilder();
        parsed.body().filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode words) {
                    text.append(words.getWholeText());
                } else if (node instanceof Element element && (element.isBlock() || element.nameIs("br"))) {
                    text.append(' ');
                }
                return text.length() > OPENING_CHARS ? FilterResult.STOP : FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                    text.append(' ');
                }
                return FilterResult.CONTINUE;
            }
        });
        return new SearchText(headings, opening(collapseSpaces(text).strip()));
    }

    /**
     * Each run of white space (as regex {@code \\s}: space, tab, line breaks) as one space. Over a char
     * array: a regex cost a fifth of this class's time, and reading a StringBuilder a char at a time
     * through CharSequence still two thirds of it (C1 keeps the calls and the bounds checks).
     */
    static String collapseSpaces(CharSequence text) {
        char[] chars = text.toString().toCharArray();
        int length = 0;
        boolean inSpace = false;
        for (char c : chars) {
            boolean space = isRegexSpace(c);
            if (!space) {
                chars[length++] = c;
            } else if (!inSpace) {
                chars[length++] = ' ';
            }
            inSpace = space;
        }
        return new String(chars, 0, length);
    }

    /** White space as regex {@code \\s} has it: space, and tab to carriage return (tab, line feed, vertical tab, form feed, CR). */
    static boolean isRegexSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
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
