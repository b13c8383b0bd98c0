package org.clinicbake.render;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.clinicbake.testing.SiteFixture.firstLines;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site's own files published as they are: {@code assets/}, and what {@code content/} holds beside its articles. */
class ThemeAssetsTest {

    @TempDir
    Path temp;

    @Test
    @DisplayName("a link to a folder in assets/ or content/ is reported and not followed")
    void aLinkToAFolderIsNotFollowed() throws IOException {
        Path site = siteWithFiles();
        Files.createSymbolicLink(site.resolve("assets/loop"), Path.of("."));
        Files.createSymbolicLink(site.resolve("content/procedures/again"), Path.of(".."));

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertTrue(result.published(), result.diagnostics()::toString);
        // JBake's copy followed both, publishing each folder inside itself until the path grew too long.
        assertFalse(Files.exists(temp.resolve("out/loop")));
        assertFalse(Files.exists(temp.resolve("out/procedures/again")));
        assertEquals(List.of("assets/loop: warning[asset.symlink-skipped]: a link to a folder is not followed",
                "content/procedures/again: warning[content.symlink-skipped]: a link to a folder is not followed"), firstLines(result));
        assertEquals("p{}\n", Files.readString(temp.resolve("out/css/extra.css")));
        assertEquals("diagram\n", Files.readString(temp.resolve("out/procedures/diagram.svg")));
    }

    @Test
    @DisplayName("a link to a file is published as the file; one to nothing is reported")
    void linksToFilesArePublishedAndBrokenOnesReported() throws IOException {
        Path site = siteWithFiles();
        Path shared = Files.writeString(temp.resolve("shared-logo.svg"), "logo");
        Files.createSymbolicLink(site.resolve("assets/logo.svg"), shared);
        Files.createSymbolicLink(site.resolve("assets/gone.css"), temp.resolve("nowhere.css"));
        Files.createSymbolicLink(site.resolve("content/procedures/gone.png"), temp.resolve("nowhere.png"));

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertTrue(result.published(), result.diagnostics()::toString);
        assertEquals("logo", Files.readString(temp.resolve("out/logo.svg")));
        assertFalse(Files.isSymbolicLink(temp.resolve("out/logo.svg")), "the output must hold the file, not a link into the user's disk");
        assertEquals(List.of(
                "assets/gone.css: warning[asset.symlink-broken]: a link to a file that does not exist: nothing is published for it",
                "content/procedures/gone.png: warning[content.symlink-broken]: a link to a file that does not exist: nothing is published for it"),
                firstLines(result));
    }

    @Test
    @DisplayName("hidden files, ignored folders and articles stay as JBake leaves them")
    void keepsJBakesRulesForWhatIsCopied() throws IOException {
        Path site = siteWithFiles();
        SiteFixture.writeFile(site.resolve("assets/.well-known/security.txt"), "Contact: mailto:web@example.org");
        SiteFixture.writeFile(site.resolve("content/.notes.txt"), "private");
        SiteFixture.writeFile(site.resolve("content/drafts-kept/.jbakeignore"), "");
        SiteFixture.writeFile(site.resolve("content/drafts-kept/plan.txt"), "plan");

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertTrue(result.published(), result.diagnostics()::toString);
        // assets/.well-known is published whatever asset.ignore says; content/ never publishes hidden files.
        assertTrue(Files.isRegularFile(temp.resolve("out/.well-known/security.txt")));
        assertFalse(Files.exists(temp.resolve("out/.notes.txt")));
        assertFalse(Files.exists(temp.resolve("out/drafts-kept")));
        assertFalse(Files.exists(temp.resolve("out/procedures/nerve-block.adoc")));
        assertTrue(Files.isRegularFile(temp.resolve("out/procedures/nerve-block.html")));
    }

