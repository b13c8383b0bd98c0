package org.clinicbake.render;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JBake's render.* switches and file names: the default theme links only the pages the bake
 * writes, under the names the settings give them. It used to link index.html, archive.html and
 * feed.xml whatever the settings, so turning one off failed the bake with a broken link on every page.
 */
class RenderSwitchesTest {

    @TempDir
    Path temp;

    private BakeResult bake(String settings) throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE.replace("site.host=https://clinic.example.org",
                "site.host=https://clinic.example.org\ncheck.on-bake=true\n"
                        + (settings.contains("site.nav=") ? "" : "site.nav=Nerve block|procedures/nerve-block.html\n") + settings));
        return ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options().withOutputChecks(true));
    }

    @Test
    void pagesTurnedOffAreNotLinked() throws IOException {
        BakeResult result = bake("render.index=false\nrender.archive=false\nrender.feed=false\nrender.sitemap=false\nrender.tags=false");

        assertEquals(List.of(), result.diagnostics());
        Path out = temp.resolve("out");
        for (String missing : List.of("index.html", "archive.html", "feed.xml", "sitemap.xml", "tags")) {
            assertFalse(Files.exists(out.resolve(missing)), missing);
        }
        String page = Files.readString(out.resolve("procedures/nerve-block.html"));
        assertFalse(page.contains("index.html") || page.contains("archive.html") || page.contains("feed.xml") || page.contains("tags/"), page);
        assertTrue(page.contains("<li>Procedures</li>"), "the topic is named, unlinked: " + page);
        assertFalse(Files.readString(out.resolve("robots.txt")).contains("Sitemap:"));
    }

    @Test
    void theSitemapListsTheArchiveAndTheTopicPagesTheBakeWrites() throws IOException {
        assertEquals(List.of(), bake("").diagnostics());
        String sitemap = Files.readString(temp.resolve("out/sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://clinic.example.org/archive.html</loc>")
                && sitemap.contains("<loc>https://clinic.example.org/tags/procedures.html</loc>"), sitemap);

        assertEquals(List.of(), bake("render.archive=false\nrender.tags=false").diagnostics());
        sitemap = Files.readString(temp.resolve("out/sitemap.xml"));
        assertFalse(sitemap.contains("archive.html") || sitemap.contains("tags/"), sitemap);
    }

    @Test
    void pagesAreLinkedUnderTheNamesTheSettingsGive() throws IOException {
        BakeResult result = bake("archive.file=all-articles.html\nfeed.file=atom.xml");

        assertEquals(List.of(), result.diagnostics());
        String page = Files.readString(temp.resolve("out/procedures/nerve-block.html"));
        assertTrue(page.contains("href=\"../all-articles.html\"") && page.contains("href=\"../atom.xml\""), page);
        assertFalse(page.contains("archive.html") || page.contains("feed.xml"), page);
    }

    @Test
    void aLinkToAPageTurnedOffSaysWhichSettingLeftItOut() throws IOException {
        BakeResult result = bake("render.archive=false\nsite.nav=Nerve block|procedures/nerve-block.html, All articles|archive.html");

        assertFalse(result.published());
        assertTrue(result.errors().stream().allMatch(problem -> problem.code().equals("link.broken")
                && problem.hint().startsWith("render.archive=false in jbake.properties leaves out archive.html")), result.errors()::toString);
    }
}
