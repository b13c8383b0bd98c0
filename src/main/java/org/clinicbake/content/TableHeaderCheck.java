package org.clinicbake.content;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clinicbake.build.BuildSession;

/**
 * A table with no header row: a screen reader then reads each cell without the name of its column
 * ("9:00 a.m." with no "Opens"), and WCAG 1.3.1 asks that a data table say which cells are headers.
 * Asciidoctor writes a header row as {@code <thead>}; the converted HTML tells which tables have none,
 * and their order tells which {@code |===} of the source each one is.
 */
final class TableHeaderCheck {

    private static final String TABLE = "<table class=\"tableblock";
    /** A table's delimiter line: {@code |===}, or {@code ,===} and {@code :===} for CSV and DSV data, {@code !===} nested. */
    private static final Pattern DELIMITER = Pattern.compile("^([|,:!])={3,}\\s*$");

    private TableHeaderCheck() {
    }

    /** Warns at each table of {@code body} that has no header row, at the line its source table opens on. */
    static void check(BuildSession session, String path, List<String> lines, String body) {
        int table = body.indexOf(TABLE);
        if (table < 0) {
            return;
        }
        List<Integer> openings = openings(lines);
        for (int index = 0; table >= 0; index++, table = body.indexOf(TABLE, table + 1)) {
            // A table's own rows come before its body; a table nested in a cell comes after it.
            int rows = body.indexOf("<tbody>", table);
            if (body.substring(table, rows < 0 ? body.length() : rows).contains("<thead>")) {
                continue;
            }
            session.diagnostics().warning("content.table-header", path, index < openings.size() ? openings.get(index) : 0,
                    "this table has no header row, so a screen reader reads its cells without their column names",
                    "mark the first row as the header: put [%header] on the line above |===, or leave a blank line "
                            + "after the first row");
        }
    }

    /** The lines the source's tables open on, in order (a nested table after the table it is in). */
    private static List<Integer> openings(List<String> lines) {
        List<Integer> openings = new ArrayList<>();
        Deque<Character> open = new ArrayDeque<>();
        SourceText.forEachMarkupLine(lines, (line, number) -> {
            Matcher delimiter = DELIMITER.matcher(line);
            if (!delimiter.matches()) {
                return;
            }
            char kind = delimiter.group(1).charAt(0);
            if (!open.isEmpty() && open.peek() == kind) {
                open.pop();
            } else {
                open.push(kind);
                openings.add(number);
            }
        });
        return openings;
    }
}
