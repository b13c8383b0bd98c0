package org.clinicbake.render;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.BakeResult;
import org.clinicbake.testing.SiteFixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture with opening hours. Feature tested: the default theme's box of the
 * clinic's address and hours ({@code partials/clinic-info.peb}, on the home and contact pages).
 */
class ClinicInfoTest {

    @TempDir
    Path temp;

    @Test
    void openingHoursSayNoonAndMidnightRatherThanTwelveAmOrPm() throws IOException {
        BakeResult result = SiteFixture.bake(temp, MINIMAL_SITE.replace("  country: US\n", """
                  country: US
                hours:
                  - days: [Saturday]
                    opens: "09:00"
                    closes: "12:00"
                  - days: [Sunday]
                    opens: "00:00"
                    closes: "06:00"
                """));
        assertTrue(result.published(), result.diagnostics().toString());

        Document home = Jsoup.parse(temp.resolve("out/index.html").toFile());
        assertEquals(List.of("9:00 AM to noon", "midnight to 6:00 AM", "Closed"), home.select("table.hours td").eachText());
        assertEquals("12:00", home.select("table.hours td time").get(1).attr("datetime"), "machines still read the time");
    }

    @Test
    void openingDaysReadAsRangesAndTheDaysClosedAreSaid() throws IOException {
        BakeResult result = SiteFixture.bake(temp, MINIMAL_SITE.replace("  country: US\n", """
                  country: US
                hours:
                  - days: [Friday, Monday, Tuesday, Wednesday, Thursday]
                    opens: "08:00"
                    closes: "17:00"
                  - days: [Saturday, PublicHolidays]
                    opens: "09:00"
                    closes: "12:00"
                """));
        assertTrue(result.published(), result.diagnostics().toString());

        Document home = Jsoup.parse(temp.resolve("out/index.html").toFile());
        assertEquals(List.of("Monday to Friday", "Saturday and public holidays", "Sunday"), home.select("table.hours th").eachText());
        assertEquals("Closed", home.select("table.hours td").last().text());
    }
}
