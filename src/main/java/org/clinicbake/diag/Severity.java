package org.clinicbake.diag;

import java.util.Locale;

/** How bad a diagnostic is: errors fail the bake, warnings are reported and the bake goes on. */
public enum Severity {
    ERROR,
    WARNING;

    /** The word used in the one-line format, e.g. {@code error}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
