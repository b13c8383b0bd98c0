package org.clinicbake.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where each attribute of an AsciiDoc document header is written, so diagnostics can point at the
 * line, and which header lines are malformed.
 *
 * <p>Asciidoctor parses the header; this scan only records positions. It reads the title line and
 * the attribute entries that follow it up to the first blank line, as AsciiDoc defines the header.
 *
 * @param titleLine  line of the {@code = Title} line, or 0 when there is none
 * @param attributes attribute name to the line of its last entry (the value Asciidoctor keeps)
 * @param malformed  lines that look like an attribute entry missing its leading or its closing colon
 * @param repeats    attributes given twice in the header
 * @param endsEarlyAt the blank line that ends the header above entries of ClinicBake's or JBake's
 *                   attributes (which AsciiDoc then does not read as the header's), or 0
 * @param textAt     the first line of text below the attribute entries with no blank line between
 *                   (which AsciiDoc reads as the header's author and revision lines, so it never shows), or 0
 */
record DocumentHeader(int titleLine, Map<String, Integer> attributes, List<Integer> malformed, List<Repeat> repeats,
                      int endsEarlyAt, int textAt) {

    /** An attribute entered on line {@code first} and again on line {@code again}, whose value AsciiDoc keeps. */
    record Repeat(String name, int first, int again) {
    }

    // DOTALL: a value may hold U+2028 or U+0085 (pasted from a word processor), which `.` would not match.
    private static final Pattern ATTRIBUTE_ENTRY = Pattern.compile("^:(!?)([A-Za-z0-9_][A-Za-z0-9_-]*)(!?):(?:\\s.*)?$", Pattern.DOTALL);
    private static final Pattern MISSING_COLON = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]*:\\s+\\S.*$", Pattern.DOTALL);
    // Asciidoctor drops such a line without a word, so the value the editor wrote was silently lost.
    private static final Pattern MISSING_CLOSING_COLON = Pattern.compile("^:!?[A-Za-z0-9_][A-Za-z0-9_-]*!?[ \t]+\\S.*$", Pattern.DOTALL);

    private static final Pattern DIRECTIVE = Pattern.compile("(?:ifdef|ifndef|ifeval|endif|include)::");

    static DocumentHeader scan(List<String> lines) {
        Map<String, Integer> attributes = new LinkedHashMap<>();
        List<Integer> malformed = new java.util.ArrayList<>();
        int titleLine = 0;
        int index = 0;
        // Leading blank lines and comments may come before the header.
        while (index < lines.size() && (lines.get(index).isBlank() || lines.get(index).startsWith("//"))) {
            index++;
        }
        // "= " alone is no title to Asciidoctor: it reads no header at all, so every attribute below would seem missing.
        if (index < lines.size() && lines.get(index).startsWith("= ") && !lines.get(index).substring(2).isBlank()) {
            titleLine = index + 1;
            index++;
        }
        List<Repeat> repeats = new java.util.ArrayList<>();
        int textAt = 0;
        for (; index < lines.size(); index++) {
            String line = lines.get(index);
            if (line.isBlank()) {
                break;
            }
            Matcher entry = ATTRIBUTE_ENTRY.matcher(line);
            if (entry.matches()) {
                String name = entry.group(2).toLowerCase(java.util.Locale.ROOT);
                // The last entry of a name is the value Asciidoctor keeps, so it is the line a problem with it is on.
                Integer before = attributes.remove(name);
                if (before != null) {
                    repeats.add(new Repeat(name, before, index + 1));
                }
                attributes.put(name, index + 1);
            } else if (MISSING_COLON.matcher(line).matches() || MISSING_CLOSING_COLON.matcher(line).matches()) {
                malformed.add(index + 1);
            } else if (titleLine > 0 && !attributes.isEmpty() && textAt == 0 && !line.startsWith("//")
                    && !DIRECTIVE.matcher(line).lookingAt()) {
                // Text right under the title is AsciiDoc's author and revision lines (JBake's own examples date a post so);
                // under the attribute entries it is the first paragraph, which AsciiDoc took for them and dropped.
                textAt = index + 1;
            }
        }
        return new DocumentHeader(titleLine, Collections.unmodifiableMap(attributes), List.copyOf(malformed), List.copyOf(repeats),
                titleLine > 0 ? endsEarlyAt(lines, index) : 0, textAt);
    }

    /**
     * The blank line at {@code blank} when the lines after it go on with entries of the page's own
     * attributes ({@code :med-reviewer:}, {@code :jbake-tags:}, {@code :description:}): AsciiDoc ends
     * the header at a blank line, so those are not the header's, and the page seemed to lack them.
     */
    private static int endsEarlyAt(List<String> lines, int blank) {
        int next = blank;
        while (next < lines.size() && lines.get(next).isBlank()) {
            next++;
        }
        if (next == blank || next >= lines.size()) {
            return 0;
        }
        Matcher entry = ATTRIBUTE_ENTRY.matcher(lines.get(next));
        if (!entry.matches()) {
            return 0;
        }
        String name = entry.group(2).toLowerCase(java.util.Locale.ROOT);
        return name.startsWith("jbake-") || name.startsWith("med-") || name.equals("description") ? blank + 1 : 0;
    }

    /** Whether a malformed line names this attribute, so "missing" is not reported on top of "malformed". */
    boolean mentionsMalformed(String attribute, List<String> lines) {
        return malformed.stream().map(line -> lines.get(line - 1).strip()).anyMatch(line -> line.startsWith(attribute + ":")
                || line.matches("(?s):!?" + Pattern.quote(attribute) + "!?[ \\t].*"));
    }

    /** Line of an attribute, or the title line (or 1) when the attribute is not in the header. */
    int lineOf(String attribute) {
        Integer line = attributes.get(attribute);
        if (line != null) {
            return line;
        }
        return Math.max(titleLine, 1);
    }
}
