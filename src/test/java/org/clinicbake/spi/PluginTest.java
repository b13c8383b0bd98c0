package org.clinicbake.spi;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.build.Plugins;
import org.clinicbake.diag.Diagnostic;
import org.clinicbake.diag.Diagnostics;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plugins from a developer's jar: found with ServiceLoader, usable in templates, and never silently shadowing a name. */
class PluginTest {

    @TempDir
    Path temp;

    @Test
    void aPluginsTemplateFunctionIsAvailableToTemplates() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + """
                -- templates/article.peb --
                <h1>{{ page.title }}</h1><p>{{ greeting_hello(name="Ann") }}</p>
                """);

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertEquals(List.of(), result.diagnostics());
        assertTrue(Files.readString(temp.resolve("out/procedures/nerve-block.html")).contains("<p>Hello from a plugin, Ann</p>"));
    }

    @Test
    void aPluginsCheckRunsInEveryBakeThatChecksItsOutput() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE.replace("site.host=https://clinic.example.org",
                "site.host=https://clinic.example.org\ncheck.on-bake=true"));
        Path out = temp.resolve("out");
        assertEquals(List.of(), ClinicBake.bake(site, out, SiteFixture.options().withOutputChecks(true)).diagnostics());

        SiteFixture.edit(site, "content/procedures/nerve-block.adoc", "The doctor uses X-ray guidance.",
                "The doctor uses X-ray guidance. Relief is guaranteed.");
        BakeResult result = ClinicBake.bake(site, out, SiteFixture.options().withOutputChecks(true));

        assertEquals(List.of("greeting.claim"), result.errors().stream().map(Diagnostic::code).toList());
        assertEquals("procedures/nerve-block.html", result.errors().get(0).path());
        assertTrue(!result.published() && !Files.readString(out.resolve("procedures/nerve-block.html")).contains("guaranteed"),
                "the output is left as it was");
    }

    @Test
    void aCheckIdThatAnotherCheckHasIsAnError() throws IOException {
        Diagnostics diagnostics = loadingFails("org.clinicbake.spi.ShadowingCheckPlugin");

        assertEquals(List.of("plugin shadowing: error[plugin.name-collision]: check 'links' is also defined by ClinicBake"),
                diagnostics.all().stream().map(problem -> problem.format().lines().findFirst().orElseThrow()).toList());
    }

    @Test
    void aNameThatIsAlreadyTakenIsAnError() throws IOException {
        Diagnostic only = loadingFails("org.clinicbake.spi.CollidingPlugin").all().get(0);

        assertEquals("plugin colliding: error[plugin.name-collision]: template function or filter 'asset' is already defined by ClinicBake",
                only.format().lines().findFirst().orElseThrow());
    }

    /** Loads the plugins with one more registered, as a second jar would add it; asserts they are refused. */
    private Diagnostics loadingFails(String pluginClass) throws IOException {
        Path services = temp.resolve("extra/META-INF/services/org.clinicbake.spi.ClinicBakePlugin");
        Files.createDirectories(services.getParent());
        Files.writeString(services, pluginClass + "\n");
        Diagnostics diagnostics = new Diagnostics();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {temp.resolve("extra").toUri().toURL()}, getClass().getClassLoader())) {
            assertTrue(Plugins.load(loader, diagnostics).isEmpty());
        }
        return diagnostics;
    }
}
