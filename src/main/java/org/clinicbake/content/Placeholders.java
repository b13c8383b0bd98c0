package org.clinicbake.content;

import java.util.List;

import org.clinicbake.build.BuildSession;

/**
 * The stand-in text {@code clinicbake new article} writes for the author to replace, and the check
 * that none of it is published: a page saying "Write this section." under "What are the risks?",
 * or citing "Publisher. Title of the page or paper.", would reach patients as it is, since it is
 * valid AsciiDoc and passes every other rule. A draft may still hold it.
 */
public final class Placeholders {

    public static final String DESCRIPTION = "One or two plain sentences (50 to 160 characters) saying what this page is about.";
    public static final String SUMMARY = "Say the main message here, in one or two short sentences.";
    public static final String SECTION = "Write this section.";
    public static final String REFERENCE = "* [[[source1,1]]] Publisher. Title of the page or paper. Year. https://example.org/source";

    /** Whole lines (the description as its header entry), so that an article quoting a phrase is not caught. */
    private static final List<String> LINES = List.of(":description: " + DESCRIPTION, SUMMARY, SECTION, REFERENCE);

    private Placeholders() {
    }

    /** Reports each placeholder line left in a page that is to be published, at its line. */
    static void check(BuildSession session, String path, List<String> lines, boolean draft) {
        if (draft) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (LINES.contains(line)) {
                session.diagnostics().error("content.placeholder", path, i + 1,
                        "the placeholder '" + shown(line) + "' from `clinicbake new` is still here",
                        hint(line));
            }
        }
    }

    private static String shown(String line) {
        return line.startsWith(":description: ") ? DESCRIPTION : line;
    }

    private static String hint(String line) {
        if (line.equals(SECTION)) {
            return "write the section for patients, or delete its heading and this line";
        }
        if (line.equals(REFERENCE)) {
            return "cite the sources the article relies on, one list item each, or keep the page a draft";
        }
        if (line.equals(SUMMARY)) {
            return "say in one or two short sentences what a patient should take away";
        }
        return "describe the page in one or two plain sentences: search results and link previews show it";
    }
}
