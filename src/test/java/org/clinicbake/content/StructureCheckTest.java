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
 * Site: the minimal fixture, its nerve-block article without its opening sentence. Feature tested: a clinical article
 * opens with a plain-language summary of its main message above its first section (the reference's page checklist,
 * item 1; the CDC Clear Communication Index's "main message first"), which nothing checked: an article that opened with
 * "== How is it done?" was published without a word.
 */
class StructureCheckTest {

    @TempDir
    Path temp;

    @Test
    void aClinicalArticleWithNoSummaryAboveItsFirstSectionIsAWarningAtThatSection() throws IOException {
        BakeResult result = SiteFixture.bake(temp, MINIMAL_SITE.replace("A nerve block is a shot of numbing medicine.\n\n", ""));

        assertEquals(List.of("content/procedures/nerve-block.adoc:13: warning[content.no-summary]: the article opens with a "
                + "section heading: it has no summary of its main message above its first section"), SiteFixture.firstLines(result));
        assertTrue(result.published(), "a warning does not hold the page back");
    }

    @Test
    void anArticleWithASummaryOrWithoutSectionsAndAClinicPageNeedNone() throws IOException {
        BakeResult result = SiteFixture.bake(temp, MINIMAL_SITE + SiteFixture.SECOND_ARTICLE + """
                -- content/about.adoc --
                = About Us
                :jbake-type: page
                :jbake-status: published
                :jbake-date: 2026-01-05
                :description: Who we are.

                == Our team

                We treat back and neck pain.
                """);

        assertEquals(List.of(), SiteFixture.firstLines(result));
    }
}
