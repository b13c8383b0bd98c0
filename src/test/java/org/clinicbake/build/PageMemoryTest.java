package org.clinicbake.build;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

import org.clinicbake.BakeOptions;
import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture plus a second article and a clinic page. Feature tested: a one-shot
 * bake takes the pages whose inputs did not change from the output it replaces (the same file,
 * linked) and renders the others; after every kind of edit the output and the problems are exactly
 * those of a bake into an empty folder.
 */
class PageMemoryTest {


    @TempDir
    Path temp;
    Path site;
    int freshBakes;

    @BeforeEach
    void writeSite() {
        site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + SiteFixture.SECOND_ARTICLE + SiteFixture.CLINIC_PAGE);
    }

    @Test
    void aTextEditRendersThatArticlesPageAndTakesTheOthersFromTheOutput() throws IOException {
        assertSameAsFreshBake(options());
        Object second = fileKey("procedures/second-block.html");
        Object about = fileKey("about.html");
        Object edited = fileKey("procedures/nerve-block.html");
        Object home = fileKey("index.html");
        Object sitemap = fileKey("sitemap.xml");
        edit("content/procedures/nerve-block.adoc", "The doctor uses X-ray guidance.", "The doctor uses a live X-ray.");

        assertSameAsFreshBake(options());
        assertEquals(home, fileKey("index.html"), "a site-wide page that comes out the same is the same file too");
        assertEquals(sitemap, fileKey("sitemap.xml"));
        assertEquals(second, fileKey("procedures/second-block.html"), "an unchanged article's page is the same file");
        assertEquals(about, fileKey("about.html"));
        assertNotEquals(edited, fileKey("procedures/nerve-block.html"), "the edited article's page is written anew");
        assertTrue(read("procedures/nerve-block.html").contains("a live X-ray"));
        assertTrue(read("search-index.json").contains("a live X-ray"), "the search index has the new text");
    }

    @Test
    void headerDataTemplateAndSettingEditsReachEveryPageThatShowsThem() throws IOException {
        assertSameAsFreshBake(options());

        edit("content/procedures/nerve-block.adoc", "= Nerve Block", "= Nerve Block Injection");
        assertSameAsFreshBake(options());
        assertTrue(read("archive.html").contains("Nerve Block Injection"), "the archive lists the new title");

        edit("data/providers.yml", "name: Ann Lee", "name: Ann Lee-Park");
        assertSameAsFreshBake(options());
        assertTrue(read("procedures/second-block.html").contains("Ann Lee-Park"));

        Object about = fileKey("about.html");
        write("templates/article.peb", "{% extends \"default:article.peb\" %}\n{% block title %}Edited: {{ content.title }}{% endblock %}\n");
        assertSameAsFreshBake(options());
        assertTrue(read("procedures/second-block.html").contains("Edited: Second Block"));
        assertEquals(about, fileKey("about.html"), "the clinic page does not use article.peb");

        about = fileKey("about.html");
        Files.writeString(site.resolve("jbake.properties"), "\nsite.lang=en-GB\n", java.nio.file.StandardOpenOption.APPEND);
        assertSameAsFreshBake(options());
        assertNotEquals(about, fileKey("about.html"), "a setting can show on any page");
    }

    @Test
    void aPageChangedInTheOutputByHandIsRenderedAgain() throws IOException {
        assertSameAsFreshBake(options());
        Path page = temp.resolve("out/about.html");
        Files.writeString(page, Files.readString(page).replace("We treat back and neck pain.", "Edited by hand."));
        edit("content/procedures/nerve-block.adoc", "X-ray guidance.", "X-ray guidance, as always.");

        assertSameAsFreshBake(options());
        assertFalse(read("about.html").contains("Edited by hand."));
    }

    @Test
    void addedAndDeletedArticlesAndAFailedBakeLeaveTheOutputAsAFreshBakeWould() throws IOException {
        assertSameAsFreshBake(options());
        write("content/procedures/third-block.adoc", Files.readString(site.resolve("content/procedures/second-block.adoc"))
                .replace("= Second Block", "= Third Block"));
        assertSameAsFreshBake(options());
        Files.delete(site.resolve("content/procedures/second-block.adoc"));
        assertSameAsFreshBake(options());
        assertFalse(Files.exists(temp.resolve("out/procedures/second-block.html")));

        edit("content/procedures/nerve-block.adoc", ":med-reviewer: ben-cho", ":med-reviewer: nobody");
        assertTrue(ClinicBake.bake(site, temp.resolve("out"), options()).hasErrors());
        edit("content/procedures/nerve-block.adoc", ":med-reviewer: nobody", ":med-reviewer: ben-cho");
        assertSameAsFreshBake(options());
    }

    @Test
    void withTheFastChecksTheTakenPagesAreCheckedAsBefore() throws IOException {
        BakeOptions checked = options().withOutputChecks(true);
        assertSameAsFreshBake(checked);
        // The test plugin's check (GreetingPlugin) says it checks each page alone, as the built-in ones do.
        assertTrue(Files.exists(SiteBuild.memoryFile(site.toAbsolutePath().normalize(), temp.resolve("out").toAbsolutePath().normalize(),
                "checks")), "the fast checks keep what they found");
        edit("content/procedures/nerve-block.adoc", "X-ray guidance.", "X-ray guidance, as always.");
        assertSameAsFreshBake(checked);
        edit("content/procedures/second-block.adoc", "for a while.", "for a while. link:missing.html[Read on].");
        assertFalse(assertSameAsFreshBake(checked).published(), "the link check finds the broken link");
        edit("content/procedures/second-block.adoc", " link:missing.html[Read on].", "");
        assertSameAsFreshBake(checked);
    }

    @Test
    void aSiteThatTurnsTheCacheOffKeepsNoMemoryOfPagesOrChecks() throws IOException {
        Files.writeString(site.resolve("jbake.properties"), "\nclinicbake.cache=false\n", java.nio.file.StandardOpenOption.APPEND);
        assertSameAsFreshBake(options().withOutputChecks(true));
        edit("content/procedures/nerve-block.adoc", "X-ray guidance.", "X-ray guidance, as always.");
        assertSameAsFreshBake(options().withOutputChecks(true));
        assertFalse(Files.exists(site.resolve(".clinicbake/pages")));
        assertFalse(Files.exists(site.resolve(".clinicbake/checks")));
    }

    @Test
    void withoutAMemoryAPageThatComesOutTheSameKeepsItsFileAndTime() throws IOException {
        Files.writeString(site.resolve("jbake.properties"), "\nclinicbake.cache=false\n", java.nio.file.StandardOpenOption.APPEND);
        assertSameAsFreshBake(options());
        Object about = fileKey("about.html");
        java.nio.file.attribute.FileTime aboutWritten = Files.getLastModifiedTime(temp.resolve("out/about.html"));
        Object edited = fileKey("procedures/nerve-block.html");
        Object home = fileKey("index.html");
        Object sitemap = fileKey("sitemap.xml");
        edit("content/procedures/nerve-block.adoc", "The doctor uses X-ray guidance.", "The doctor uses a live X-ray.");

        assertSameAsFreshBake(options());
        assertEquals(home, fileKey("index.html"), "a site-wide page that comes out the same is the same file too");
        assertEquals(sitemap, fileKey("sitemap.xml"));
        assertEquals(about, fileKey("about.html"), "rendered again, same bytes: the same file");
        assertEquals(aboutWritten, Files.getLastModifiedTime(temp.resolve("out/about.html")));
        assertNotEquals(edited, fileKey("procedures/nerve-block.html"));
        assertTrue(read("procedures/nerve-block.html").contains("a live X-ray"));
    }

    /** Bakes into the output, then into an empty folder, and compares every file and problem. */
    private BakeResult assertSameAsFreshBake(BakeOptions options) throws IOException {
        BakeResult remembered = ClinicBake.bake(site, temp.resolve("out"), options);
        Path freshOutput = temp.resolve("fresh-" + ++freshBakes);
        BakeResult fresh = ClinicBake.bake(site, freshOutput, options);
        assertEquals(fresh.diagnostics(), remembered.diagnostics());
        assertEquals(fresh.published(), remembered.published());
        if (fresh.published()) {
            assertEquals(files(freshOutput), files(temp.resolve("out")));
        }
        return remembered;
    }

    private static BakeOptions options() {
        return SiteFixture.options();
    }

    private Object fileKey(String page) throws IOException {
        return Files.readAttributes(temp.resolve("out").resolve(page), BasicFileAttributes.class).fileKey();
    }

    private String read(String page) throws IOException {
        return Files.readString(temp.resolve("out").resolve(page));
    }

    private void edit(String file, String from, String to) throws IOException {
        SiteFixture.edit(site, file, from, to);
    }

    private void write(String file, String text) throws IOException {
        SiteFixture.writeFile(site.resolve(file), text);
    }

    private static Map<String, String> files(Path root) throws IOException {
        return SiteFixture.files(root);
    }
}
