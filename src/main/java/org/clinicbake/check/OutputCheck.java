package org.clinicbake.check;

import org.clinicbake.diag.Diagnostics;

/**
 * One check of a baked output folder, run by {@link SiteChecker}.
 *
 * <p>A check reads the output through its {@link CheckContext}, page by page in {@link #checkPage} and
 * as a whole in {@link #run}, and reports each problem to {@code out} as a
 * {@link org.clinicbake.diag.Diagnostic} whose path is the output file relative to the output folder. Checks must not
 * write to the output folder, and must not depend on the order other checks run in.
 */
public interface OutputCheck {

    /** A short stable name of the check, such as {@code links}; the codes it reports are listed by the implementation. */
    String id();

    /**
     * Checks one HTML page. Every page is read once and shown to every check in turn, then let go, so
     * a run holds only a few parsed pages at a time however large the site. Pages are checked on
     * several threads at once (one page each): what a check collects goes into
     * {@link CheckContext#runState} in a thread-safe collection.
     */
    default void checkPage(CheckContext context, Page page, Diagnostics out) {
    }

    /**
     * Whether what {@link #checkPage} finds on a page depends on that page alone: its bytes, the site's settings,
     * which files the output has and every page's fragment targets, but nothing {@link CheckContext#runState}
     * collected from other pages and no other file's content. Then a bake that changed a few pages runs the check on
     * those, and takes what it found on the others from its last run; a bake runs every check that way or none, so
     * one check that does not say so makes every bake check every page. False unless the check says so.
     */
    default boolean checksEachPageAlone() {
        return false;
    }

    /**
     * The site-wide part, after every page went through {@link #checkPage}: what needs the whole output
     * (other files, or what the pages had in common, kept with {@link CheckContext#runState}).
     */
    default void run(CheckContext context, Diagnostics out) {
    }
}
