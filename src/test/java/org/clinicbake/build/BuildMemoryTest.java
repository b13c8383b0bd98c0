package org.clinicbake.build;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.clinicbake.BakeOptions;
import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture plus a second article that lists the first as related, and a draft.
 * Feature tested: the preview's memory (parse only changed files, render only changed pages, carry
 * the rest over) gives, after every kind of edit, exactly the output and the problems of a bake
 * that starts from nothing.
 */
class BuildMemoryTest {


    @TempDir
    Path temp;
    Path site;
    BuildMemory memory;

    @BeforeEach
    void writeSite() {
        site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + SiteFixture.SECOND_ARTICLE + SiteFixture.DRAFT_PAGE);
        memory = new BuildMemory();
    }

    @Test
    void aTextEditRendersThatPageAgainAndCarriesTheOtherArticlesOver() throws IOException {
        assertSameAsFreshBake();
        assertSameAsFreshBake();
        Object untouched = Files.readAttributes(output().resolve("procedures/second-block.html"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        edit("content/procedures/nerve-block.adoc", "The doctor uses X-ray guidance.", "The doctor uses a live X-ray.");

        BakeResult edited = assertSameAsFreshBake();
        assertTrue(edited.phases().containsKey(SiteBuild.TEXT_EDIT), "a text edit takes the short path: " + edited.phases());
        BuildMemory.Reuse reuse = memory.lastReuse();
        assertEquals(1, reuse.parsed(), "only the edited article is parsed: " + reuse);
        assertEquals(2, reuse.parsedKept(), reuse.toString());
        assertEquals(1, reuse.rendered(), "only the edited article's page is rendered: " + reuse);
        assertEquals(2, reuse.renderedKept(), reuse.toString());
        assertTrue(read("procedures/nerve-block.html").contains("a live X-ray"));
        assertEquals(untouched, Files.readAttributes(output().resolve("procedures/second-block.html"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey(), "the other article's page stays as it was, in place");
    }

    @Test
    void aTitleEditReachesThePagesThatShowThatTitle() throws IOException {
        write("templates/article.peb", "{% extends \"default:article.peb\" %}\n"
                + "{% block title %}{{ page.title }}, see also:{% for item in site.articles %} {{ item.title }}{% endfor %}{% endblock %}\n");
        assertSameAsFreshBake();
        edit("content/procedures/nerve-block.adoc", "= Nerve Block", "= Nerve Block Injection");

        assertFalse(assertSameAsFreshBake().phases().containsKey(SiteBuild.TEXT_EDIT), "a header edit takes the full path");
        assertEquals(0, memory.lastReuse().renderedKept(), "a header can be shown on any page: " + memory.lastReuse());
        assertTrue(read("procedures/second-block.html").contains("see also: Nerve Block Injection"),
                "the other article's page lists the new title");
    }

    @Test
    void aSiteWidePageThatShowsBodiesFromJBakesStoreIsRenderedAgainOnATextEdit() throws IOException {
        write("templates/index.peb", "{% for item in published_content %}{{ item.body | raw }}{% endfor %}\n");
        assertSameAsFreshBake();
        assertSameAsFreshBake();
        edit("content/procedures/nerve-block.adoc", "The doctor uses X-ray guidance.", "The doctor uses a live X-ray.");

        assertFalse(assertSameAsFreshBake().phases().containsKey(SiteBuild.TEXT_EDIT),
                "a page that shows bodies needs the full path");
        assertTrue(read("index.html").contains("a live X-ray"), "the home page lists the new text");
        assertTrue(read("archive.html").equals(Files.readString(temp.resolve("fresh/archive.html"))),
                "pages of headers only are kept, and still right");
    }

    @Test
    void aTemplateEditRendersThePagesThatUseIt() throws IOException {
        assertSameAsFreshBake();
        write("templates/article.peb", "{% extends \"default:article.peb\" %}\n"
                + "{% block title %}Edited: {{ content.title }}{% endblock %}\n");
        assertSameAsFreshBake();
        assertEquals(2, memory.lastReuse().rendered(), "the two articles use article.peb: " + memory.lastReuse());
        assertEquals(1, memory.lastReuse().renderedKept(), "the draft page uses page.peb: " + memory.lastReuse());
        assertTrue(read("procedures/nerve-block.html").contains("Edited: Nerve Block"));

        write("templates/partials/footer.peb", "<footer>Edited footer</footer>\n");
        assertSameAsFreshBake();
        assertEquals(0, memory.lastReuse().renderedKept(), "every page includes the footer: " + memory.lastReuse());
        assertTrue(read("archive.html").contains("Edited footer"), "site-wide pages too");

        write("templates/page.peb", "{% extends \"default:page.peb\" %}\n{% block title %}{{ asset('favicon.svg') }}{% endblock %}\n");
        assertSameAsFreshBake();
        assertEquals(2, memory.lastReuse().renderedKept(), "only the page using page.peb: " + memory.lastReuse());
        write("templates/page.peb", "{% extends \"default:page.peb\" %}\n");
        assertSameAsFreshBake(); // the asset no page asks for any more is gone, as from a fresh bake
    }

    @Test
    void dataAndConfigurationEditsRenderEveryPageAgain() throws IOException {
        assertSameAsFreshBake();

        edit("data/providers.yml", "name: Ann Lee", "name: Ann Lee-Park");
        assertSameAsFreshBake();
        assertEquals(0, memory.lastReuse().parsedKept(), "provider data is checked while parsing: " + memory.lastReuse());
        assertTrue(read("procedures/second-block.html").contains("Ann Lee-Park"));

        Files.writeString(site.resolve("jbake.properties"), "\nsite.title=Edited Clinic\n", java.nio.file.StandardOpenOption.APPEND);
        assertSameAsFreshBake();
        assertEquals(0, memory.lastReuse().renderedKept(), memory.lastReuse().toString());
    }

    @Test
    void addedAndDeletedArticlesAppearAndDisappear() throws IOException {
        assertSameAsFreshBake();
        write("content/procedures/third-block.adoc", Files.readString(site.resolve("content/procedures/second-block.adoc"))
                .replace("= Second Block", "= Third Block"));
        assertSameAsFreshBake();
        assertTrue(Files.exists(output().resolve("procedures/third-block.html")));

        Files.delete(site.resolve("content/procedures/second-block.adoc"));
        assertSameAsFreshBake();
        assertFalse(Files.exists(output().resolve("procedures/second-block.html")));
    }

    @Test
    void problemsOfFilesAndPagesCarriedOverAreStillReported() throws IOException {
        edit("content/procedures/second-block.adoc", "for a while.", "for a while. See xref:missing.adoc[the missing page].");
        BakeResult failed = ClinicBake.bake(site, output(), options());
        assertTrue(failed.hasErrors(), "a reference to a missing article is an error");

        edit("content/procedures/second-block.adoc", " See xref:missing.adoc[the missing page].", "");
        edit("content/procedures/second-block.adoc", ":med-last-reviewed: 2026-02-01", ":med-last-reviewed: 2025-12-10");
        BakeResult warned = assertSameAsFreshBake();
        assertFalse(warned.diagnostics().isEmpty(), "the review falls due soon: a warning");

        edit("content/procedures/nerve-block.adoc", "X-ray guidance.", "X-ray guidance, as always.");
        BakeResult again = assertSameAsFreshBake();
        assertTrue(again.phases().containsKey(SiteBuild.TEXT_EDIT), again.phases().toString());
        assertEquals(1, memory.lastReuse().parsed(), memory.lastReuse().toString());
        assertEquals(warned.diagnostics(), again.diagnostics(), "the kept article's warning is reported again");
    }

    @Test
    @DisplayName("in the preview, a reference to a section another article does not have is an error at its line, as in a bake")
    void aCrossReferenceToASectionAnotherArticleDoesNotHaveIsReportedAtItsLine() throws IOException {
        edit("content/procedures/second-block.adoc", "It numbs the nerve for a while.",
                "It numbs the nerve for a while.\n\n[#risks]\n== Risks\n\nSoreness.");
        edit("content/procedures/nerve-block.adoc", "The doctor uses X-ray guidance.",
                "The doctor uses X-ray guidance.\nSee xref:second-block.adoc#risk[its risks].");
        String misspelt = "content/procedures/nerve-block.adoc:18: error[xref.unknown-anchor]: "
                + "cross reference to 'second-block.adoc#risk', but second-block.adoc has no id 'risk'";
        BakeResult failed = ClinicBake.bake(site, output(), options());
        assertEquals(java.util.List.of(misspelt), SiteFixture.firstLines(failed));

        edit("content/procedures/nerve-block.adoc", "#risk[", "#risks[");
        assertSameAsFreshBake();
        // The other article loses the section: the article that links to it, unchanged, is told.
        edit("content/procedures/second-block.adoc", "[#risks]", "[#side-effects]");
        BakeResult lost = ClinicBake.bake(site, output(), options());
        assertEquals(java.util.List.of(misspelt.replace("#risk'", "#risks'").replace("'risk'", "'risks'")),
                SiteFixture.firstLines(lost));
        assertTrue(read("procedures/second-block.html").contains("id=\"risks\""), "the last good page is still served");
    }

    @Test
    void aFailedBakeLeavesTheMemoryAndTheOutputAsTheyWere() throws IOException {
        assertSameAsFreshBake();
        String before = read("procedures/nerve-block.html");
        edit("content/procedures/nerve-block.adoc", ":med-reviewer: ben-cho", ":med-reviewer: nobody");
        assertTrue(ClinicBake.bake(site, output(), options()).hasErrors());
        assertEquals(before, read("procedures/nerve-block.html"));

        edit("content/procedures/nerve-block.adoc", ":med-reviewer: nobody", ":med-reviewer: ben-cho");
        assertSameAsFreshBake();
    }

    @Test
    void aTextEditThatBreaksAnArticleFailsAsAFullBakeWouldAndItsFixTakesTheShortPathAgain() throws IOException {
        assertSameAsFreshBake();
        edit("content/procedures/nerve-block.adoc", "X-ray guidance.", "X-ray guidance. See xref:missing.adoc[the missing page].");
        BakeResult failed = ClinicBake.bake(site, output(), options());
        BakeResult fresh = ClinicBake.bake(site, temp.resolve("fresh-failed"), options().withMemory(null));
        assertTrue(failed.hasErrors());
        assertEquals(fresh.diagnostics(), failed.diagnostics());
        assertFalse(read("procedures/nerve-block.html").contains("missing page"), "the served page is left as it was");

        edit("content/procedures/nerve-block.adoc", " See xref:missing.adoc[the missing page].", "");
        assertSameAsFreshBake();
        edit("content/procedures/nerve-block.adoc", "X-ray guidance.", "X-ray guidance, once more.");
        assertTrue(assertSameAsFreshBake().phases().containsKey(SiteBuild.TEXT_EDIT));
    }

    @Test
    void anEditToAnIncludedFileReachesThePageThatIncludesIt() throws IOException {
        write("content/procedures/partials/.jbakeignore", "");
        write("content/procedures/partials/steps.adoc", "You lie on your side.\n");
        edit("content/procedures/nerve-block.adoc", "The doctor uses X-ray guidance.",
                "The doctor uses X-ray guidance.\n\ninclude::partials/steps.adoc[]");
        assertSameAsFreshBake();
        assertTrue(read("procedures/nerve-block.html").contains("You lie on your side."));

        // Neither the article's time stamp nor any context changes: only the include rule sees it.
        write("content/procedures/partials/steps.adoc", "You lie on your front.\n");
        assertSameAsFreshBake();
        assertTrue(read("procedures/nerve-block.html").contains("You lie on your front."));
    }

    @Test
    void aTextEditThatAsksForAnImageNoPageShowedBeforeTakesTheFullPath() throws IOException {
        write("templates/article.peb", "{% extends \"default:article.peb\" %}\n"
                + "{% block title %}{% if content.body.toString() contains 'hip' %}{{ asset('favicon.svg') }}{% endif %}{{ content.title }}{% endblock %}\n");
        assertSameAsFreshBake();
        edit("content/procedures/nerve-block.adoc", "X-ray guidance.", "X-ray guidance near the hip.");

        assertFalse(assertSameAsFreshBake().phases().containsKey(SiteBuild.TEXT_EDIT), "a new asset is copied by the full path");
        edit("content/procedures/nerve-block.adoc", "near the hip.", "near the hip, again.");
        assertTrue(assertSameAsFreshBake().phases().containsKey(SiteBuild.TEXT_EDIT), "once copied, the asset stays");
    }

    @Test
    void twoTextEditsInARowEachShowTheirText() throws IOException {
        assertSameAsFreshBake();
        for (String text : new String[] {"first", "second", "third"}) {
            edit("content/procedures/second-block.adoc", "It numbs the nerve", "It " + text + " numbs the nerve");
            assertTrue(assertSameAsFreshBake().phases().containsKey(SiteBuild.TEXT_EDIT));
            assertTrue(read("procedures/second-block.html").contains("It " + text + " numbs"));
            assertTrue(read("search-index.json").contains("It " + text + " numbs"), "the search index has the new text");
            edit("content/procedures/second-block.adoc", "It " + text + " numbs the nerve", "It numbs the nerve");
            assertSameAsFreshBake();
        }
    }

    /** Bakes with the memory, then from nothing into another folder, and compares every file and problem. */
    private BakeResult assertSameAsFreshBake() throws IOException {
        BakeResult remembered = ClinicBake.bake(site, output(), options());
        BakeResult fresh = ClinicBake.bake(site, temp.resolve("fresh"), options().withMemory(null));
        assertEquals(fresh.diagnostics(), remembered.diagnostics());
        assertEquals(fresh.published(), remembered.published());
        assertEquals(files(temp.resolve("fresh")), files(output()));
        return remembered;
    }

    private BakeOptions options() {
        BakeOptions publishing = SiteFixture.options();
        return new BakeOptions(true, publishing.clock(), publishing.asciidoctor(), false, memory);
    }

    private Path output() {
        return temp.resolve("preview");
    }

    private String read(String page) throws IOException {
        return Files.readString(output().resolve(page));
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
