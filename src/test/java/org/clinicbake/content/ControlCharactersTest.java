package org.clinicbake.content;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.clinicbake.testing.SiteFixture.bake;
import static org.clinicbake.testing.SiteFixture.firstLines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.BakeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sites: the minimal fixture site with a control character pasted into its article. Features
 * tested: the character is reported at its line and column, an error on a published page (whose
 * feed entry XML could not carry it) and a warning in a draft.
 */
class ControlCharactersTest {

    @TempDir
    Path temp;

    @Test
    void aControlCharacterInADescriptionStopsTheBakeInsteadOfPublishingAFeedNoReaderAccepts() throws IOException {
        // U+000B is Word's line break: the description reached the feed's <summary> with it.
        BakeResult result = bake(temp, MINIMAL_SITE.replace("What a nerve block is,", "What a nerve block is,\u000B"));

        assertEquals(List.of("content/procedures/nerve-block.adoc:6: error[content.control-character]: an invisible control "
                + "character, U+000B, at column 37, which XML and HTML forbid"), firstLines(result));
        assertFalse(result.published());
    }

    @Test
    void aControlCharacterInADraftIsAWarning() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace(":jbake-status: published", ":jbake-status: draft")
                .replace("The doctor uses X-ray guidance.", "The doctor uses\u000C X-ray guidance."));

        assertEquals(List.of("content/procedures/nerve-block.adoc:17: warning[content.control-character]: an invisible "
                + "control character, U+000C, at column 16, which XML and HTML forbid"), firstLines(result));
        assertTrue(result.published(), result.diagnostics()::toString);
    }
}
