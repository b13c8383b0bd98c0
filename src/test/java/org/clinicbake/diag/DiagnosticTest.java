package org.clinicbake.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class DiagnosticTest {

    @Test
    void formatsPathLineSeverityCodeMessageAndHint() {
        Diagnostic diagnostic = Diagnostic.error("header.unknown-type", "content/a.adoc", 2,
                "unknown page type 'therapie'", "use one of: article, therapy");

        assertEquals("content/a.adoc:2: error[header.unknown-type]: unknown page type 'therapie'"
                + System.lineSeparator() + "  hint: use one of: article, therapy", diagnostic.format());
    }

    @Test
    void leavesOutTheLineWhenTheProblemIsTheWholeFile() {
        Diagnostic diagnostic = Diagnostic.warning("content.empty", "content/a.adoc", 0, "the file is empty", null);

        assertEquals("content/a.adoc: warning[content.empty]: the file is empty", diagnostic.format());
    }

    @Test
    void collectsOnceAndSortsByFileThenLine() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.error("b", "content/z.adoc", 1, "late file", null);
        diagnostics.warning("a", "content/a.adoc", 9, "later line", null);
        diagnostics.error("a", "content/a.adoc", 3, "early line", null);
        diagnostics.error("a", "content/a.adoc", 3, "early line", null);

        List<String> order = diagnostics.all().stream().map(Diagnostic::message).toList();

        assertEquals(List.of("early line", "later line", "late file"), order);
        assertTrue(diagnostics.hasErrors());
    }

    @Test
    void warningsAloneDoNotFailABuild() {
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.warning("a", "content/a.adoc", 1, "a warning", null);

        assertFalse(diagnostics.hasErrors());
    }
}
