package org.clinicbake.check;

import org.clinicbake.diag.Diagnostics;

/**
 * One check of a baked output folder, run by {@link SiteChecker}.
 *
 * <p>A check reads the output through its {@link CheckContext} and reports each problem to {@code out} as a
 * {@link org.clinicbake.diag.Diagnostic} whose path is the output file relative to the output folder. Checks must not
 * write to the output folder, and must not depend on the order other checks run in.
 */
public interface OutputCheck {

    /** A short stable name of the check, such as {@code links}; the codes it reports are listed by the implementation. */
    String id();

    /** Checks the output and reports every problem found. */
    void run(CheckContext context, Diagnostics out);
}
