package org.clinicbake.content;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.clinicbake.testing.SiteFixture.bake;
import static org.clinicbake.testing.SiteFixture.firstLine;
import static org.clinicbake.testing.SiteFixture.firstLines;
import static org.clinicbake.testing.SiteFixture.single;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sites: the minimal fixture site (a therapy page reviewed 2026-02-01, baked on 2026-11-25) with
 * one medical publishing rule broken at a time. Features tested: each rule's exact diagnostic, its
 * line in the header, and that an error keeps the site from being published.
 */
class MedicalRulesTest {

    private static final String PAGE = "content/procedures/nerve-block.adoc";

    @TempDir
    Path temp;

    @Test
    void aClinicalPageNeedsAnAuthor() throws IOException {
        assertOnly(without(":med-author: ann-lee"),
                PAGE + ":1: error[medical.no-author]: the page has no author");
    }

    @Test
    void aClinicalPageNeedsAMedicalReviewer() throws IOException {
        assertOnly(without(":med-reviewer: ben-cho"),
                PAGE + ":1: error[medical.no-reviewer]: the page has no medical reviewer");
    }

    @Test
    void theReviewerNeedsCredentials() throws IOException {
        assertOnly(MINIMAL_SITE.replace("  honorific_suffix: DO\n", ""),
                PAGE + ":8: error[medical.no-credentials]: 'ben-cho' has no credentials in data/providers.yml");
    }

    @Test
    void aReviewerWhoIsAlsoAnAuthorIsWarnedAbout() throws IOException {
        for (String site : List.of(MINIMAL_SITE.replace(":med-reviewer: ben-cho", ":med-reviewer: ann-lee"),
                MINIMAL_SITE.replace(":med-author: ann-lee", ":med-author: ann-lee, ben-cho"))) {
            BakeResult result = bake(Files.createTempDirectory(temp, "site"), site);

            assertEquals(List.of(PAGE + ":8: warning[medical.self-review]: the page's medical reviewer is also its author"), firstLines(result));
            assertTrue(result.published(), "a warning does not stop the bake");
        }
    }

    @Test
    void aClinicalPageNeedsADescription() throws IOException {
        assertOnly(without(":description: What a nerve block is, how the doctor does it, and how it may ease your pain."),
                PAGE + ":1: error[header.missing-description]: the page has no :description:");
    }

    @Test
    void aDescriptionOutsideSnippetLengthIsWarnedAbout() throws IOException {
        String description = ":description: What a nerve block is, how the doctor does it, and how it may ease your pain.";
        for (String[] changed : List.of(new String[] {":description: A shot.", "7"}, new String[] {":description: " + "Long words. ".repeat(14), "167"})) {
            BakeResult result = bake(Files.createTempDirectory(temp, "site"), MINIMAL_SITE.replace(description, changed[0]));

            assertEquals(List.of(PAGE + ":6: warning[header.description-length]: the description has " + changed[1]
                    + " characters; search results show 50 to 160 characters"), firstLines(result));
            assertTrue(result.published());
        }
    }

    @Test
    void aTitleLongerThanSearchResultsShowIsWarnedAbout() throws IOException {
        String longTitle = "= Nerve Block for Pain in the Lower Back, the Neck, the Shoulders and the Hips";
        BakeResult result = bake(Files.createTempDirectory(temp, "site"), MINIMAL_SITE.replace("= Nerve Block", longTitle));

        assertEquals(List.of(PAGE + ":1: warning[header.title-length]: the title has 76 characters; search results show about 70"),
                firstLines(result));
        assertTrue(result.published());
        assertEquals(List.of(), bake(Files.createTempDirectory(temp, "site"), MINIMAL_SITE.replace("= Nerve Block", "= " + "N".repeat(70)))
                .diagnostics(), "70 characters are shown");
    }

    @Test
    void thePageImageMustBeAFileTheSitePublishes() throws IOException {
        String withImage = MINIMAL_SITE.replace(":med-entity-type: MedicalTherapy",
                ":med-entity-type: MedicalTherapy\n:med-image: images/nerve-block.png\n:med-image-alt: Where the needle goes");

        assertOnly(withImage, PAGE + ":11: error[header.missing-image]: no file 'images/nerve-block.png' in assets/ or content/ to publish");
        BakeResult published = bake(Files.createTempDirectory(temp, "site"), withImage + "-- assets/images/nerve-block.png --\nPNG\n");
        assertEquals(List.of(), published.diagnostics());
    }

