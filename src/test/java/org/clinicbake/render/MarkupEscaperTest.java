package org.clinicbake.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.unbescape.html.HtmlEscape;

/** Feature tested: ClinicBake's HTML escaping gives exactly what Pebble's and unbescape's would. */
class MarkupEscaperTest {

    /** Markup, quotes, entities already written, controls, non-ASCII, surrogate pairs (and halves of them). */
    private static final String ALPHABET = "&<>\"'; #x=aZ09\t\n\r\u0000\u001F\u007F\u0080\u00A0é’“—\u2028\uFEFF"
            + "\uD83D\uDE00\uD800\uDC00";

    @Test
    void escapesAsPebblesHtmlStrategyAndUnbescapeDo() {
        Random random = new Random(20261126);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(24); i > 0; i--) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String input = text.toString();
            assertEquals(HtmlEscape.escapeHtml4Xml(input), MarkupEscaper.HTML4.escape(input), "html4: " + input);
            assertEquals(HtmlEscape.escapeHtml5Xml(input), MarkupEscaper.HTML5.escape(input), "html5: " + input);
        }
    }

    @Test
    void leavesTextWithoutMarkupAsItIs() {
        String plain = "Epidural steroid injection — what to expect";

        assertSame(plain, MarkupEscaper.HTML4.escape(plain));
        assertEquals("&lt;b&gt;Tom &amp; Jerry&#39;s &quot;cat&quot;&lt;/b&gt;", MarkupEscaper.HTML4.escape("<b>Tom & Jerry's \"cat\"</b>"));
        assertNull(MarkupEscaper.HTML4.escape(null));
    }
}
