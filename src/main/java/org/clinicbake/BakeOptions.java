package org.clinicbake;

import java.time.Clock;
import java.util.Objects;

/**
 * How to bake.
 *
 * @param includeDrafts render draft pages too (preview), or leave them out entirely (publishing)
 * @param clock         what "today" is for the review-date rules; tests fix it so a page's review
 *                      does not fall due in the middle of a test run
 */
public record BakeOptions(boolean includeDrafts, Clock clock) {

    public BakeOptions {
        Objects.requireNonNull(clock, "clock");
    }

    /** Publishing: no drafts, today's date. */
    public static BakeOptions publishing() {
        return new BakeOptions(false, Clock.systemUTC());
    }

    public BakeOptions withClock(Clock clock) {
        return new BakeOptions(includeDrafts, clock);
    }
}
