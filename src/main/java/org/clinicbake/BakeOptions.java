package org.clinicbake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

import org.asciidoctor.Asciidoctor;
import org.clinicbake.build.BuildMemory;

/**
 * How to bake.
 *
 * @param includeDrafts render draft pages too (preview), or leave them out entirely (publishing)
 * @param clock         what "today" is for the review-date rules; tests fix it so a page's review
 *                      does not fall due in the middle of a test run
 * @param asciidoctor   an Asciidoctor instance that outlives the bake (the preview server keeps one
 *                      warm between rebuilds), or {@code null} for one started and stopped by the bake;
 *                      one from {@code AsciidoctorRuntime.create()}, which adds what keeps SAFE mode
 *                      from reading through links and pages from showing this computer's folders
 * @param outputChecks  run the fast checks of {@code clinicbake check} (links, accessibility,
 *                      third-party requests, empty pages) on the output before publishing it; with a
 *                      {@code memory} (the preview), on the pages a rebuild published, after it
 * @param memory        what a long-running preview remembers between its rebuilds, so each parses and
 *                      renders only what changed, or {@code null} for a bake that starts from nothing
 */
public record BakeOptions(boolean includeDrafts, Clock clock, Asciidoctor asciidoctor, boolean outputChecks,
                          BuildMemory memory) {

    public BakeOptions {
        Objects.requireNonNull(clock, "clock");
    }

    public BakeOptions(boolean includeDrafts, Clock clock, Asciidoctor asciidoctor, boolean outputChecks) {
        this(includeDrafts, clock, asciidoctor, outputChecks, null);
    }

    /** Publishing: no drafts, today's date, the fast output checks. */
    public static BakeOptions publishing() {
        return new BakeOptions(false, Clock.systemUTC(), null, true);
    }

    /**
     * Preview: drafts included, one warm Asciidoctor reused by every rebuild, the memory of the
     * previous rebuild, and the fast output checks on the pages each rebuild published (a broken
     * link or image shows in the browser while the editor writes, not only in the next bake).
     */
    public static BakeOptions preview(Asciidoctor asciidoctor, BuildMemory memory) {
        return new BakeOptions(true, Clock.systemUTC(), asciidoctor, true, memory);
    }

    public BakeOptions withClock(Clock clock) {
        return new BakeOptions(includeDrafts, clock, asciidoctor, outputChecks, memory);
    }

    /**
     * Judges the bake as of {@code day} in the site's time zone (what {@code --today} means). A clock
     * fixed at one instant cannot say that: noon UTC is already the next day east of UTC+12
     * (Kiritimati, Tonga, New Zealand in summer), where publication and review dates were judged a
     * day late.
     */
    public BakeOptions withToday(LocalDate day) {
        return withClock(new DayClock(Objects.requireNonNull(day, "day"), ZoneOffset.UTC));
    }

    public BakeOptions withOutputChecks(boolean outputChecks) {
        return new BakeOptions(includeDrafts, clock, asciidoctor, outputChecks, memory);
    }

    public BakeOptions withMemory(BuildMemory memory) {
        return new BakeOptions(includeDrafts, clock, asciidoctor, outputChecks, memory);
    }

    /** Noon of one day in whichever zone it is asked for: the same day in every zone. */
    private static final class DayClock extends Clock {

        private final LocalDate day;
        private final ZoneId zone;

        DayClock(LocalDate day, ZoneId zone) {
            this.day = day;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new DayClock(day, other);
        }

        @Override
        public Instant instant() {
            return day.atTime(LocalTime.NOON).atZone(zone).toInstant();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DayClock clock && clock.day.equals(day) && clock.zone.equals(zone);
        }

        @Override
        public int hashCode() {
            return Objects.hash(day, zone);
        }

        @Override
        public String toString() {
            return "DayClock[" + day + "," + zone + "]";
        }
    }
}
