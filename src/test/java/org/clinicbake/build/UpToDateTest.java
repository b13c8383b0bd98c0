package org.clinicbake.build;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.ZoneOffset;

import org.clinicbake.BakeOptions;
import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture, whose article falls due for review on 2027-02-01. Feature tested: a
 * bake whose inputs and output are exactly as the last successful bake left them does nothing and
 * reports what that bake reported; any change to what a bake reads makes it run in full.
 */
class UpToDateTest {

    @TempDir
    Path temp;
    Path site;
    Path out;

    @BeforeEach
    void writeSite() {
        site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        out = temp.resolve("out");
    }

    @Test
    void aBakeWithNothingChangedDoesNothingAndReportsTheSame() throws IOException {
        BakeResult first = bake();
        FileTime written = Files.getLastModifiedTime(out.resolve("index.html"));

        BakeResult second = bake();

        assertTrue(upToDate(second), second.phases().toString());
        assertTrue(second.published());
        assertEquals(first.pages(), second.pages());
        assertEquals(first.diagnostics(), second.diagnostics());
        assertEquals(first.readability(), second.readability());
        assertEquals(written, Files.getLastModifiedTime(out.resolve("index.html")), "the output is not written again");
    }

    @Test
    void aFileSavedAgainWithTheSameTextLeavesTheBakeUpToDate() throws IOException {
        bake();
        Path article = site.resolve("content/procedures/nerve-block.adoc");
        Files.writeString(article, Files.readString(article));
        Files.setLastModifiedTime(article, FileTime.from(java.time.Instant.now().plusSeconds(5)));

        assertTrue(upToDate(bake()), "files are compared by content, not by time stamp");
    }

    @Test
    void anyChangeToWhatABakeReadsMakesItRunInFull() throws IOException {
        bake();
        Files.writeString(site.resolve("content/procedures/nerve-block.adoc"), "\nOne more line.\n", StandardOpenOption.APPEND);
        assertFalse(upToDate(bake()), "an article changed");
        assertTrue(upToDate(bake()));

        Files.createDirectories(site.resolve("templates"));
        Files.writeString(site.resolve("templates/robots.peb"), "User-agent: *\n");
        assertFalse(upToDate(bake()), "a template was added");

        Files.writeString(site.resolve("data/providers.yml"), Files.readString(site.resolve("data/providers.yml")).replace("Ann Lee", "Ann Leigh"));
        assertFalse(upToDate(bake()), "site data changed");

        BakeResult later = ClinicBake.bake(site, out, SiteFixture.options().withClock(
                Clock.fixed(SiteFixture.TODAY.plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC)));
        assertFalse(upToDate(later), "another day: review dates may fall due");

        Files.delete(out.resolve("robots.txt"));
        BakeResult repaired = bake();
        assertFalse(upToDate(repaired), "the output was changed by hand");
        assertTrue(Files.exists(out.resolve("robots.txt")));
    }

    @Test
    void aBakeWhoseNewFilesGetAnotherOwnerRunsInFullAndWritesThePagesSo() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Integer.valueOf(0).equals(Files.getAttribute(temp, "unix:uid")),
                "only root can give a folder a group it is not in");
        bake();
        int gid = 4242;
        // The folder's set-group-ID bit gives files made under it its group, as another umask gives them other permissions.
        Files.setAttribute(temp, "unix:gid", gid);
        Files.setAttribute(temp, "unix:mode", 02775);

        BakeResult again = bake();

        assertFalse(upToDate(again), "a bake now writes files of another group");
        assertEquals(gid, Files.getAttribute(out.resolve("procedures/nerve-block.html"), "unix:gid"));
        assertTrue(upToDate(bake()));
    }

    @Test
    void afterAFailedBakeTheNextOneRunsInFull() throws IOException {
        bake();
        Path article = site.resolve("content/procedures/nerve-block.adoc");
        String good = Files.readString(article);
        Files.writeString(article, good.replace(":med-reviewer: ben-cho", ":med-reviewer: nobody"));
        assertTrue(bake().hasErrors());

        Files.writeString(article, good);
        BakeResult fixed = bake();
        assertFalse(upToDate(fixed), "the failed bake left no record to trust");
        assertTrue(fixed.published());
    }

    @Test
    void sitesThatTurnTheCacheOffAlwaysBakeInFull() throws IOException {
        Files.writeString(site.resolve("jbake.properties"), "\nclinicbake.cache=false\n", StandardOpenOption.APPEND);
        bake();
        assertFalse(upToDate(bake()));
    }

    @Test
    void aContentFolderLinkedFromElsewhereIsBakedAndAnEditInsideItIsSeen() throws IOException {
        site = SiteFixture.write(temp.resolve("linked"), MINIMAL_SITE + SiteFixture.SECOND_ARTICLE);
        Path kept = temp.resolve("content-repository");
        Files.move(site.resolve("content"), kept);
        Files.createSymbolicLink(site.resolve("content"), kept);

        BakeResult first = bake();

        // The list of pages :med-related: may name walked the link alone and found none.
        assertEquals(java.util.List.of(), first.errors());
        assertTrue(first.published());
        assertTrue(Files.readString(out.resolve("procedures/second-block.html")).contains("nerve-block.html"));

        Path article = kept.resolve("procedures/nerve-block.adoc");
        Files.writeString(article, Files.readString(article).replace("The doctor uses X-ray guidance.", "The doctor uses an ultrasound."));
        BakeResult second = bake();

        // The fingerprint of the site's files stopped at the link: "Up to date", with the old page published.
        assertFalse(upToDate(second));
        assertTrue(Files.readString(out.resolve("procedures/nerve-block.html")).contains("The doctor uses an ultrasound."));
    }

    @Test
    void aTemplatesFolderLinkedFromElsewhereIsUsedAndAnEditInsideItIsSeen() throws IOException {
        Path kept = temp.resolve("theme-repository");
        SiteFixture.writeFile(kept.resolve("partials/footer.peb"), "<footer><p>Footer one</p></footer>\n");
        Files.createSymbolicLink(site.resolve("templates"), kept);
        bake();
        assertTrue(Files.readString(out.resolve("procedures/nerve-block.html")).contains("Footer one"));

        SiteFixture.writeFile(kept.resolve("partials/footer.peb"), "<footer><p>Footer two</p></footer>\n");
        BakeResult second = bake();

        assertFalse(upToDate(second));
        assertTrue(Files.readString(out.resolve("procedures/nerve-block.html")).contains("Footer two"));
    }

    private BakeResult bake() throws IOException {
        BakeOptions options = SiteFixture.options();
        return ClinicBake.bake(site, out, options);
    }

    private static boolean upToDate(BakeResult result) {
        return result.phases().containsKey(SiteBuild.UP_TO_DATE);
    }
}
