package org.clinicbake.content;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.BakeResult;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture, its nerve-block article given tables. Feature tested: a table with no
 * header row is a warning at the line it opens on, whichever way AsciiDoc is told of a header.
 */
class TableHeaderCheckTest {

    @TempDir
    Path temp;

    private BakeResult bakeWithTables(String tables) throws IOException {
        return SiteFixture.bake(temp, MINIMAL_SITE.replace("The doctor uses X-ray guidance.\n",
                "The doctor uses X-ray guidance.\n\n" + tables));
    }

    @Test
    void aTableWithoutAHeaderRowIsAWarningAtTheLineItOpensOn() throws IOException {
        BakeResult result = bakeWithTables("""
                [%header]
                |===
                |Day |Opens
                |Monday |8:00 a.m.
                |===

                |===
                |Monday |8:00 a.m.
                |Tuesday |8:00 a.m.
                |===
                """);

        assertEquals(List.of("content/procedures/nerve-block.adoc:25: warning[content.table-header]: this table has no header "
                + "row, so a screen reader reads its cells without their column names"), SiteFixture.firstLines(result));
        assertTrue(result.published(), "a warning does not hold the page back");
    }

    @Test
    void aHeaderRowGivenByABlankLineOrByTheHeaderOptionIsEnough() throws IOException {
        BakeResult result = bakeWithTables("""
                |===
                |Day |Opens

                |Monday |8:00 a.m.
                |===

                [cols="1,1",options="header"]
                |===
                |Day |Opens
                |Monday |8:00 a.m.
                |===
                """);

        assertEquals(List.of(), SiteFixture.firstLines(result));
    }
}
