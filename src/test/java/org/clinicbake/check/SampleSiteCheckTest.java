package org.clinicbake.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: the sample site {@code site/}, baked, passes every check with nothing to say. */
class SampleSiteCheckTest {

    @TempDir
    Path temp;

    @Test
    void bakedSampleSiteHasZeroErrorsAndZeroWarnings() throws Exception {
        Path out = temp.resolve("public");
        BakeResult bake = ClinicBake.bake(Path.of("site"), out, SiteFixture.options());
        assertTrue(bake.published(), bake.diagnostics().toString());

        CheckResult result = new SiteChecker(SiteChecker.builtInChecks(), OutputFixture::vocabulary)
                .check(Path.of("site"), out, SiteFixture.TODAY);

        assertEquals(List.of(), result.diagnostics());
        assertEquals(bake.pages(), result.pages(), "every page baked is checked");
    }
}
