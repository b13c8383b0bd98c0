package org.clinicbake.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;

/** Features tested: Asciidoctor starts and converts with JRuby's RubyGems off, from the gem folder AsciidoctorJ bundles. */
class AsciidoctorRuntimeTest {

    @Test
    void theBundledGemFolderIsFound() {
        Optional<String> gemLib = AsciidoctorRuntime.bundledGemLibrary();

        assertTrue(gemLib.isPresent(), "AsciidoctorJ's jar holds the Asciidoctor gem");
        assertTrue(gemLib.get().matches("uri:classloader:/gems/asciidoctor-[0-9][^/]*/lib"), gemLib.get());
        assertNotNull(getClass().getClassLoader().getResource(gemLib.get().substring("uri:classloader:/".length()) + "/asciidoctor.rb"));
    }

    @Test
    void asciidoctorConvertsWithRubyGemsOff() {
        // The tests run as the launcher does (pom.xml's argLine): without the gem folder on the load path, no boot.
        assertEquals("false", System.getProperty("jruby.cli.rubygems.enable"));

        String html = SiteFixture.options().asciidoctor().convert("= Title\n\nA *strong* word.\n\n|===\n|a |b\n|===\n",
                Options.builder().safe(SafeMode.SAFE).build());

        assertTrue(html.contains("<strong>strong</strong>") && html.contains("<table"), html);
    }
}
