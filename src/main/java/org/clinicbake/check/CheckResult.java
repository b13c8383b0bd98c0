package org.clinicbake.check;

import java.util.List;
import java.util.Objects;

import org.clinicbake.diag.Diagnostic;

/**
 * What {@link SiteChecker} found in an output folder.
 *
 * @param pages       how many HTML pages were checked
 * @param diagnostics every problem, in report order (file, line, code)
 */
public record CheckResult(int pages, List<Diagnostic> diagnostics) {

    public CheckResult {
        Objects.requireNonNull(diagnostics, "diagnostics");
        diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(diagnostic -> !diagnostic.isError()).toList();
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
