package org.clinicbake.content;

import java.util.List;
import java.util.Locale;

import org.clinicbake.build.BuildSession;

/**
 * Invisible C0 control characters in an article: a word processor's line break (U+000B) or page
 * break (U+000C), a backspace, pasted along with the text. XML 1.0 forbids every one but tab, line
 * feed and carriage return, so one in a title, a description or a topic made the Atom feed, which
 * carries those, a file no feed reader accepts; the bake published it without a word. HTML calls
 * them an error too, and browsers show them as nothing or as a box.
 */
final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Reports the first control character of each line that holds one; in a draft, as a warning. */
    static void check(BuildSession session, String path, List<String> lines, boolean draft) {
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            for (int column = 0; column < line.length(); column++) {
                char c = line.charAt(column);
                if (c < 0x20 && c != '\t') {
                    String message = "an invisible control character, U+" + String.format(Locale.ROOT, "%04X", (int) c)
                            + ", at column " + (column + 1) + ", which XML and HTML forbid";
                    String hint = "delete it, and retype the space if one is missing there (word processors write it for a "
                            + "line or page break, and pasting keeps it): in a title, a description or a topic it makes "
                            + "the Atom feed unreadable";
                    if (draft) {
                        session.diagnostics().warning("content.control-character", path, i + 1, message, hint);
                    } else {
                        session.diagnostics().error("content.control-character", path, i + 1, message, hint);
                    }
                    break;
                }
            }
        }
    }
}
