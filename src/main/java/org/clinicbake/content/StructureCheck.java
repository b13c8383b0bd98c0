package org.clinicbake.content;

import java.util.List;
import java.util.regex.Pattern;

import org.clinicbake.build.BuildSession;

/**
 * A clinical article that opens with a section heading: its main message has no place of its own. The CDC's Clear
 * Communication Index puts the main message first, and the page checklists of patient-education publishers (MedlinePlus'
 * summary, Mayo Clinic's overview) open with a few plain sentences before the first heading; readers who skim, and those
 * who read no further, read that. Asciidoctor writes the text above the first section as the document's preamble.
 */
final class StructureCheck {

    /** An AsciiDoc level-1 section title, {@code == Title} (or Markdown's {@code ## Title}). */
    private static final Pattern SECTION_TITLE = Pattern.compile("^(==|##)\\s+\\S.*$");

    private StructureCheck() {
    }

    /** Warns at the first section of a clinical article that has sections and no text above the first of them. */
    static void check(BuildSession session, String path, String type, DocumentHeader header, List<String> lines, String body) {
        if (!MedicalHeaderCheck.CLINICAL_TYPES.contains(type) || header.textAt() > 0) {
            // Text right under the header is read as the header's (header.no-blank-line): that is the problem to fix.
            return;
        }
        if (!body.contains("<div class=\"sect1\">") || body.contains("<div id=\"preamble\">")) {
            return;
        }
        session.diagnostics().warning("content.no-summary", path, firstSectionLine(lines, header),
                "the article opens with a section heading: it has no summary of its main message above its first section",
                "start the text, between the header and the first section, with one or two plain sentences that say the main "
                        + "message (what it is and what the reader should know or do): readers who skim read that first");
    }

    /** The line of the first section title below the header, or the title line when none is found. */
    private static int firstSectionLine(List<String> lines, DocumentHeader header) {
        for (int i = Math.max(header.titleLine(), 1); i < lines.size(); i++) {
            if (SECTION_TITLE.matcher(lines.get(i)).matches()) {
                return i + 1;
            }
        }
        return Math.max(header.titleLine(), 1);
    }
}
