package org.clinicbake.render;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.diag.Diagnostic;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Site: the minimal fixture with one template mistake each, reported where the theme developer made it. */
class PebbleThemeEngineTest {

    @TempDir
    Path temp;

    @Test
    void aMissingPartialIsReportedAtTheIncludeThatNamesIt() throws IOException {
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/partials/footer.peb --
                <footer>
                {% include "partials/opening-hours.peb" %}
                </footer>
                """);

        Diagnostic only = single(result);
        assertEquals("templates/partials/footer.peb:2: error[template.missing]: template 'partials/opening-hours.peb' does not exist",
                only.format().lines().findFirst().orElseThrow());
        assertEquals("no layer (site, default) has it: add templates/partials/opening-hours.peb, or correct the name", only.hint());
    }

    @Test
    void aMissingParentIsReportedAtTheExtendsThatNamesIt() throws IOException {
        BakeResult result = bake(MINIMAL_SITE + """
                -- templates/article.peb --
                {# the theme's article, with another lead #}
                {% extends "theme:articel.peb" %}
                """);

        assertEquals("templates/article.peb:2: error[template.missing]: template 'theme:articel.peb' does not exist",
                single(result).format().lines().findFirst().orElseThrow());
    }

    private BakeResult bake(String fixture) throws IOException {
        return ClinicBake.bake(SiteFixture.write(temp.resolve("site"), fixture), temp.resolve("out"), SiteFixture.options());
    }

    private static Diagnostic single(BakeResult result) {
        List<Diagnostic> diagnostics = result.diagnostics();
        assertEquals(1, diagnostics.size(), diagnostics.toString());
        return diagnostics.get(0);
    }
}
