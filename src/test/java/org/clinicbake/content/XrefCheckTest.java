package org.clinicbake.content;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.clinicbake.testing.SiteFixture.bake;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.BakeResult;
import org.clinicbake.diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sites: the minimal fixture site whose article cross-references a document outside content/. */
class XrefCheckTest {

    @TempDir
    Path temp;

    @Test
    void aCrossReferenceOutOfTheContentFolderIsAnErrorAtItsLine() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "The doctor uses X-ray guidance. See xref:../../notes/prices.adoc[our prices].") + """
                -- notes/prices.adoc --
                = Prices
                """);

        // The file exists, but outside content/ it is never baked: the link would lead nowhere.
        assertEquals(List.of("content/procedures/nerve-block.adoc:17: error[xref.outside-content]: "
                        + "cross reference to '../../notes/prices.adoc', which is outside the content folder",
                "  hint: link only to articles inside content/"),
                result.diagnostics().stream().map(Diagnostic::format).flatMap(String::lines).toList());
        assertFalse(result.published());
    }
}
