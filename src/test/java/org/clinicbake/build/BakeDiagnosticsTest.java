package org.clinicbake.build;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.clinicbake.testing.SiteFixture.bake;
import static org.clinicbake.testing.SiteFixture.firstLine;
import static org.clinicbake.testing.SiteFixture.firstLines;
import static org.clinicbake.testing.SiteFixture.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.diag.Diagnostic;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sites: small fixture sites, each with one kind of mistake an editor or theme developer makes.
 * Features tested: each mistake is reported once in the one diagnostic format, with file, line,
 * stable code and hint; the bake fails and the previous output is left as it was.
 */
class BakeDiagnosticsTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("a time zone that does not exist is reported at its line of jbake.properties")
    void reportsUnknownTimeZone() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("site.host=https://clinic.example.org",
                "site.host=https://clinic.example.org\nsite.timezone=Mars/Olympus_Mons"));

        assertEquals(List.of("jbake.properties:2: error[config.invalid]: site.timezone 'Mars/Olympus_Mons' is not a time zone"),
                firstLines(result));
        assertFalse(result.published());
    }

    @Test
    @DisplayName("uri.noExtension, whose NAME/index.html pages would carry links that lead nowhere, stops the bake at its line")
    void refusesPagesWithoutExtensionWhoseRelativeLinksWouldBreak() throws IOException {
        // The second block's xref is written relative to procedures/; JBake would publish the page a
        // folder deeper (procedures/second-block/index.html), so the link led to a missing page.
        String site = (MINIMAL_SITE + SiteFixture.SECOND_ARTICLE.replace("It numbs the nerve for a while.",
                "It numbs the nerve for a while, like xref:nerve-block.adoc[a nerve block]."))
                .replace("site.host=https://clinic.example.org",
                        "site.host=https://clinic.example.org\nuri.noExtension=true\nuri.noExtension.prefix=/procedures/");

        BakeResult result = bake(temp, site);

        assertEquals(List.of("jbake.properties:2: error[config.invalid]: uri.noExtension is not supported: links, the sitemap "
                + "and the feed address every page as NAME.html"), firstLines(result));
        assertFalse(result.published());
        assertFalse(Files.exists(temp.resolve("out/procedures/second-block/index.html")));
    }

    @Test
    @DisplayName("a site that never set site.host is published with a warning: its links would name this computer")
    void warnsWhenTheSiteIsPublishedAtThisComputer() throws IOException {
        BakeResult unset = bake(temp.resolve("unset"), MINIMAL_SITE.replace("site.host=https://clinic.example.org", "site.lang=en-US"));
        BakeResult local = bake(temp.resolve("local"), MINIMAL_SITE.replace("https://clinic.example.org", "http://127.0.0.1:8080"));

        assertEquals(List.of("jbake.properties: warning[config.local-host]: site.host is http://localhost: canonical links, "
                + "the sitemap, the feed and the structured data name this computer"), firstLines(unset));
        assertTrue(unset.published() && unset.pages() > 0, "a warning does not stop the bake: " + unset.pages() + " pages");
        assertEquals(unset.pages(), local.pages());
        assertEquals(List.of("jbake.properties:1: warning[config.local-host]: site.host is http://127.0.0.1:8080: canonical links, "
                + "the sitemap, the feed and the structured data name this computer"), firstLines(local));
    }

    @Test
    @DisplayName("a jbake.properties saved with a byte order mark (Notepad) is read as written")
    void readsSettingsSavedWithAByteOrderMark() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        Path settings = site.resolve("jbake.properties");
        String text = Files.readString(settings);
        assertTrue(text.startsWith("site.host=https://clinic.example.org"), text);
        Files.writeString(settings, "\uFEFF" + text.replace("\n", "\r\n"));

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertEquals(List.of(), result.diagnostics());
        assertTrue(Files.readString(temp.resolve("out/procedures/nerve-block.html"))
                .contains("<link rel=\"canonical\" href=\"https://clinic.example.org/procedures/nerve-block.html\">"));
        assertEquals("https://clinic.example.org", org.clinicbake.build.SiteConfiguration.readSiteFile(site).getProperty("site.host"));
    }

    @Test
    @DisplayName("settings the bake cannot use are all reported at their lines, and nothing is written outside the output")
    void reportsEverySettingItCannotUse() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("site.host=https://clinic.example.org",
                "site.host=not a url\nfeed.file=../escaped.xml\nrender.tags=maybe\ndate.format=yyyy-MM-dd'\ncontent.folder=/etc\njvm.locale=english please\nreadability.fail-above=ten\nsite.lang=en_US\nsite.nav=Conditions:tags/conditions.html"));

        assertEquals(List.of(
                "jbake.properties:1: error[config.invalid]: site.host 'not a url' is not a web address",
                "jbake.properties:2: error[config.invalid]: feed.file '../escaped.xml' is not a path inside the output folder",
                "jbake.properties:3: error[config.invalid]: render.tags must be true or false, not 'maybe'",
                "jbake.properties:4: error[config.invalid]: date.format 'yyyy-MM-dd'' is not a date pattern: "
                        + "Pattern ends with an incomplete string literal: yyyy-MM-dd'",
                "jbake.properties:5: error[config.invalid]: content.folder '/etc' is not a folder inside the site folder",
                "jbake.properties:6: error[config.invalid]: jvm.locale 'english please' is not a locale",
                "jbake.properties:7: error[config.invalid]: readability.fail-above must be a number, not 'ten'",
                "jbake.properties:8: error[config.invalid]: site.lang 'en_US' is not a language tag",
                "jbake.properties:9: error[config.invalid]: site.nav entry 'Conditions:tags/conditions.html' is not Label|address"),
                firstLines(result));
        assertFalse(result.published());
        assertFalse(Files.exists(temp.resolve("escaped.xml")), "JBake wrote the feed beside the output");
    }

    @Test
    @DisplayName("ClinicBake's own switches and thread count that it cannot use are reported at their lines, not used or a crash")
    void reportsClinicBakesOwnSettingsItCannotUse() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("site.host=https://clinic.example.org",
                "site.host=https://clinic.example.org\ncheck.on-bake=maybe\nclinicbake.cache=nah\nclinicbake.threads=two"));

        assertEquals(List.of(
                "jbake.properties:2: error[config.invalid]: check.on-bake must be true or false, not 'maybe'",
                "jbake.properties:3: error[config.invalid]: clinicbake.cache must be true or false, not 'nah'",
                "jbake.properties:4: error[config.invalid]: clinicbake.threads must be a whole number from 1, not 'two'"),
                firstLines(result));
        assertFalse(result.published());
    }

    @Test
    @DisplayName("check.on-bake=yes runs the fast checks and clinicbake.cache=off turns the cache off, as JBake reads its own switches")
    void readsYesAndOffAsTheSwitchCheckAcceptsThem() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "The doctor uses X-ray guidance. See link:../prices.html[our prices].") + """
                -- jbake.properties --
                site.host=https://clinic.example.org
                check.on-bake=yes
                """);
        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options().withOutputChecks(true));

        assertEquals("link.broken", single(result).code());
        assertFalse(result.published());
        assertFalse(SiteBuild.cacheEnabled("off"));
        assertFalse(SiteBuild.cacheEnabled(" No "));
        assertTrue(SiteBuild.cacheEnabled("on"));
    }

    @Test
    @DisplayName("a setting written twice (a real site.host added under init's placeholder) is reported at the second line, not read from the first")
    void reportsASettingWrittenTwice() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("site.host=https://clinic.example.org",
                "site.host=https://www.example.org\n# our address\nsite.lang = en-US\nsite.host: https://clinic.example.org"));

        // The bake reads the first line, the placeholder, and says so too.
        assertEquals(List.of("jbake.properties:1: warning[config.placeholder-host]: site.host is still https://www.example.org, "
                        + "the placeholder clinicbake init wrote: canonical links, the sitemap, the feed and the structured data name that address",
                "jbake.properties:4: error[config.repeated]: site.host is set again here, after line 1"), firstLines(result));
        String hint = result.diagnostics().get(1).hint();
        assertTrue(hint.startsWith("write site.host once: a setting takes the value of its first line"), hint);
        assertFalse(result.published());
    }

    /** Without its leading colon, or without the one that closes its name (which Asciidoctor dropped in silence). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"jbake-status: published", ":jbake-status published"})
    @DisplayName("a header line that is no attribute entry is reported at its line, not lost in silence")
    void reportsMalformedHeaderLine(String written) throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace(":jbake-status: published", written));

        assertEquals(List.of("content/procedures/nerve-block.adoc:3: error[header.malformed]: "
                + "header line is not an attribute entry: '" + written + "'"), firstLines(result));
    }

    @Test
    @DisplayName("an attribute given twice in a header is reported at the second, naming the first, not silently resolved")
    void reportsAnAttributeGivenTwice() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace(":med-last-reviewed: 2026-02-01",
                ":med-last-reviewed: 2026-02-01\n:jbake-status: draft"));

        // The page quietly became a draft: nothing said why it was gone from the site.
        assertEquals(List.of("content/procedures/nerve-block.adoc:10: error[header.repeated]: "
                + "':jbake-status:' is given twice in the header, on line 3 and here"), firstLines(result));
    }

    @Test
    @DisplayName("a blank line inside a header is reported there, not as every attribute below it missing")
    void reportsABlankLineThatEndsTheHeaderEarly() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace(":med-author: ann-lee", "\n:med-author: ann-lee"));

        // It was "the page has no author" and the like, at line 1, while the lines were there below the blank one.
        assertEquals(List.of("content/procedures/nerve-block.adoc:7: error[header.blank-line]: this blank line ends the header, "
                + "so the attribute entries below it are not read as the page's"), firstLines(result));
        assertFalse(result.published());
    }

    @Test
    @DisplayName("text right under the header's attribute entries is reported there, not dropped from the page in silence")
    void reportsTextWithNoBlankLineBelowTheHeader() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace(":med-entity-type: MedicalTherapy\n\n",
                ":med-entity-type: MedicalTherapy\n// A comment belongs to the header.\n"));

        // AsciiDoc took the first two lines of text for an author and a revision line; the page lost them without a word.
        assertEquals(List.of("content/procedures/nerve-block.adoc:12: error[header.no-blank-line]: this text follows the "
                + "header's attribute entries with no blank line between, so AsciiDoc reads it as part of the header and it "
                + "does not show on the page"), firstLines(result));
    }

    @Test
    @DisplayName("an author and a revision line right under the title, as JBake's examples write them, are no text in the header")
    void readsAuthorAndRevisionLinesUnderTheTitleAsTheHeaders() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("= Nerve Block\n", "= Nerve Block\nAnn Lee\nv1.0, 2026-01-10\n"));

        assertEquals(List.of(), firstLines(result));
    }

    @Test
    @DisplayName("two profile pages of one provider in different folders are an error naming both files, not one silently winning")
    void reportsTwoProfilesOfOneProvider() throws IOException {
        String profile = "= Dr. Ann Lee\n:jbake-type: provider\n:jbake-status: published\n"
                + ":jbake-date: 2026-01-05\n:description: Dr. Ann Lee treats back pain.\n\nDr. Lee treats back pain.\n";
        BakeResult result = bake(temp, MINIMAL_SITE + "-- content/providers/ann-lee.adoc --\n" + profile
                + "-- content/team/ann-lee.adoc --\n" + profile);

        Diagnostic only = single(result);
        assertEquals("content/team/ann-lee.adoc:2: error[content.duplicate-profile]: this page and content/providers/ann-lee.adoc "
                + "are both the profile of provider 'ann-lee', and bylines can link to one only", firstLine(only));
        assertEquals("keep one profile per provider: delete one of the two files, or merge them", only.hint());
        assertFalse(result.published());
    }

    @Test
    @DisplayName("providers.yml that is not YAML is the one error, not every byline and profile of the site as an unknown provider")
    void reportsUnreadableProvidersOnceAtTheirLine() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("  name: Ben Cho", "  name: Ben Cho: PT")
                + "-- content/providers/ann-lee.adoc --\n= Dr. Ann Lee\n:jbake-type: provider\n:jbake-status: published\n"
                + ":jbake-date: 2026-01-05\n:description: Dr. Ann Lee treats back pain.\n\nDr. Lee treats back pain.\n");

        assertEquals(List.of("data/providers.yml:7: error[data.invalid-yaml]: invalid YAML: mapping values are not allowed here"),
                firstLines(result));
        assertFalse(result.published());
    }

    @Test
    @DisplayName("a title line with no title is reported as such, not as every attribute under it missing")
    void reportsAnEmptyTitleLine() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("= Nerve Block\n", "= \n"));

        Diagnostic only = single(result);
        assertEquals("content/procedures/nerve-block.adoc:1: error[header.missing-title]: the document has no title line", firstLine(only));
    }

    @Test
    void reportsUnknownPageTypeWithTheTypesThatExist() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace(":jbake-type: therapy", ":jbake-type: therapie"));

        Diagnostic only = single(result);
        assertEquals("content/procedures/nerve-block.adoc:2: error[header.unknown-type]: unknown page type 'therapie'",
                firstLine(only));
        assertEquals("use one of: article, condition, page, post, procedure, provider, therapy", only.hint());
    }

    @Test
    @DisplayName("a topic that would put its page outside tags/ is an error, and nothing is written outside the output")
    void reportsTopicThatIsNoFileName() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace(":jbake-tags: procedures",
                ":jbake-tags: procedures, ../../escaped, x?y"));

        assertEquals(List.of(
                "content/procedures/nerve-block.adoc:5: error[header.invalid-tag]: topic '../../escaped' cannot be the name of its page (tags/<topic>.html)",
                "content/procedures/nerve-block.adoc:5: error[header.invalid-tag]: topic 'x?y' cannot be the name of its page (tags/<topic>.html)"),
                firstLines(result));
        assertEquals("write a topic as words of letters and digits joined by hyphens, e.g. back-pain, at most 80 characters",
                result.diagnostics().get(0).hint());
        assertFalse(result.published());
        assertFalse(Files.exists(temp.resolve("escaped.html")), "JBake wrote tags/../../escaped.html beside the output");
    }

    @Test
    @DisplayName("a topic too long for a file name is an error, not a failed write")
    void reportsTopicTooLongForAFileName() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace(":jbake-tags: procedures", ":jbake-tags: " + "x".repeat(300)));

        assertEquals(List.of("content/procedures/nerve-block.adoc:5: error[header.invalid-tag]: topic '" + "x".repeat(80)
                + "...' cannot be the name of its page (tags/<topic>.html)"), firstLines(result));
    }

    @Test
    @DisplayName("with tag.sanitize (the default) a topic written with spaces is the hyphenated one")
    void hyphenatesTheSpacesOfATopic() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace(":jbake-tags: procedures",
                ":jbake-tags: procedures, nerve pain"));

        assertTrue(result.published(), () -> firstLines(result).toString());
        assertTrue(Files.isRegularFile(temp.resolve("out/tags/nerve-pain.html")));
        assertTrue(Files.readString(temp.resolve("out/procedures/nerve-block.html")).contains("tags/nerve-pain.html"));
    }

    @Test
    void reportsInvalidDate() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace(":jbake-date: 2026-01-10", ":jbake-date: 2026-02-30"));

        assertEquals(List.of("content/procedures/nerve-block.adoc:4: error[header.invalid-date]: "
                + "'2026-02-30' is not a date like 2026-01-31"), firstLines(result));
    }

    @Test
    void aDateWithAMonthNameIsReadInTheSitesLanguageWhateverTheMachinesLocale() throws IOException {
        String site = MINIMAL_SITE
                .replace("site.host=https://clinic.example.org", "site.host=https://clinic.example.org\ndate.format=d MMMM yyyy")
                .replace(":jbake-date: 2026-01-10", ":jbake-date: 10 January 2026");
        java.util.Locale before = java.util.Locale.getDefault();
        BakeResult result;
        BakeResult misspelt;
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR")); // January is Ocak
            result = bake(temp.resolve("english"), site);
            misspelt = bake(temp.resolve("misspelt"), site.replace("10 January 2026", "10 Janury 2026"));
        } finally {
            java.util.Locale.setDefault(before);
        }

        assertEquals(List.of(), result.diagnostics());
        assertTrue(result.published());
        assertEquals(List.of("content/procedures/nerve-block.adoc:4: error[header.invalid-date]: "
                + "'10 Janury 2026' is not a date like 31 January 2026"), firstLines(misspelt));
    }

    @Test
    void aFileWhoseNameIsNotInTheCharsetOfFileNamesIsReportedNotDroppedInSilence() throws Exception {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        // Java writes no such name: Latin-1's \341 (a with an acute accent) is no UTF-8, as an old zip leaves it.
        Process copy = new ProcessBuilder("sh", "-c", "cp \"$1\" \"$(printf \"$2\")\" && cp \"$1\" \"$(printf \"$3\")\"", "sh",
                site.resolve("content/procedures/nerve-block.adoc").toString(), site.resolve("content/procedures") + "/Ci\\341tica.adoc",
                Files.createDirectories(site.resolve("assets")) + "/logo-\\351.svg").redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(copy.waitFor() == 0, "this file system takes no such name");
        org.junit.jupiter.api.Assumptions.assumeTrue("UTF-8".equals(System.getProperty("sun.jnu.encoding")), "file names are read as UTF-8");

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertFalse(result.published());
        assertEquals(List.of("assets/logo-\uFFFD.svg: error[asset.unreadable]: the file name cannot be read as UTF-8, the character set"
                        + " this computer reads file names in, so the file cannot be published",
                "content/procedures/Ci\uFFFDtica.adoc: error[content.file-name]: the file name cannot be read as UTF-8, the character set"
                        + " this computer reads file names in, so the file cannot be published"), firstLines(result));
    }

    @Test
    void reportsAuthorWhoIsNotAProvider() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace(":med-reviewer: ben-cho", ":med-reviewer: ben-ch"));

        Diagnostic only = single(result);
        assertEquals("content/procedures/nerve-block.adoc:8: error[header.unknown-provider]: "
                + "no provider 'ben-ch' in data/providers.yml", firstLine(only));
        assertEquals("use one of: ann-lee, ben-cho", only.hint());
    }

    @Test
    void reportsAProfilePageNamedForNoProvider() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE + """
                -- content/providers/ann-le.adoc --
                = Dr. Ann Lee, MD
                :jbake-type: provider
                :jbake-status: published
                :jbake-date: 2026-01-05

                Dr. Lee treats back pain.
                """);

        Diagnostic only = single(result);
        assertEquals("content/providers/ann-le.adoc:2: error[header.unknown-provider]: this profile page is named 'ann-le', "
                + "and data/providers.yml has no provider 'ann-le'", firstLine(only));
        assertEquals("name the file after the provider's id, one of: ann-lee, ben-cho", only.hint());
    }

    @Test
    void reportsMissingTemplate() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE + """
                -- jbake.properties --
                site.host=https://clinic.example.org
                template.therapy.file=procedure-page.peb
                """);

        assertEquals(List.of("templates/procedure-page.peb: error[template.missing]: "
                + "template 'procedure-page.peb' does not exist"), firstLines(result));
    }

    @Test
    void reportsTemplateSyntaxErrorAtItsLine() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE + """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                {% if page.description %}
                <p>{{ page.description }}</p>
                """);

        // Pebble says so at the template's last line; the tag to close is the {% if %} two lines up.
        assertEquals(List.of("templates/article.peb:2: error[template.syntax]: this {% if %} has no {% endif %}: "
                + "Unexpected end of template. Pebble was looking for the \"endif\" tag"), firstLines(result));
    }

    @Test
    void reportsTheBlockLeftOpenAmongNestedOnes() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE + """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                {% if page.tags is not empty %}
                {% for tag in page.tags %}
                {% if tag.uri is not null %}
                <a href="{{ tag.uri }}">{{ tag.label }}</a>
                {% endif %}
                {% endfor %}
                """);

        assertEquals(List.of("templates/article.peb:2: error[template.syntax]: this {% if %} has no {% endif %}: "
                + "Unexpected end of template. Pebble was looking for the \"endif\" tag"), firstLines(result));
    }

    @Test
    void reportsAnUnclosedTemplateTagAtTheLineThatOpensIt() throws IOException {
        // Pebble reads on past a tag left without its %}, and stops lines later, at whatever it cannot
        // read as an expression (here the & of &copy;): the editor was sent to a line with nothing wrong.
        BakeResult result = bake(temp, MINIMAL_SITE + """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                {% if page.description is not null
                <p><a href="{{ page.uri }}">{{ page.description }}</a></p>
                {% endif %}
                <p>Seabright Clinic</p>
                <p>&copy; 2026</p>
                """);

        assertEquals(List.of("templates/article.peb:2: error[template.syntax]: "
                + "this tag has no closing %} or }}, so Pebble read on to line 6: Unexpected character [&]"), firstLines(result));
    }

    @Test
    void reportsUnknownTemplateVariableAtItsLine() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE + """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1>
                <p>{{ page.subtitle }}</p>
                """);


        assertEquals(List.of("templates/article.peb:2: error[template.undefined-variable]: "
                + "'subtitle' does not exist on the value it is read from"), firstLines(result));
    }

    @Test
    void reportsUnknownTopLevelTemplateVariable() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE + """
                -- templates/article.peb --
                <h1>{{ pgae.title }}</h1>
                """);

        assertEquals(List.of("templates/article.peb:1: error[template.undefined-variable]: "
                + "variable 'pgae' does not exist"), firstLines(result));
    }

    @Test
    void reportsCrossReferenceToAMissingArticle() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "The doctor uses X-ray guidance.\nSee xref:../conditions/sciatic.adoc[sciatica]."));

        assertEquals(List.of("content/procedures/nerve-block.adoc:18: error[xref.missing-target]: "
                + "cross reference to '../conditions/sciatic.adoc', which does not exist"), firstLines(result));
    }

    @Test
    @DisplayName("a published page's cross reference to a draft is reported at its line, before anything is rendered")
    void reportsCrossReferenceToADraft() throws IOException {
        String linked = MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "The doctor uses X-ray guidance.\nSee xref:second-block.adoc[the second block].") + SiteFixture.SECOND_ARTICLE;
        String draft = linked.replace(
                "= Second Block\n:jbake-type: therapy\n:jbake-status: published", "= Second Block\n:jbake-type: therapy\n:jbake-status: draft");

        BakeResult result = bake(temp, draft);

        assertEquals(List.of("content/procedures/nerve-block.adoc:18: error[xref.unpublished-target]: "
                + "cross reference to 'second-block.adoc', which is not published (status: draft)"), firstLines(result));
        // The preview publishes drafts: there the same reference is a working link, and the editor is warned of the bake.
        BakeResult preview = ClinicBake.bake(temp.resolve("site"), temp.resolve("preview"),
                new org.clinicbake.BakeOptions(true, SiteFixture.options().clock(), null, false));
        assertEquals(List.of("content/procedures/nerve-block.adoc:18: warning[xref.unpublished-target]: cross reference to "
                        + "'second-block.adoc', which is not published (status: draft); the preview shows it, a bake will fail on it"),
                preview.diagnostics().stream().map(SiteFixture::firstLine).toList());
    }

    @Test
    @DisplayName("a draft named in :med-related: of a published page is reported at that line, as an xref to it is")
    void reportsARelatedPageThatIsADraft() throws IOException {
        String site = MINIMAL_SITE.replace("= Nerve Block\n:jbake-type: therapy\n:jbake-status: published",
                "= Nerve Block\n:jbake-type: therapy\n:jbake-status: draft") + SiteFixture.SECOND_ARTICLE;

        Diagnostic only = single(bake(temp, site));

        assertEquals("content/procedures/second-block.adoc:11: error[header.unpublished-related]: related page 'nerve-block' "
                + "(content/procedures/nerve-block.adoc) is not published (status: draft), so this page would not link to it",
                firstLine(only));
        assertEquals("publish it (:jbake-status: published), or take it out of :med-related: until it is", only.hint());
        // The preview publishes drafts: there the related link is on the page, and the editor is warned of the bake.
        BakeResult preview = ClinicBake.bake(temp.resolve("site"), temp.resolve("preview"),
                new org.clinicbake.BakeOptions(true, SiteFixture.options().clock(), null, false));
        assertEquals(List.of("content/procedures/second-block.adoc:11: warning[header.unpublished-related]: related page 'nerve-block' "
                        + "(content/procedures/nerve-block.adoc) is not published (status: draft), so this page would not link to it; "
                        + "the preview shows it, a bake will fail on it"),
                preview.diagnostics().stream().map(SiteFixture::firstLine).toList());
    }

    @Test
    @DisplayName("a cross reference to an id the other article does not have is reported at its line, not at the page's HTML")
    void reportsCrossReferenceToAMissingSectionOfAnotherArticle() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "The doctor uses X-ray guidance.\nSee xref:second-block.adoc#risks[its risks]."
                        + "\nSee xref:second-block.adoc#_references[its sources].") + SiteFixture.SECOND_ARTICLE);

        Diagnostic only = single(result);
        assertEquals("content/procedures/nerve-block.adoc:18: error[xref.unknown-anchor]: "
                + "cross reference to 'second-block.adoc#risks', but second-block.adoc has no id 'risks'", firstLine(only));
        assertEquals("use an id of that page's sections, or give the section the id with [#risks] above its heading", only.hint());
    }

    @Test
    @DisplayName("a topic two articles spell with different case is reported at the tags line, not as two output files")
    void reportsATopicSpelledInAnotherCaseAtItsArticle() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE + SiteFixture.SECOND_ARTICLE.replace(":jbake-tags: procedures", ":jbake-tags: Procedures"));

        Diagnostic only = single(result);
        assertEquals("content/procedures/second-block.adoc:5: error[header.topic-case]: topic 'Procedures' differs only by case "
                + "from 'procedures' (content/procedures/nerve-block.adoc), so their two topic pages collide on case-insensitive hosts",
                firstLine(only));
        assertEquals("write the topic the same way in every article, e.g. procedures", only.hint());
    }

    @Test
    @DisplayName("a cross reference to a page scheduled for a later day says that day, and to wait, not to publish it now")
    void reportsCrossReferenceToAScheduledPageWithItsDay() throws IOException {
        String linked = MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "The doctor uses X-ray guidance.\nSee xref:second-block.adoc[the second block].") + SiteFixture.SECOND_ARTICLE;
        String later = SiteFixture.TODAY.plusDays(30).toString();
        String scheduled = linked.replace("= Second Block\n:jbake-type: therapy\n:jbake-status: published\n:jbake-date: 2026-01-12",
                "= Second Block\n:jbake-type: therapy\n:jbake-status: published-date\n:jbake-date: " + later);

        Diagnostic only = single(bake(temp, scheduled));

        assertEquals("content/procedures/nerve-block.adoc:18: error[xref.unpublished-target]: cross reference to 'second-block.adoc', "
                + "which is not published (status: published-date, from " + later + ")", firstLine(only));
        assertEquals("take the link out until that day, or schedule this page for it too (:jbake-status: published-date)", only.hint());
    }

    /**
     * A name the page's address is made of: a file or folder name a web address must escape (the
     * sitemap listed "Back Pain/nerve-block.html" with its space), or an upper-case extension, which
     * JBake does not read as an article and copied into the output as AsciiDoc source.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("namesNoAddressCanHave")
    @DisplayName("an article whose file or folder name cannot be its address is reported at the file, and nothing is published")
    void reportsANameThatCannotBeThePagesAddress(String file, String message, String hint) throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("-- content/procedures/nerve-block.adoc --", "-- content/" + file + " --"));

        Diagnostic only = single(result);
        assertEquals("content/" + file + ": error[content.file-name]: " + message, firstLine(only));
        assertEquals(hint, only.hint());
        assertFalse(result.published());
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> namesNoAddressCanHave() {
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("procedures/Nerve Blöck.adoc",
                        "the file name 'Nerve Blöck.adoc' is the page's address, and it has characters a web address must escape",
                        "rename the file with letters a-z, digits and hyphens, e.g. nerve-block.adoc"),
                org.junit.jupiter.params.provider.Arguments.of("Back Pain/nerve-block.adoc",
                        "the folder name 'Back Pain' is part of the page's address, and it has characters a web address must escape",
                        "rename the folder with letters a-z, digits and hyphens, e.g. back-pain"),
                org.junit.jupiter.params.provider.Arguments.of("procedures/nerve-block.ADOC",
                        "the file ends in .ADOC, which is not read as an article, so its source would be published as it is",
                        "write the extension in lower case: nerve-block.adoc"));
    }

    @Test
    void reportsCrossReferenceToAMissingSection() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "The doctor uses X-ray guidance.\nSee <<risk-list>>."));

        assertEquals(List.of("content/procedures/nerve-block.adoc:18: error[xref.unknown-anchor]: "
                + "cross reference to 'risk-list', which is not an id in this document"), firstLines(result));
    }

    @Test
    @DisplayName("a reference to an attribute the header does not define is reported at the line that spells it")
    void reportsReferenceToAMissingAttributeAtItsLine() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "The doctor uses X-ray guidance.\nIt takes {minutes} minutes."));

        Diagnostic only = single(result);
        assertEquals("content/procedures/nerve-block.adoc:18: error[asciidoc.missing-attribute]: "
                + "skipping reference to missing attribute: minutes", firstLine(only));
        assertEquals("define the attribute in the header (:minutes: value) or escape the braces with \\{minutes}", only.hint());
    }

    @Test
    @DisplayName("a cross reference to an article without .adoc is told to name the file, not to make an id of a path")
    void reportsCrossReferenceToAnArticleWithoutItsExtension() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "The doctor uses X-ray guidance.\nSee xref:second-block[the second block].") + SiteFixture.SECOND_ARTICLE);

        Diagnostic only = single(result);
        assertEquals("content/procedures/nerve-block.adoc:18: error[xref.unknown-anchor]: "
                + "cross reference to 'second-block', which is not an id in this document", firstLine(only));
        assertEquals("to link to the article, name its file with .adoc: xref:second-block.adoc[...]", only.hint());
    }

    @Test
    @DisplayName("An article or an asset that cannot be read is an error at its path, and nothing is published")
    void reportsArticlesAndAssetsThatCannotBeRead() throws IOException {
        // Root reads any file whatever its permissions (the tests run as root in CI); reading Linux's
        // /proc/self/mem from its start fails for everyone, so links to it are files that cannot be read.
        Path unreadable = Path.of("/proc/self/mem");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(unreadable), "needs Linux's /proc");
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        Files.createSymbolicLink(site.resolve("content/procedures/records.adoc"), unreadable);
        Files.createSymbolicLink(Files.createDirectories(site.resolve("assets")).resolve("records.pdf"), unreadable);

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertFalse(result.published());
        assertEquals(List.of("assets/records.pdf: error[asset.unreadable]", "content/procedures/records.adoc: error[content.unreadable]"),
                result.diagnostics().stream().map(d -> d.path() + ": error[" + d.code() + "]").sorted().toList());
        assertTrue(firstLines(result).contains("content/procedures/records.adoc: error[content.unreadable]: cannot read the file: "
                + "Input/output error"), firstLines(result)::toString);
    }

    @Test
    void reportsMissingIncludeFile() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "include::partials/steps.adoc[]"));

        Diagnostic only = single(result);
        assertEquals("asciidoc.include", only.code());
        assertEquals("content/procedures/nerve-block.adoc", only.path());
        assertEquals(17, only.line());
    }

    @Test
    @DisplayName("SAFE mode: an include cannot read a file outside the article's folder")
    void refusesIncludesOutsideTheSite() throws IOException {
        Path secret = Files.writeString(temp.resolve("secret.txt"), "PATIENT RECORDS");
        BakeResult result = bake(temp, MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "include::" + secret.toAbsolutePath() + "[]"));

        assertFalse(result.published());
        assertFalse(result.diagnostics().isEmpty());
        assertTrue(result.diagnostics().stream().allMatch(d -> d.code().equals("asciidoc.include")), result.diagnostics()::toString);
    }

    @Test
    void reportsAnIncludeThatClimbsOutOfTheArticlesFolderOnceAtItsLine() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "include::../shared/emergency.txt[]") + """
                -- content/shared/.jbakeignore --
                -- content/shared/emergency.txt --
                In an emergency, call 911.
                """);

        // Asciidoctor says this one twice, first with no line ("illegal reference to ancestor of jail;
        // recovering automatically"), then as a file not found inside the folder.
        assertEquals(List.of("content/procedures/nerve-block.adoc:17: error[asciidoc.include]: the include reaches outside the"
                + " article's folder, which AsciiDoc's SAFE mode does not read"), firstLines(result));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/partials/steps.adoc", "../partials/steps.adoc"})
    @DisplayName("SAFE mode: an include named outside the folder but found inside it is an error, not a page lost in silence")
    void reportsAnIncludeThatSafeModeReadFromInsideTheFolderInstead(String named) throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("The doctor uses X-ray guidance.", "include::" + named + "[]") + """
                -- content/procedures/partials/.jbakeignore --
                -- content/procedures/partials/steps.adoc --
                Bring a list of your medicines.
                """);

        assertFalse(result.published());
        assertEquals(List.of("content/procedures/nerve-block.adoc:17: error[asciidoc.include]: the include names a file outside"
                + " the article's folder (a path that starts with / or ../); AsciiDoc's SAFE mode read a file of that name inside"
                + " the folder instead"), firstLines(result));
    }

    @Test
    @DisplayName("SAFE mode: an include through a link to a folder outside the article's folder reads nothing there")
    void refusesIncludesThroughALinkToAFolderOutside() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("home"));
        Files.writeString(outside.resolve("secret.txt"), "PATIENT RECORDS");
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "include::home/secret.txt[]"));
        Files.createSymbolicLink(site.resolve("content/procedures/home"), outside);

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertFalse(result.published());
        assertTrue(firstLines(result).contains("content/procedures/nerve-block.adoc:17: error[asciidoc.include]: the include"
                + " reaches outside the article's folder, which AsciiDoc's SAFE mode does not read"), firstLines(result)::toString);
    }

    @Test
    @DisplayName("SAFE mode: an image embedded as a data: address (:data-uri:) is not read through a link to a folder outside")
    void refusesImagesEmbeddedThroughALinkToAFolderOutside() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("home"));
        Files.writeString(outside.resolve("secret.png"), "PATIENT RECORDS");
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE
                .replace(":med-entity-type: MedicalTherapy", ":med-entity-type: MedicalTherapy\n:data-uri:")
                .replace("The doctor uses X-ray guidance.", "image::home/secret.png[A diagram]"));
        Files.createSymbolicLink(site.resolve("content/procedures/home"), outside);

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertFalse(result.published());
        assertFalse(Files.exists(temp.resolve("out/procedures/nerve-block.html")));
    }

    @Test
    void reportsBrokenYamlInDataFiles() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE + """
                -- data/clinic.yml --
                name: Test Clinic
                address:
                  street: 1 Main St
                 locality: Springfield
                """);

        assertEquals("data.invalid-yaml", single(result).code());
        assertEquals("data/clinic.yml", single(result).path());
    }

    @Test
    @DisplayName("a data file value YAML parses but cannot build (!!binary that is not base64) is a data error, not a crash")
    void reportsDataFileValueThatCannotBeBuilt() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE + """
                -- data/faq.yml --
                photo: !!binary not-base64
                """);

        assertEquals(List.of("data/faq.yml: error[data.invalid]: cannot build a value of the data file: Illegal base64 character 2d"),
                firstLines(result));
    }

    @Test
    @DisplayName("with check.on-bake=true the bake runs the fast output checks: a link to a missing page fails it")
    void aBrokenLinkInTheOutputFailsTheBake() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "The doctor uses X-ray guidance. See link:../prices.html[our prices].") + """
                -- jbake.properties --
                site.host=https://clinic.example.org
                check.on-bake=true
                -- content/contact.adoc --
                = Contact Us
                :jbake-type: page
                :jbake-status: published
                :jbake-date: 2026-01-01

                Call us.
                """);
        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options().withOutputChecks(true));

        // Found in the baked HTML, reported at the line of the article that wrote the link.
        Diagnostic only = single(result);
        assertEquals("link.broken", only.code());
        assertEquals("content/procedures/nerve-block.adoc:17", only.path() + ":" + only.line());
        assertTrue(only.message().matches("link '\\.\\./prices\\.html' points to 'prices\\.html', which is not in the output "
                + "\\(on procedures/nerve-block\\.html:\\d+\\)"), only.message());
        assertFalse(result.published());
    }

    @Test
    @DisplayName("a video embedded with video::ID[youtube] is a third-party request reported at the macro's line")
    void aThirdPartyVideoIsReportedAtTheMacrosLine() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "The doctor uses X-ray guidance.\n\nvideo::dQw4w9WgXcQ[youtube]"));
        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options().withOutputChecks(true));

        Diagnostic only = single(result);
        assertEquals("privacy.third-party", only.code());
        assertEquals("content/procedures/nerve-block.adoc:19", only.path() + ":" + only.line());
        assertFalse(result.published());
    }

    @Test
    void reportsEveryProblemOfTheSiteInOneRun() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE + """
                -- content/broken-type.adoc --
                = Broken
                :jbake-type: blog
                :jbake-status: published
                :jbake-date: 2026-01-01

                Text.
                -- content/broken-date.adoc --
                = Broken
                :jbake-type: page
                :jbake-status: published
                :jbake-date: yesterday

                Text.
                """);

        assertEquals(List.of("header.invalid-date", "header.unknown-type"),
                result.diagnostics().stream().map(Diagnostic::code).toList());
    }

    @Test
    @DisplayName("an output folder that cannot be created is a diagnostic, not an internal error")
    void reportsOutputFolderItCannotCreate() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        Files.writeString(temp.resolve("a-file"), "not a folder");

        BakeResult result = ClinicBake.bake(site, temp.resolve("a-file/out"), SiteFixture.options());

        Diagnostic only = single(result);
        assertEquals("output.unwritable", only.code());
        assertEquals("cannot create a folder beside the output folder: a file is in the way (" + temp.resolve("a-file") + ")", only.message());
        assertFalse(result.published());
    }

    @Test
    @DisplayName("the published folder has the permissions of any new folder, so a web server can read it")
    void publishesAFolderOthersCanRead() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        Path plain = Files.createDirectory(temp.resolve("plain"));

        assertTrue(ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options()).published());

        // The staging folder swapped in used to come from createTempDirectory: rwx------ whatever the umask.
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(temp.resolve("out")));
    }

    @Test
    void leavesThePreviousOutputUntouchedWhenABakeFails() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        Path out = temp.resolve("out");
        assertTrue(ClinicBake.bake(site, out, SiteFixture.options()).published());
        String before = Files.readString(out.resolve("procedures/nerve-block.html"));

        SiteFixture.write(site, """
                -- content/procedures/nerve-block.adoc --
                = Nerve Block
                :jbake-type: nonsense
                """);
        BakeResult failed = ClinicBake.bake(site, out, SiteFixture.options());

        assertFalse(failed.published());
        assertEquals(before, Files.readString(out.resolve("procedures/nerve-block.html")));
        try (var siblings = Files.list(temp)) {
            assertEquals(List.of(), siblings.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith(".out")).toList(), "no staging folder is left behind");
        }
    }

    @Test
    void refusesAnOutputThatIsAFileSayingSo() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        Path file = Files.writeString(temp.resolve("notes.txt"), "keep me");

        BakeResult result = ClinicBake.bake(site, file, SiteFixture.options());

        Diagnostic only = single(result);
        assertEquals(file + ": error[output.not-generated]: the output is a file, not a folder; it will not be replaced", firstLine(only));
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void refusesToReplaceAFolderClinicBakeDidNotWrite() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        Path notOurs = Files.createDirectories(temp.resolve("documents"));
        Files.writeString(notOurs.resolve("letter.txt"), "keep me");

        BakeResult result = ClinicBake.bake(site, notOurs, SiteFixture.options());

        assertEquals("output.not-generated", single(result).code());
        assertEquals("keep me", Files.readString(notOurs.resolve("letter.txt")));
    }

    @Test
    @DisplayName("an output folder inside a folder the bake reads is refused, for the folders the settings name too")
    void refusesAnOutputInsideTheSourceFoldersTheSiteNames() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE.replace("content/procedures/", "articles/procedures/")
                .replace("site.host=https://clinic.example.org", "site.host=https://clinic.example.org\ncontent.folder=articles"));

        for (String inside : List.of("articles/out", "themes/out", "content/out")) {
            BakeResult result = ClinicBake.bake(site, site.resolve(inside), SiteFixture.options());

            assertEquals("output.inside-sources", single(result).code(), inside);
            assertFalse(Files.exists(site.resolve(inside)), inside);
        }
    }

    @Test
    @DisplayName("an output folder that holds the site is refused before anything is written, naming a folder to use")
    void refusesAnOutputThatHoldsTheSite() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);

        BakeResult result = ClinicBake.bake(site, temp, SiteFixture.options());

        assertEquals(List.of(temp + ": error[output.contains-site]: the output folder contains the site itself",
                "  hint: choose an output folder such as " + site.resolve("output")),
                result.diagnostics().stream().map(Diagnostic::format).flatMap(String::lines).toList());
        assertEquals(List.of("site"), Files.list(temp).map(path -> path.getFileName().toString()).toList());
    }

    @Test
    @DisplayName("a page a template rendered as nothing is the output.empty-page that clinicbake check reports, with its hint")
    void anEmptyRenderedPageHasTheCodeTheCheckGivesIt() throws IOException {
        Path staging = Files.createDirectories(temp.resolve("staging"));
        Files.writeString(staging.resolve("about.html"), "");
        Files.writeString(staging.resolve("feed.xml"), "");
        org.clinicbake.diag.Diagnostics diagnostics = new org.clinicbake.diag.Diagnostics();

        SiteBuild.reportEmptyPages(staging, java.util.Set.of("about.html", "feed.xml"), diagnostics);

        // It was render.empty-page, "check the template that renders this page": two codes for one problem.
        assertEquals(List.of("about.html: error[output.empty-page]: page is an empty file",
                        "  hint: a template or the source produced nothing; check the page's source and its template, then bake again"),
                diagnostics.all().stream().map(Diagnostic::format).flatMap(String::lines).toList());
    }
}
