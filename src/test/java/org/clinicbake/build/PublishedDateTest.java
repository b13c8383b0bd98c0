package org.clinicbake.build;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture with a clinic page scheduled by {@code :jbake-status: published-date}.
 * Feature tested: the page is published from its date on, as the bake's clock tells the day (a
 * test or {@code --today} fixes it), not the machine's.
 */
class PublishedDateTest {

    @TempDir
    Path temp;

    @Test
    void aScheduledPageIsPublishedFromItsDayByTheBakesClock() throws IOException {
        assertFalse(published(SiteFixture.TODAY.plusDays(1).toString()), "scheduled for tomorrow");
        assertTrue(published(SiteFixture.TODAY.toString()), "scheduled for today");
        assertTrue(published(SiteFixture.TODAY.minusDays(3).toString()), "scheduled in the past");
    }

    private boolean published(String date) throws IOException {
        Path site = SiteFixture.write(temp.resolve("site-" + date), MINIMAL_SITE + SiteFixture.CLINIC_PAGE
                .replace(":jbake-status: published", ":jbake-status: published-date")
                .replace(":jbake-date: 2026-01-05", ":jbake-date: " + date));
        BakeResult result = ClinicBake.bake(site, temp.resolve("out-" + date), SiteFixture.options());
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        return Files.exists(temp.resolve("out-" + date).resolve("about.html"));
    }
}
