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
import org.clinicbake.diag.Diagnostic;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sites: the minimal fixture with an about page, plus templates in each layer that print their own
 * path. Features tested: the lookup order of src/docs/theme-lookup.md (site over the chosen theme
 * over the default theme), layer prefixes that let an override extend what it overrides, themes
 * from a site folder and from the class path, and assets merged in the same order.
 */
class ThemeLookupTest {

    private static final String ABOUT = """
            -- content/about.adoc --
            = About Us
            :jbake-type: page
            :jbake-status: published
            :jbake-date: 2026-01-10

            We are a clinic.
            """;
    private static final String HARBOR = """
            -- jbake.properties --
            site.host=https://clinic.example.org
            site.theme=harbor
            -- themes/harbor/theme.properties --
            extends=default
            -- themes/harbor/templates/page.peb --
            {% extends "default:page.peb" %}{% block content %}<h1>{{ page.title }}</h1><p>from themes/harbor/templates/page.peb</p>{% endblock %}
            -- themes/harbor/assets/css/harbor.css --
            /* harbor */
            -- themes/harbor/assets/css/site.css --
            /* harbor's site.css */
            """;

    @TempDir
    Path temp;

    @Test
    void theDefaultThemeRendersWhatNoLayerOverrides() throws IOException {
        String about = bake(MINIMAL_SITE + ABOUT, "about.html");

        assertTrue(about.contains("class=\"site-header\""), "default base.peb");
        assertFalse(about.contains("from themes/harbor"));
    }

    @Test
    void theChosenThemeOverridesTheDefaultAndCanExtendIt() throws IOException {
        String about = bake(MINIMAL_SITE + ABOUT + HARBOR, "about.html");

        assertTrue(about.contains("<p>from themes/harbor/templates/page.peb</p>"), about);
        assertTrue(about.contains("class=\"site-header\""), "the harbor page extends the default layout");
    }

    @Test
    void theSiteOverridesTheThemeAndCanExtendTheTemplateItOverrides() throws IOException {
        String about = bake(MINIMAL_SITE + ABOUT + HARBOR + """
                -- templates/page.peb --
                {% extends "theme:page.peb" %}{% block content %}<h1>{{ page.title }}</h1><p>from templates/page.peb</p>{% endblock %}
                """, "about.html");

        assertTrue(about.contains("<p>from templates/page.peb</p>"), about);
        assertFalse(about.contains("from themes/harbor"), "the site's block replaced the theme's");
        assertTrue(about.contains("class=\"site-header\""), "still the default layout underneath");
    }

    @Test
    void aPartialOverriddenByTheSiteIsUsedByTheThemesTemplates() throws IOException {
        String about = bake(MINIMAL_SITE + ABOUT + """
                -- templates/partials/footer.peb --
                <footer>from templates/partials/footer.peb</footer>
                """, "about.html");

        assertTrue(about.contains("<footer>from templates/partials/footer.peb</footer>"), about);
    }

    @Test
    void aThemeOnTheClassPathIsFoundByName() throws IOException {
        String about = bake(MINIMAL_SITE + ABOUT + """
                -- jbake.properties --
                site.host=https://clinic.example.org
                site.theme=testjar
                """, "about.html");

        assertTrue(about.contains("<p>from theme:testjar/page.peb</p>"), about);
        assertTrue(Files.exists(temp.resolve("out/css/extra.css")), "the class-path theme's assets are copied");
    }

    @Test
    void aThemePackagedAsAJarIsFoundByName() throws Exception {
        Path jar = temp.resolve("jarred-theme.jar");
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (String[] entry : new String[][] {
                    {"org/clinicbake/theme/jarred/theme.properties", "extends=default\n"},
                    {"org/clinicbake/theme/jarred/templates/page.peb",
                            "{% extends \"default:page.peb\" %}{% block content %}<h1>{{ page.title }}</h1>"
                                    + "<p>from theme:jarred/page.peb in a jar</p>{% endblock %}"},
                    {"org/clinicbake/theme/jarred/assets/css/jarred.css", "/* jarred */\n"}}) {
                out.putNextEntry(new java.util.jar.JarEntry(entry[0]));
                out.write(entry[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(loader);
            String about = bake(MINIMAL_SITE + ABOUT + """
                    -- jbake.properties --
                    site.host=https://clinic.example.org
                    site.theme=jarred
                    """, "about.html");

            assertTrue(about.contains("<p>from theme:jarred/page.peb in a jar</p>"), about);
            assertTrue(Files.exists(temp.resolve("out/css/jarred.css")), "the jar theme's assets are copied");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    void assetsMergeInTheSameOrderAsTemplates() throws IOException {
        bake(MINIMAL_SITE + ABOUT + HARBOR + """
                -- assets/css/harbor.css --
                /* the site's harbor.css */
                """, "about.html");
        Path out = temp.resolve("out");

        assertEquals("/* the site's harbor.css */\n", Files.readString(out.resolve("css/harbor.css")), "site over theme");
        assertEquals("/* harbor's site.css */\n", Files.readString(out.resolve("css/site.css")), "theme over default");
    }

    @Test
    void anUnknownThemeIsAConfigurationError() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + """
                -- jbake.properties --
                site.theme=harbour
                site.host=https://clinic.example.org
                """);

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertEquals(List.of("config.unknown-theme"), result.diagnostics().stream().map(d -> d.code()).toList());
        assertTrue(result.diagnostics().get(0).message().startsWith("no theme 'harbour'"));
        assertEquals("jbake.properties:1", result.diagnostics().get(0).path() + ":" + result.diagnostics().get(0).line());
    }

    @Test
    void aThemeThatExtendsAnUnknownOneIsReportedAtItsExtendsLine() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + """
                -- jbake.properties --
                site.theme=clinic-blue
                site.host=https://clinic.example.org
                -- themes/clinic-blue/theme.properties --
                # Blue, over harbor.
                extends=harbour
                """);

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        Diagnostic only = SiteFixture.single(result);
        assertTrue(SiteFixture.firstLine(only).startsWith("themes/clinic-blue/theme.properties:2: error[config.unknown-theme]: no theme 'harbour'"),
                SiteFixture.firstLine(only));
        assertEquals("set extends to a folder under themes/ or a theme on the class path", only.hint());
    }

    @Test
    void themesThatExtendEachOtherInALoopAreAnError() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + """
                -- jbake.properties --
                site.theme=a
                site.host=https://clinic.example.org
                -- themes/a/theme.properties --
                extends=b
                -- themes/b/theme.properties --
                extends=a
                """);

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertEquals("themes extend each other in a loop: a -> b -> a", result.diagnostics().get(0).message());
    }

    @Test
    void aTemplateSavedWithAByteOrderMarkPutsNoStrayCharacterInThePage() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + ABOUT);
        // As Windows Notepad saves "UTF-8 with BOM": the mark was copied into every page, before <footer>.
        SiteFixture.writeFile(site.resolve("templates/partials/footer.peb"), "\uFEFF<footer><p>Seabright</p></footer>\n");

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertEquals(List.of(), result.diagnostics());
        String about = Files.readString(temp.resolve("out/about.html"));
        assertTrue(about.contains("<footer><p>Seabright</p></footer>"), about);
        assertFalse(about.contains("\uFEFF"), "a byte order mark in the page");
    }

    private String bake(String txtar, String page) throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), txtar);
        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());
        assertEquals(List.of(), result.diagnostics());
        return Files.readString(temp.resolve("out").resolve(page));
    }
}