    @Test
    void aPageCannotBeModifiedBeforeItWasPublished() throws IOException {
        assertOnly(MINIMAL_SITE.replace(":med-last-reviewed: 2026-02-01", ":med-last-reviewed: 2026-02-01\n:med-date-modified: 2025-12-01"),
                PAGE + ":10: error[header.modified-before-published]: the page was modified on 2025-12-01, before it was published on 2026-01-10");
    }

    @Test
    void aPageCannotBeModifiedAfterTheDayOfTheBake() throws IOException {
        assertOnly(MINIMAL_SITE.replace(":med-last-reviewed: 2026-02-01", ":med-last-reviewed: 2026-02-01\n:med-date-modified: 2026-12-30"),
                PAGE + ":10: error[header.modified-in-future]: the modification date 2026-12-30 is in the future");
    }

    @Test
    void aClinicalPageNeedsAReviewDate() throws IOException {
        assertOnly(without(":med-last-reviewed: 2026-02-01"),
                PAGE + ":1: error[medical.not-reviewed]: the page has no :med-last-reviewed: date");
    }

    @Test
    void theReviewDateCannotBeInTheFuture() throws IOException {
        assertOnly(MINIMAL_SITE.replace("2026-02-01", "2026-12-01"),
                PAGE + ":9: error[medical.review-in-future]: the last review date 2026-12-01 is in the future");
    }

    @Test
    @DisplayName("a review older than its interval (default 12 months) fails the bake")
    void aStaleReviewFailsTheBake() throws IOException {
        assertOnly(MINIMAL_SITE.replace("2026-02-01", "2025-11-20"),
                PAGE + ":9: error[medical.review-overdue]: the medical review ran out on 2026-11-20 "
                        + "(reviewed 2025-11-20, every 12 months)");
    }