    @Test
    @DisplayName("hidden files of assets/ and of a theme's assets are not published, but for .well-known/, unless asset.ignore=false")
    void hiddenFilesOfAssetsAreNotPublishedButWellKnownIs() throws IOException {
        Path site = siteWithFiles();
        List<String> hidden = List.of(".env", ".DS_Store", ".git/config", "css/.DS_Store", ".well-known/.DS_Store",
                "css/.drafts/next.css");
        for (String file : hidden) {
            SiteFixture.writeFile(site.resolve("assets").resolve(file), "API_KEY=secret");
        }
        SiteFixture.writeFile(site.resolve("assets/.well-known/security.txt"), "Contact: mailto:web@example.org");
        SiteFixture.writeFile(site.resolve("assets/_headers"), "/*\n  X-Frame-Options: DENY");
        SiteFixture.writeFile(site.resolve("themes/calm/theme.properties"), "");
        SiteFixture.writeFile(site.resolve("themes/calm/assets/css/calm.css"), "p{}");
        SiteFixture.writeFile(site.resolve("themes/calm/assets/css/.calm.css.swp"), "swap");
        SiteFixture.writeFile(site.resolve("themes/calm/assets/.DS_Store"), "finder");
        SiteFixture.edit(site, "jbake.properties", "site.host=https://clinic.example.org", "site.host=https://clinic.example.org\nsite.theme=calm");

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertTrue(result.published(), result.diagnostics()::toString);
        for (String file : hidden) {
            // Any static host serves what the folder holds: https://clinic.example.org/.env gave out the key.
            assertFalse(Files.exists(temp.resolve("out").resolve(file)), file);
        }
        assertFalse(Files.exists(temp.resolve("out/css/.calm.css.swp")));
        assertFalse(Files.exists(temp.resolve("out/.DS_Store")));
        assertTrue(Files.isRegularFile(temp.resolve("out/.well-known/security.txt")));
        assertTrue(Files.isRegularFile(temp.resolve("out/_headers")));
        assertTrue(Files.isRegularFile(temp.resolve("out/css/calm.css")));

        SiteFixture.edit(site, "jbake.properties", "site.theme=calm", "site.theme=calm\nasset.ignore=false");
        BakeResult optedIn = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertTrue(optedIn.published(), optedIn.diagnostics()::toString);
        assertTrue(Files.isRegularFile(temp.resolve("out/.env")), "asset.ignore=false publishes them, as JBake does");
    }

    @Test
    @DisplayName("an editor's backups, autosaves and swap files are never published")
    void editorLeftoversAreNotPublished() throws IOException {
        Path site = siteWithFiles();
        List<String> leftovers = List.of("procedures/nerve-block.adoc~", "procedures/#nerve-block.adoc#",
                "procedures/nerve-block.adoc.bak", "procedures/nerve-block.adoc.orig", "procedures/nerve-block.adoc.swp",
                "procedures/diagram.svg.tmp");
        for (String leftover : leftovers) {
            SiteFixture.writeFile(site.resolve("content").resolve(leftover), "= Nerve Block\n:jbake-status: draft\nNot reviewed yet.\n");
        }
        SiteFixture.writeFile(site.resolve("assets/css/extra.css~"), "p{color:red}");

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertTrue(result.published(), result.diagnostics()::toString);
        for (String leftover : leftovers) {
            // A backup of a draft put its unreviewed text on the web, at a guessable address.
            assertFalse(Files.exists(temp.resolve("out").resolve(leftover)), leftover);
        }
        assertFalse(Files.exists(temp.resolve("out/css/extra.css~")));
        assertEquals("diagram\n", Files.readString(temp.resolve("out/procedures/diagram.svg")), "the file itself still is");
        assertEquals("p{}\n", Files.readString(temp.resolve("out/css/extra.css")));
    }

    private Path siteWithFiles() {
        return SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + """
                -- assets/css/extra.css --
                p{}
                -- content/procedures/diagram.svg --
                diagram
                """);
    }
}
