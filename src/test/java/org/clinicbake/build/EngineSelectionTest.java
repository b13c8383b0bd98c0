package org.clinicbake.build;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.content.AsciidocEngine;
import org.clinicbake.testing.SiteFixture;
import org.jbake.parser.AsciidoctorEngine;
import org.jbake.parser.Engines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JBake finds engines through descriptor files, and when two claim the same extension the later
 * class-path entry wins: with ClinicBake's classes first, that is JBake's own AsciiDoc engine, which
 * fails on AsciidoctorJ 3. These tests show the clash exists and that ClinicBake's engines do the work.
 */
class EngineSelectionTest {

    @TempDir
    Path temp;

    @Test
    void twoDescriptorsOnTheClassPathClaimAdoc() throws IOException {
        List<String> claimants = new ArrayList<>();
        for (URL descriptor : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/org.jbake.parser.MarkupEngines.properties"))) {
            Properties engines = new Properties();
            try (InputStream in = descriptor.openStream()) {
                engines.load(in);
            }
            engines.forEach((engine, extensions) -> {
                if (List.of(extensions.toString().split(",")).contains("adoc")) {
                    claimants.add(engine.toString());
                }
            });
        }
        Collections.sort(claimants);

        assertEquals(List.of("org.clinicbake.content.AsciidocEngine", "org.jbake.parser.AsciidoctorEngine"), claimants);
    }

    @Test
    void bakesWithClinicBakesEngineEvenWhenJBakesWonTheRegistration() throws IOException {
        Engines.register("adoc", new AsciidoctorEngine());
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + """
                -- templates/page.peb --
                <title>{{ page.title }}</title>{{ page.body }}
                -- content/procedures/nerve-block.adoc --
                = Nerve Block <em>&amp; Friends</em>
                :jbake-type: page
                :jbake-status: published
                :jbake-date: 2026-01-10

                Body text.
                """);

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());

        assertEquals(List.of(), result.diagnostics());
        assertTrue(Engines.get("adoc") instanceof AsciidocEngine);
        String page = Files.readString(temp.resolve("out/procedures/nerve-block.html"));
        // Our engine hands templates the title as plain text (what the reader sees: the entity is
        // decoded once) and Pebble escapes it; JBake's engine passes Asciidoctor's HTML, printed raw.
        // The `page` variable exists only in ClinicBake's template engine.
        assertTrue(page.startsWith("<title>Nerve Block &lt;em&gt;&amp; Friends&lt;/em&gt;</title>"), page);
        assertTrue(page.contains("<p>Body text.</p>"), page);
    }
}