    @Test
    void aLongerIntervalKeepsAnOlderReviewValid() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("2026-02-01", "2025-01-10")
                .replace(":med-entity-type:", ":med-review-interval: 24\n:med-entity-type:"));

        assertEquals(List.of(), result.diagnostics());
    }

    @Test
    void aReviewRunningOutWithinThirtyDaysIsAWarning() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace("2026-02-01", "2025-12-10"));

        assertEquals(List.of(PAGE + ":9: warning[medical.review-due-soon]: the medical review runs out on 2026-12-10"),
                firstLines(result));
        assertEquals(true, result.published(), "warnings do not stop publishing");
    }

    @Test
    void theReviewIntervalIsAtMostThirtySixMonths() throws IOException {
        assertOnly(MINIMAL_SITE.replace(":med-entity-type:", ":med-review-interval: 48\n:med-entity-type:"),
                PAGE + ":10: error[header.invalid-review-interval]: review interval '48' is not a number of months from 1 to 36");
    }

    @Test
    @DisplayName("an empty References section is reported at its heading, with how to list a source")
    void anEmptyReferencesSectionIsReportedAtItsHeading() throws IOException {
        String site = MINIMAL_SITE.substring(0, MINIMAL_SITE.indexOf("* [[[nb,1]]]")) + "Sources will follow.\n";

        BakeResult result = bake(temp, site);

        Diagnostic only = single(result);
        assertEquals(PAGE + ":20: error[medical.no-references]: the References section lists no sources", firstLine(only));
        assertTrue(only.hint().startsWith("list each source under it as a list item"), only.hint());
    }

    @Test
    void aClinicalPageCitesAtLeastOneReference() throws IOException {
        String site = MINIMAL_SITE.substring(0, MINIMAL_SITE.indexOf("[bibliography]"));

        assertOnly(site, PAGE + ":1: error[medical.no-references]: the page cites no references");
    }

    @Test
    void aTherapyPageNamesItsSchemaOrgType() throws IOException {
        assertOnly(without(":med-entity-type: MedicalTherapy"),
                PAGE + ":1: error[header.missing-entity-type]: a therapy page needs :med-entity-type:");
    }

    @Test
    void theEntityTypeMustFitThePageKind() throws IOException {
        assertOnly(MINIMAL_SITE.replace(":med-entity-type: MedicalTherapy", ":med-entity-type: MedicalCondition"),
                PAGE + ":10: error[header.unknown-entity-type]: 'MedicalCondition' is not a schema.org type for a therapy page");
    }

    @Test
    void painMedicineIsNotASchemaOrgSpecialty() throws IOException {
        Diagnostic only = single(bake(temp, MINIMAL_SITE.replace(":med-entity-type:", ":med-specialty: PainMedicine\n:med-entity-type:")));

        assertEquals(PAGE + ":10: error[header.unknown-specialty]: 'PainMedicine' is not a schema.org MedicalSpecialty",
                firstLine(only));
        assertEquals(true, only.hint().contains("Anesthesia"), only.hint());
    }

    @Test
    void surgicalIsNotAProcedureType() throws IOException {
        assertOnly(MINIMAL_SITE.replace(":med-entity-type:", ":med-procedure-type: Surgical\n:med-entity-type:"),
                PAGE + ":10: error[header.unknown-procedure-type]: 'Surgical' is not a schema.org MedicalProcedureType");
    }

    @Test
    void anUnknownAudienceIsAnError() throws IOException {
        assertOnly(MINIMAL_SITE.replace(":med-entity-type:", ":med-audience: patients\n:med-entity-type:"),
                PAGE + ":10: error[header.unknown-audience]: unknown audience 'patients'");
    }

    @Test
    void relatedPagesMustExist() throws IOException {
        assertOnly(MINIMAL_SITE.replace(":med-entity-type:", ":med-related: sciatica\n:med-entity-type:"),
                PAGE + ":10: error[header.unknown-related]: no page 'sciatica' in content/");
    }

    @Test
    @DisplayName("a related page's name that two folders hold is an error, rather than a link to whichever came first")
    void aRelatedPageMustBeOnePage() throws IOException {
        String secondInGuides = SiteFixture.SECOND_ARTICLE.replace("-- content/procedures/second-block.adoc --",
                "-- content/guides/second-block.adoc --").replace("= Second Block", "= Second Block, the Guide");
        assertOnly(MINIMAL_SITE.replace(":med-entity-type:", ":med-related: second-block\n:med-entity-type:")
                        + SiteFixture.SECOND_ARTICLE + secondInGuides,
                PAGE + ":10: error[header.ambiguous-related]: 'second-block' names 2 pages: "
                        + "content/guides/second-block.adoc, content/procedures/second-block.adoc");
    }

    @Test
    @DisplayName("an attribute written twice is reported at the entry whose value the page got, the last")
    void aProblemWithARepeatedAttributeIsAtItsLastEntry() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE.replace(":med-entity-type: MedicalTherapy", ":med-entity-type: MedicalTherapy\n:med-reviewer: ben-choo"));

        assertEquals(List.of(PAGE + ":11: error[header.repeated]: ':med-reviewer:' is given twice in the header, on line 8 and here",
                PAGE + ":11: error[header.unknown-provider]: no provider 'ben-choo' in data/providers.yml"), firstLines(result));
    }

    @Test
    void aPublishedPageCannotBeDatedInTheFuture() throws IOException {
        assertOnly(MINIMAL_SITE.replace(":jbake-date: 2026-01-10", ":jbake-date: 2027-01-10"),
                PAGE + ":4: error[header.date-in-future]: the publication date 2027-01-10 is in the future");
    }

    @Test
    void clinicPagesNeedNoReviewer() throws IOException {
        BakeResult result = bake(temp, MINIMAL_SITE + """
                -- content/about.adoc --
                = About Us
                :jbake-type: page
                :jbake-status: published
                :jbake-date: 2026-01-10

                We are a clinic.
                """);

        assertEquals(List.of(), result.diagnostics());
    }

    @Test
    void aMedicalCodeIsWrittenAsSystemAndCode() throws IOException {
        Diagnostic only = single(bake(temp, MINIMAL_SITE.replace(":med-entity-type:", ":med-code: M54.3\n:med-entity-type:")));

        assertEquals(PAGE + ":10: error[header.invalid-code]: 'M54.3' is not written as system:code", firstLine(only));
        assertEquals("write codes like ICD-10-CM:M54.3", only.hint());
    }

    @Test
    void thePageImageNeedsATextAlternative() throws IOException {
        Diagnostic only = single(bake(temp, MINIMAL_SITE.replace(":med-entity-type:", ":med-image: images/spine.png\n:med-entity-type:")
                + "-- assets/images/spine.png --\nnot really a picture\n"));

        assertEquals(PAGE + ":10: error[header.missing-image-alt]: the page image has no text alternative", firstLine(only));
        assertEquals("add `:med-image-alt:` describing the image for people who cannot see it", only.hint());
    }

    private String without(String line) {
        return MINIMAL_SITE.replace(line + "\n", "");
    }

    private void assertOnly(String site, String expectedFirstLine) throws IOException {
        BakeResult result = bake(temp, site);
        assertEquals(List.of(expectedFirstLine), firstLines(result));
        assertFalse(result.published());
    }




}
