package org.clinicbake.diag;

import java.util.Comparator;
import java.util.Objects;

/**
 * One problem a user can fix, with its position, a stable code and a hint.
 *
 * <p>Formatted as {@code path:line: error[code]: message} followed by an indented {@code hint:} line,
 * the shape compilers use, so terminals and editors make the position clickable.
 *
 * @param severity whether the problem fails the bake
 * @param code     stable identifier such as {@code header.unknown-type}; tests and docs rely on it
 * @param path     file the problem is in, relative to the site folder with {@code /} separators
 * @param line     1-based line in that file, or 0 when the position is the whole file
 * @param message  what is wrong, in one sentence
 * @param hint     what to do about it, or {@code null}
 */
public record Diagnostic(Severity severity, String code, String path, int line, String message, String hint) {

    /** Order of the report: by file, then line, then code, so output never depends on thread timing. */
    public static final Comparator<Diagnostic> REPORT_ORDER = Comparator
            .comparing(Diagnostic::path)
            .thenComparingInt(Diagnostic::line)
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    public static Diagnostic error(String code, String path, int line, String message, String hint) {
        return new Diagnostic(Severity.ERROR, code, path, line, message, hint);
    }

    public static Diagnostic warning(String code, String path, int line, String message, String hint) {
        return new Diagnostic(Severity.WARNING, code, path, line, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code path:line: severity[code]: message}, then {@code   hint: ...} on a second line when there is a hint. */
    public String format() {
        StringBuilder out = new StringBuilder(path);
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": ").append(severity.label()).append('[').append(code).append("]: ").append(message);
        if (hint != null && !hint.isBlank()) {
            out.append(System.lineSeparator()).append("  hint: ").append(hint);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
