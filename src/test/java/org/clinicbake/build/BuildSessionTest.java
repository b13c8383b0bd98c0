package org.clinicbake.build;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.clinicbake.content.ConversionCache;
import org.clinicbake.data.SiteDataLoader;
import org.clinicbake.diag.Diagnostics;
import org.clinicbake.render.Theme;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixture: the minimal site, and a clock that moves a day forward each time it is read. Feature
 * tested: what every article asks the build (its day, its zone, the content types) is read once,
 * so a bake running past midnight judges every page by one day, and a changed setting is seen.
 */
class BuildSessionTest {

    @TempDir
    Path temp;

    /** A clock that is a day later at each reading. */
    private static final class RacingClock extends Clock {
        private Instant now = Instant.parse("2026-11-25T23:59:59Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            Instant read = now;
            now = now.plus(Duration.ofDays(1));
            return read;
        }
    }

    @Test
    void aBuildJudgesEveryPageByTheDayItFirstAsked() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        SiteConfiguration config = new SiteConfigLoader(new Diagnostics()).load(site, temp.resolve("out")).orElseThrow();
        Diagnostics diagnostics = new Diagnostics();
        org.clinicbake.BakeOptions options = SiteFixture.options().withClock(new RacingClock());
        try (BuildSession session = new BuildSession(site, config, new SiteDataLoader(diagnostics).load(site),
                Theme.forSite(site, "default"), diagnostics, options, new PhaseTimes(),
                new ConversionCache(null, ""), AsciidoctorBoot.of(options), Plugins.load(getClass().getClassLoader(), diagnostics).orElseThrow())) {
            LocalDate first = session.today();

            assertEquals(LocalDate.of(2026, 11, 25), first);
            assertEquals(first, session.today(), "the clock has moved on a day; the build's day has not");
        }
    }

    @Test
    void contentTypesFollowTheSettings() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        SiteConfiguration config = new SiteConfigLoader(new Diagnostics()).load(site, temp.resolve("out")).orElseThrow();
        assertFalse(config.contentTypes().contains("newsletter"));

        config.setProperty("template.newsletter.file", "newsletter.peb");

        assertTrue(config.contentTypes().contains("newsletter"), "a type added by a setting is known at once");
    }
}
