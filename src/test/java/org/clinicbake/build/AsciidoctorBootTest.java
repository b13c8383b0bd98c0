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
import java.time.Instant;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture. Feature tested: a one-shot bake guesses, before reading its
 * configuration, whether it will convert an article (and so starts JRuby at once): yes before the
 * site's first bake and after an article is edited, no after a bake when only other files changed;
 * an instance booted for a bake holds JRuby's compiler back for its first articles.
 */
class AsciidoctorBootTest {

    @TempDir
    Path temp;
    Path site;
    Path article;

    @BeforeEach
    void writeSite() {
        site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        article = site.resolve("content/procedures/nerve-block.adoc");
    }

    @Test
    void aSiteNeverBakedIsExpectedToConvert() {
        assertTrue(AsciidoctorBoot.articleEditedSinceLastBake(site));
    }

    @Test
    void afterABakeOnlyAnEditedArticleIsExpectedToConvert() throws IOException {
        bake(site);
        assertFalse(AsciidoctorBoot.articleEditedSinceLastBake(site), "nothing changed since the bake");

        Files.writeString(site.resolve("data/clinic.yml"), "\n", StandardOpenOption.APPEND);
        touchLater(site.resolve("data/clinic.yml"));
        assertFalse(AsciidoctorBoot.articleEditedSinceLastBake(site), "site data is not converted");

        Files.writeString(article, "\nOne more line.\n", StandardOpenOption.APPEND);
        touchLater(article);
        assertTrue(AsciidoctorBoot.articleEditedSinceLastBake(site), "an article was edited");
    }

    @Test
    void aFailedBakeLeavesTheFixedArticleExpectedToConvert() throws IOException {
        String good = Files.readString(article);
        Files.writeString(article, good.replace(":med-reviewer: ben-cho", ":med-reviewer: nobody"));
        assertTrue(bake(site).hasErrors());

        Files.writeString(article, good);
        assertTrue(AsciidoctorBoot.articleEditedSinceLastBake(site));
    }

    @Test
    void theGuessFollowsTheConfiguredContentFolderAndCacheSetting() throws IOException {
        Path moved = SiteFixture.write(temp.resolve("moved"), MINIMAL_SITE.replace("-- content/", "-- pages/")
                .replace("site.host=https://clinic.example.org", "site.host=https://clinic.example.org\ncontent.folder=pages"));
        bake(moved);
        assertFalse(AsciidoctorBoot.articleEditedSinceLastBake(moved));
        touchLater(moved.resolve("pages/procedures/nerve-block.adoc"));
        assertTrue(AsciidoctorBoot.articleEditedSinceLastBake(moved));

        Files.writeString(site.resolve("jbake.properties"), "\nclinicbake.cache=false\n", StandardOpenOption.APPEND);
        bake(site);
        assertTrue(AsciidoctorBoot.articleEditedSinceLastBake(site), "without a cache every bake converts");
    }

    @Test
    void anInstanceBootedForABakeConvertsItsFirstArticlesWithJRubysCompilerHeldBack() {
        try (AsciidoctorBoot boot = AsciidoctorBoot.of(org.clinicbake.BakeOptions.publishing())) {
            org.jruby.RubyInstanceConfig config = ((org.asciidoctor.jruby.internal.JRubyAsciidoctor) boot.get())
                    .getRubyRuntime().getInstanceConfig();
            assertEquals(Integer.MAX_VALUE, config.getJitThreshold());

            for (int converted = 0; converted < 150; converted++) {
                boot.converted();
            }

            assertEquals(1_000, config.getJitThreshold(), "let in after 150 articles (see RubyCompiler)");
        }
    }

    @Test
    void anInstanceLentByThePreviewKeepsJRubysDefaults() {
        org.asciidoctor.Asciidoctor lent = SiteFixture.options().asciidoctor();
        int before = ((org.asciidoctor.jruby.internal.JRubyAsciidoctor) lent).getRubyRuntime().getInstanceConfig().getJitThreshold();
        try (AsciidoctorBoot boot = AsciidoctorBoot.of(SiteFixture.options())) {
            boot.get();
            boot.converted();
        }
        assertEquals(before, ((org.asciidoctor.jruby.internal.JRubyAsciidoctor) lent).getRubyRuntime().getInstanceConfig().getJitThreshold());
    }

    private BakeResult bake(Path siteDir) throws IOException {
        return ClinicBake.bake(siteDir, siteDir.resolveSibling(siteDir.getFileName() + "-out"), SiteFixture.options());
    }

    /** A time stamp clearly after the bake's, whatever the file system's clock resolution. */
    private static void touchLater(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    }
}
