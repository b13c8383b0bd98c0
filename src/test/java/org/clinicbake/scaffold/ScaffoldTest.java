package org.clinicbake.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.cli.Main;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code init} then {@code bake}, and {@code new article} then {@code bake}: the scaffolds bake cleanly. */
class ScaffoldTest {

    @TempDir
    Path temp;

    @Test
    void aNewSiteBakesWithoutAnyProblem() throws IOException {
        Path site = temp.resolve("my-clinic");
        StringWriter out = new StringWriter();

        int code = Main.run(new String[] {"init", site.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));
        // init dates the site today, as the bake judges today: both by the real clock.
        BakeResult result = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options().withClock(Clock.systemUTC()));

        assertEquals(0, code);
        assertTrue(out.toString().contains("Created a clinic site"), out.toString());
        // The one thing left to do before publishing it, and said where it is done.
        assertEquals(List.of("jbake.properties:3: warning[config.placeholder-host]: site.host is still https://www.example.org, "
                + "the placeholder clinicbake init wrote: canonical links, the sitemap, the feed and the structured data name that address"),
                result.diagnostics().stream().map(d -> d.format().lines().findFirst().orElseThrow()).toList());
        assertTrue(Files.exists(site.resolve("output/guides/back-pain-basics.html")));
    }

    /**
     * A health site states who pays for it and whether it advertises, how it treats its visitors' privacy, how it writes
     * and checks its articles, that they are no substitute for a doctor, and how to reach the clinic (HONcode principles
     * 3 and 6 to 8; the reference's page checklist, item 10), and says how accessible it is. A new site had the contact
     * page, the editorial policy and the disclaimer, but no privacy notice, no advertising and funding page and no
     * accessibility statement, and nothing told the clinic to write them.
     */
    @Test
    void aNewSiteHasThePolicyPagesAHealthSiteIsExpectedToHave() throws IOException {
        Path site = temp.resolve("my-clinic");
        Main.run(new String[] {"init", site.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        BakeResult result = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options().withClock(Clock.systemUTC()));
        assertTrue(result.published(), result.diagnostics().toString());

        for (String page : List.of("about", "contact", "editorial-policy", "medical-disclaimer", "privacy",
                "advertising-and-funding", "accessibility")) {
            assertTrue(Files.exists(site.resolve("output/" + page + ".html")), page + ".html");
            String footer = org.jsoup.Jsoup.parse(site.resolve("output/index.html").toFile(), "UTF-8").select("footer a").toString();
            assertTrue(footer.contains("href=\"" + page + ".html\""), "every page links to " + page + ".html: " + footer);
        }
    }

    @Test
    void initCountsEveryFileItWrites() throws IOException {
        Path site = temp.resolve("my-clinic");
        StringWriter out = new StringWriter();

        Main.run(new String[] {"init", site.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter()));

        long written;
        try (java.util.stream.Stream<Path> files = Files.walk(site)) {
            written = files.filter(Files::isRegularFile).count();
        }
        assertTrue(out.toString().contains("(" + written + " files)"), written + " files, but: " + out);
    }

    @Test
    void initIntoAFileIsAnErrorNotACrashAndItsNextStepsQuoteAFolderWithASpace() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.txt"), "mine");
        StringWriter err = new StringWriter();

        int code = Main.run(new String[] {"init", file.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertEquals(2, code);
        assertEquals(file + ": error[init.not-a-folder]: this is a file, not a folder; nothing was written", err.toString().lines().findFirst().orElseThrow());
        assertEquals("mine", Files.readString(file));

        StringWriter out = new StringWriter();
        Path spaced = temp.resolve("my clinic");
        assertEquals(0, Main.run(new String[] {"init", spaced.toString()}, new PrintWriter(out), new PrintWriter(new StringWriter())));
        assertTrue(out.toString().contains("  clinicbake bake '" + spaced + "'"), out.toString());
    }

    @Test
    void initNeverWritesIntoAFolderThatHasFiles() throws IOException {
        Path site = Files.createDirectories(temp.resolve("busy"));
        Files.writeString(site.resolve("notes.txt"), "mine");

        assertThrows(FileAlreadyExistsException.class, () -> Scaffold.init(site, SiteFixture.TODAY));
        assertEquals(List.of("notes.txt"), Files.list(site).map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void aNewArticleHasEveryAttributeAndIsADraftUntilReviewed() throws IOException {
        Path site = temp.resolve("my-clinic");
        // `new` dates the article by the real clock, so the site and the bake go by it too.
        Scaffold.init(site, Clock.systemUTC());
        StringWriter err = new StringWriter();

        int code = Main.run(new String[] {"new", "article", "Facet Joint Pain Relief", "--site", site.toString(), "--type", "therapy"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        Path article = site.resolve("content/procedures/facet-joint-pain-relief.adoc");
        BakeResult result = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options().withClock(Clock.systemUTC()));

        assertEquals(0, code, err.toString());
        String text = Files.readString(article);
        for (String attribute : List.of(":jbake-type: therapy", ":jbake-status: draft", ":med-entity-type: MedicalTherapy",
                ":med-author: alex-morgan", ":med-reviewer: sam-rivera", ":med-last-reviewed:", "[#how-performed]",
                "[bibliography]")) {
            assertTrue(text.contains(attribute), attribute);
        }
        assertFalse(result.hasErrors(), result.diagnostics().toString());
        assertTrue(result.diagnostics().stream().allMatch(d -> !d.isError()), "a draft only warns");
        assertFalse(Files.exists(site.resolve("output/procedures/facet-joint-pain-relief.html")), "drafts are not published");
    }

    @Test
    void aNewArticleCannotBePublishedBeforeItsReviewerDatesTheReview() throws IOException {
        Path site = temp.resolve("my-clinic");
        Scaffold.init(site, SiteFixture.TODAY);
        Path article = Scaffold.newArticle(site, "Neck Pain", "condition", null, null, SiteFixture.TODAY);
        Files.writeString(article, Files.readString(article).replace(":jbake-status: draft", ":jbake-status: published"));

        BakeResult result = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options());

        assertTrue(result.errors().stream().map(d -> d.format().lines().findFirst().orElseThrow()).toList()
                .contains("content/conditions/neck-pain.adoc:" + lineOf(article, ":med-last-reviewed:")
                        + ": error[medical.not-reviewed]: the page has no :med-last-reviewed: date"), result.errors().toString());
        assertFalse(result.published());
    }

    @Test
    void aNewArticleIsNotPublishedWithItsPlaceholdersLeftInAndIsOnceTheyAreReplaced() throws IOException {
        Path site = temp.resolve("my-clinic");
        Scaffold.init(site, SiteFixture.TODAY);
        Path article = Scaffold.newArticle(site, "Neck Pain", "condition", null, null, SiteFixture.TODAY);
        String reviewed = Files.readString(article).replace(":jbake-status: draft", ":jbake-status: published")
                .replace(":med-last-reviewed:\n", ":med-last-reviewed: " + SiteFixture.TODAY + "\n");
        Files.writeString(article, reviewed);

        BakeResult left = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options());

        List<String> lines = Files.readAllLines(article);
        List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(":description:") || lines.get(i).startsWith("Say the main")
                    || lines.get(i).equals("Write this section.") || lines.get(i).startsWith("* [[[source1")) {
                expected.add("content/conditions/neck-pain.adoc:" + (i + 1) + ": error[content.placeholder]");
            }
        }
        assertEquals(10, expected.size(), "a description, a summary, seven sections and a reference");
        assertEquals(expected, left.errors().stream().map(d -> d.format().lines().findFirst().orElseThrow())
                .map(line -> line.substring(0, line.indexOf(']') + 1)).toList());
        assertFalse(left.published());

        Files.writeString(article, reviewed
                .replace(":description: " + org.clinicbake.content.Placeholders.DESCRIPTION,
                        ":description: What neck pain is, what causes it, and how our clinic can help you with it.")
                .replace(org.clinicbake.content.Placeholders.SUMMARY, "Most neck pain gets better in a few weeks.")
                .replace(org.clinicbake.content.Placeholders.SECTION, "We will tell you more at your visit.")
                .replace(org.clinicbake.content.Placeholders.REFERENCE,
                        "* [[[nhs,1]]] NHS. Neck pain. 2023. https://www.nhs.uk/conditions/neck-pain/"));

        BakeResult replaced = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options());

        assertEquals(List.of(), replaced.errors(), replaced.diagnostics().toString());
        assertTrue(replaced.published());
    }

    private static int lineOf(Path file, String start) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError(start + " is not in " + file);
    }

    @Test
    void aNewArticleIsDatedAsTheSitesDateFormatSays() throws IOException {
        Path site = temp.resolve("my-clinic");
        Scaffold.init(site, SiteFixture.TODAY);
        Files.writeString(site.resolve("jbake.properties"), "date.format=dd/MM/yyyy\n", java.nio.file.StandardOpenOption.APPEND);
        try (var articles = Files.walk(site.resolve("content"))) {
            for (Path article : articles.filter(Files::isRegularFile).toList()) {
                Files.writeString(article, Files.readString(article).replace(":jbake-date: " + SiteFixture.TODAY,
                        ":jbake-date: " + SiteFixture.TODAY.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
            }
        }

        Path article = Scaffold.newArticle(site, "Neck Pain", "condition", null, null, SiteFixture.TODAY);
        BakeResult result = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options());

        assertTrue(Files.readString(article).contains(":jbake-date: "
                + SiteFixture.TODAY.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + "\n"));
        assertFalse(result.hasErrors(), result.diagnostics().toString());
    }

    @Test
    void aNewArticleIsDatedWithTheMonthNamedInTheSitesLanguageWhateverTheMachinesLocale() throws IOException {
        Path site = temp.resolve("my-clinic");
        Scaffold.init(site, SiteFixture.TODAY);
        Files.writeString(site.resolve("jbake.properties"), "date.format=d MMMM yyyy\n", java.nio.file.StandardOpenOption.APPEND);
        java.util.Locale before = java.util.Locale.getDefault();
        Path article;
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR")); // November is Kasım
            article = Scaffold.newArticle(site, "Neck Pain", "condition", null, null, SiteFixture.TODAY);
        } finally {
            java.util.Locale.setDefault(before);
        }

        assertTrue(Files.readString(article).contains(":jbake-date: 27 November 2026\n"), Files.readString(article));
    }

    @Test
    void initIntoAFolderWithFilesWritesNothingAndSaysSo() throws IOException {
        Path folder = Files.createDirectories(temp.resolve("notes"));
        Files.writeString(folder.resolve("todo.txt"), "mine");
        StringWriter err = new StringWriter();

        int code = Main.run(new String[] {"init", folder.toString()}, new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertEquals(2, code);
        assertEquals(List.of(folder + ": error[init.not-empty]: the folder is not empty; nothing was written",
                "  hint: choose a new folder, e.g. clinicbake init my-clinic"), err.toString().lines().toList());
        assertEquals(List.of(folder.resolve("todo.txt")), Files.list(folder).toList());
    }

    @Test
    void newCreatesArticlesOnlyAndSaysHow() {
        StringWriter err = new StringWriter();

        int code = Main.run(new String[] {"new", "page", "About Us", "--site", temp.toString()},
                new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertEquals(2, code);
        assertEquals(List.of("clinicbake: error[new.unknown-kind]: can only create an article, not 'page'",
                "  hint: clinicbake new article \"Title\""), err.toString().lines().toList());
    }

    @Test
    void newNeverOverwritesAnArticle() throws IOException {
        Path site = temp.resolve("my-clinic");
        Scaffold.init(site, SiteFixture.TODAY);
        Scaffold.newArticle(site, "Neck Pain", "condition", null, null, SiteFixture.TODAY);
        StringWriter err = new StringWriter();

        int code = Main.run(new String[] {"new", "article", "Neck Pain", "--site", site.toString(), "--type", "condition"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertEquals(2, code);
        assertTrue(err.toString().contains("error[new.exists]"), err.toString());
    }

    @Test
    void scaffoldsAreDatedTodayInTheSitesTimeZoneNotTheMachines() throws IOException {
        // 03:00 on 26 November in UTC is still 25 November in Los Angeles, the starter site's zone.
        Clock lateEvening = Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC);
        Path site = temp.resolve("my-clinic");
        Scaffold.init(site, lateEvening);
        assertTrue(Files.readString(site.resolve("content/about.adoc")).contains(":jbake-date: 2026-11-25"));

        Files.writeString(site.resolve("jbake.properties"), Files.readString(site.resolve("jbake.properties"))
                .replace("site.timezone=America/Los_Angeles", "site.timezone=Asia/Tokyo"));
        Path article = Scaffold.newArticle(site, "Neck Pain", "condition", null, null, lateEvening);
        assertTrue(Files.readString(article).contains(":jbake-date: 2026-11-26"), "already 26 November in Tokyo");
    }

    @Test
    void slugsAreLowerCaseAsciiWords() {
        assertEquals("epidural-steroid-injection-esi", Scaffold.slug("Epidural Steroid Injection (ESI)"));
        assertEquals("sciatica-douleur", Scaffold.slug("Sciatica: douleur!"));
        assertEquals("creme-brulee", Scaffold.slug("Crème brûlée"));
    }

    @Test
    void aLongTitleGivesAFileNameOfItsFirstWords() {
        // A 300-letter title made a file name the file system refused: an internal error.
        assertEquals("what-to-expect-before-during-and-after-an-epidural-steroid",
                Scaffold.slug("What to expect before, during and after an epidural steroid injection for back and leg pain"));
        assertEquals("x".repeat(60), Scaffold.slug("x".repeat(300)));
    }

    @Test
    void aTitleWithoutLatinLettersTakesItsFileNameFromSlug() throws IOException {
        Path site = temp.resolve("my-clinic");
        Scaffold.init(site, SiteFixture.TODAY);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int refused = Main.run(new String[] {"new", "article", "脊柱管狭窄症", "--site", site.toString()},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(2, refused);
        assertEquals("clinicbake: error[new.invalid]: the title '脊柱管狭窄症' has no letters a-z or digits to name the file after\n"
                + "  hint: name the file yourself, e.g. --slug spinal-stenosis", err.toString().strip());

        int code = Main.run(new String[] {"new", "article", "脊柱管狭窄症", "--site", site.toString(), "--slug", "spinal-stenosis"},
                new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertTrue(Files.readString(site.resolve("content/guides/spinal-stenosis.adoc")).startsWith("= 脊柱管狭窄症\n"));
    }

    @Test
    void refusesWhatWouldBreakTheArticleOrItsAddress() {
        Path site = temp.resolve("my-clinic");
        for (String[] request : List.of(new String[] {"Neck\nPain", null}, new String[] {"  ", null},
                new String[] {"Neck Pain", "Neck Pain"}, new String[] {"Neck Pain", "../escape"}, new String[] {"Neck Pain", "-"})) {
            Scaffold.InvalidRequest refused = assertThrows(Scaffold.InvalidRequest.class,
                    () -> Scaffold.newArticle(site, request[0], "condition", null, request[1], SiteFixture.TODAY));
            assertFalse(refused.hint().isBlank(), refused::getMessage);
        }
        assertThrows(Scaffold.InvalidRequest.class, () -> Scaffold.newArticle(site, "Neck Pain", "blog", null, null, SiteFixture.TODAY));
        Scaffold.InvalidRequest noSite = assertThrows(Scaffold.InvalidRequest.class,
                () -> Scaffold.newArticle(site, "Neck Pain", "condition", null, null, SiteFixture.TODAY));
        assertEquals("'" + site + "' is not a site: it has no jbake.properties", noSite.getMessage());
        assertFalse(Files.exists(site), "nothing is written for a refused request");
    }

    @Test
    void aProviderNotInProvidersYmlIsRefusedWithTheIdsThereAndNothingIsWritten() throws IOException {
        Path site = temp.resolve("my-clinic");
        Scaffold.init(site, SiteFixture.TODAY);
        StringWriter err = new StringWriter();

        int code = Main.run(new String[] {"new", "article", "Neck Pain", "--site", site.toString(), "--provider", "sam-riviera"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));

        assertEquals(2, code);
        assertEquals("clinicbake: error[new.invalid]: no provider 'sam-riviera' in data/providers.yml\n"
                + "  hint: use --provider with one of: alex-morgan, sam-rivera", err.toString().strip());
        assertFalse(Files.exists(site.resolve("content/guides/neck-pain.adoc")));
    }

    @Test
    void writesIntoTheContentFolderTheSiteNames() throws IOException {
        Path site = temp.resolve("my-clinic");
        Scaffold.init(site, SiteFixture.TODAY);
        Files.move(site.resolve("content"), site.resolve("articles"));
        Files.writeString(site.resolve("jbake.properties"), "content.folder=articles\n", java.nio.file.StandardOpenOption.APPEND);

        Path article = Scaffold.newArticle(site, "Neck Pain", "condition", null, null, SiteFixture.TODAY);

        assertEquals(site.resolve("articles/conditions/neck-pain.adoc"), article);
        assertFalse(Files.exists(site.resolve("content")));
        assertTrue(ClinicBake.bake(site, site.resolve("output"), SiteFixture.options()).diagnostics().stream().noneMatch(d -> d.isError()));
    }
}
