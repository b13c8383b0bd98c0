package org.clinicbake.build;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture plus a second article. Features tested: the cache of converted
 * articles is used when nothing an article's conversion depends on changed, and only then; what
 * the cache does not hold (templates, data, checks) is redone every time.
 */
class IncrementalBakeTest {

    private static final String SECOND = """
            -- content/procedures/second-block.adoc --
            = Second Block
            :jbake-type: therapy
            :jbake-status: published
            :jbake-date: 2026-01-12
            :description: Another nerve block: what it is, how it is done, and how it may help you.
            :med-author: ann-lee
            :med-reviewer: ben-cho
            :med-last-reviewed: 2026-02-01
            :med-entity-type: MedicalTherapy

            A second block is also a shot.

            [bibliography]
            == References

            * [[[nb,1]]] Example Health Library. Nerve blocks. 2025. https://health.example.org/nerve-blocks
            """;

    @TempDir
    Path temp;
    Path site;
    Path out;
    int bakes;

    @BeforeEach
    void writeSite() {
        site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + SECOND);
        out = temp.resolve("out");
    }

    @Test
    void aSecondBakeWithNoChangeConvertsNothing() throws IOException {
        BakeResult first = bake();
        String page = Files.readString(out.resolve("procedures/nerve-block.html"));

        BakeResult second = bake();

        assertEquals(new BakeResult.Work(2, 0), first.work());
        assertEquals(new BakeResult.Work(0, 2), second.work());
        assertEquals(page, Files.readString(out.resolve("procedures/nerve-block.html")), "same page from the cache");
    }

    @Test
    void changingOneArticleConvertsThatArticleOnly() throws IOException {
        bake();
        SiteFixture.write(site, SECOND.replace("A second block is also a shot.", "A second block is a shot too."));

        BakeResult result = bake();

        assertEquals(new BakeResult.Work(1, 1), result.work());
        assertTrue(Files.readString(out.resolve("procedures/second-block.html")).contains("A second block is a shot too."));
    }

    @Test
    void changingATemplateRendersAgainWithoutConverting() throws IOException {
        bake();
        SiteFixture.write(site, """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1><p>new template</p>{{ page.body }}
                """);

        BakeResult result = bake();

        assertEquals(new BakeResult.Work(0, 2), result.work());
        assertTrue(Files.readString(out.resolve("procedures/nerve-block.html")).contains("<p>new template</p>"));
    }

    @Test
    void changingDataShowsOnThePagesWithoutConverting() throws IOException {
        bake();
        Path providers = site.resolve("data/providers.yml");
        Files.writeString(providers, Files.readString(providers).replace("Pain Physician", "Spine Physician"));

        BakeResult result = bake();

        assertEquals(new BakeResult.Work(0, 2), result.work());
        assertTrue(Files.readString(out.resolve("procedures/nerve-block.html")).contains("Spine Physician"));
    }

    @Test
    void changingAConversionSettingConvertsEverythingAgain() throws IOException {
        bake();
        SiteFixture.write(site, """
                -- jbake.properties --
                site.host=https://clinic.example.org
                site.lang=en-GB
                """);

        assertEquals(new BakeResult.Work(2, 0), bake().work());
    }

    @Test
    void checksRunEvenWhenTheConversionIsCached() throws IOException {
        bake();
        // The review runs out between the two bakes: the cached article must still fail the rules.
        BakeResult later = ClinicBake.bake(site, out, SiteFixture.options().withClock(
                java.time.Clock.fixed(java.time.Instant.parse("2027-03-01T12:00:00Z"), java.time.ZoneOffset.UTC)));

        assertEquals(new BakeResult.Work(0, 2), later.work());
        assertEquals(List.of("medical.review-overdue", "medical.review-overdue"),
                later.diagnostics().stream().map(d -> d.code()).toList());
    }

    @Test
    void articlesWithIncludesAreAlwaysConverted() throws IOException {
        SiteFixture.write(site, """
                -- content/procedures/steps.txt --
                The doctor uses X-ray guidance.
                """);
        Path article = site.resolve("content/procedures/nerve-block.adoc");
        Files.writeString(article, Files.readString(article).replace("The doctor uses X-ray guidance.", "include::steps.txt[]"));
        bake();

        assertEquals(new BakeResult.Work(1, 1), bake().work());
    }

    @Test
    void aDamagedCacheEntryIsConvertedAgainAndReplaced() throws IOException {
        bake();
        Path pack = site.resolve(".clinicbake/cache/asciidoc/conversions.pack");
        byte[] whole = Files.readAllBytes(pack);
        // A changed letter inside the first record's text, which only its checksum can tell.
        int inside = whole.length / 4;
        whole[inside] = (byte) (whole[inside] == 'a' ? 'b' : 'a');
        Files.write(pack, whole);

        BakeResult damaged = bake();

        assertEquals(new BakeResult.Work(1, 1), damaged.work(), "the damaged entry is converted, the other reused");
        assertEquals(Files.readString(temp.resolve("out-1/procedures/second-block.html")),
                Files.readString(out.resolve("procedures/second-block.html")));
        assertEquals(Files.readString(temp.resolve("out-1/procedures/nerve-block.html")),
                Files.readString(out.resolve("procedures/nerve-block.html")));
        assertEquals(new BakeResult.Work(0, 2), bake().work(), "and replaced by a whole one");
    }

    @Test
    void anAppendCutShortKeepsTheRecordsBeforeIt() throws IOException {
        bake();
        Path pack = site.resolve(".clinicbake/cache/asciidoc/conversions.pack");
        byte[] whole = Files.readAllBytes(pack);
        Files.write(pack, java.util.Arrays.copyOf(whole, whole.length - 10));

        assertEquals(new BakeResult.Work(1, 1), bake().work(), "the cut record is converted, the whole one reused");
        assertEquals(new BakeResult.Work(0, 2), bake().work());
    }

    @Test
    void theCacheDropsWhatNoBakeUsesOnceItIsMostOfIt() throws IOException {
        bake();
        Path pack = site.resolve(".clinicbake/cache/asciidoc/conversions.pack");
        long both = Files.size(pack);
        for (int edit = 1; edit <= 6; edit++) {
            SiteFixture.write(site, SECOND.replace("A second block is also a shot.", "A second block is shot number " + edit + "."));
            assertEquals(new BakeResult.Work(1, 1), bake().work());
        }

        // Kept whole, six appended records would make it about four times the size.
        assertTrue(Files.size(pack) < 3 * both, "the records no bake uses are dropped: "
                + Files.size(pack) + " bytes against " + both + " for both articles");
        assertEquals(new BakeResult.Work(0, 2), bake().work(), "what is in use stays");
    }

    @Test
    void theCacheCanBeTurnedOff() throws IOException {
        SiteFixture.write(site, """
                -- jbake.properties --
                site.host=https://clinic.example.org
                clinicbake.cache=false
                """);
        bake();

        assertEquals(new BakeResult.Work(2, 0), bake().work());
        assertTrue(Files.notExists(site.resolve(".clinicbake/cache")));
    }

    /**
     * Bakes into a new output folder each time: these tests are about the conversion cache, which an
     * unchanged site would never reach (the whole bake is skipped as up to date, see UpToDateTest).
     */
    private BakeResult bake() throws IOException {
        out = temp.resolve("out-" + ++bakes);
        BakeResult result = ClinicBake.bake(site, out, SiteFixture.options());
        assertEquals(List.of(), result.diagnostics());
        return result;
    }
}
