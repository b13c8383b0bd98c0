package org.clinicbake.render;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: {@code src/test/resources/sites/medical-site} (a therapy, a condition, a provider, contact).
 * Features tested: the JSON-LD of a therapy page, a condition page and the home page equals the
 * reviewed golden files byte for byte; it is the same on every bake; no header value can break out
 * of the script element.
 *
 * <p>After a deliberate change, regenerate the golden files with
 * {@code ./mvnw test -Dtest=StructuredDataTest -Dclinicbake.update-golden=true} and review the diff.
 */
class StructuredDataTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @TempDir
    static Path temp;
    static Path site;
    static Path out;

    @BeforeAll
    static void bakeTheMedicalFixture() throws IOException {
        // A copy: a bake keeps its cache in the site folder, which must not be the source tree's.
        site = temp.resolve("medical-site");
        SiteFixture.copy(Path.of("src/test/resources/sites/medical-site"), site, relative -> relative.startsWith(".clinicbake"));
        out = temp.resolve("public");
        BakeResult result = ClinicBake.bake(site, out, SiteFixture.options());
        assertEquals(List.of(), result.diagnostics());
    }

    @Test
    void therapyPageMatchesItsGoldenJsonLd() throws IOException {
        assertMatchesGolden("treatments/nerve-block.html", "therapy-page.jsonld");
    }

    @Test
    void conditionPageMatchesItsGoldenJsonLd() throws IOException {
        assertMatchesGolden("conditions/neck-pain.html", "condition-page.jsonld");
    }

    @Test
    void homePageMatchesItsGoldenJsonLd() throws IOException {
        assertMatchesGolden("index.html", "home-page.jsonld");
    }

    @Test
    void conditionNamesTheTherapyAsAPossibleTreatment() throws IOException {
        JsonNode condition = node(jsonLd("conditions/neck-pain.html"), "MedicalCondition");

        JsonNode treatment = condition.get("possibleTreatment").get(0);
        assertEquals("MedicalTherapy", treatment.get("@type").asText());
        assertEquals("https://clinic.example.org/treatments/nerve-block.html#entity", treatment.get("@id").asText());
    }

    @Test
    void bakingTwiceGivesTheSameJsonLd() throws IOException {
        Path again = temp.resolve("again");
        ClinicBake.bake(site, again, SiteFixture.options());

        for (String page : List.of("index.html", "treatments/nerve-block.html", "conditions/neck-pain.html")) {
            assertEquals(scriptText(out.resolve(page)), scriptText(again.resolve(page)), page);
        }
    }

    @Test
    void aTitleWithScriptTagsStaysDataInsideTheJsonLd(@TempDir Path site) throws IOException {
        String hostile = "</script><script>alert(1)</script> & \"quotes\"";
        SiteFixture.write(site, MINIMAL_SITE.replace("= Nerve Block", "= " + hostile)
                .replace(":description: What a nerve block is, how the doctor does it, and how it may ease your pain.",
                        ":description: A hostile description that ends here </SCRIPT> next, and goes on"));
        Path baked = site.resolve("output");

        BakeResult result = ClinicBake.bake(site, baked, SiteFixture.options());

        assertEquals(List.of(), result.diagnostics());
        String raw = scriptText(baked.resolve("procedures/nerve-block.html"));
        assertFalse(raw.toLowerCase(Locale.ROOT).contains("</script"), raw);
        assertFalse(raw.contains("<"), "no raw < inside the script element");
        JsonNode page = node(new ObjectMapper().readTree(raw), "MedicalWebPage");
        assertEquals(hostile, page.get("name").asText());
        assertEquals("A hostile description that ends here </SCRIPT> next, and goes on", page.get("description").asText());
        Document html = Jsoup.parse(baked.resolve("procedures/nerve-block.html").toFile(), "UTF-8");
        assertEquals(1, html.select("script").size(), "only the JSON-LD script element exists");
        assertEquals(hostile, html.selectFirst("h1").text());
    }

    @Test
    void thePageImageIsThePrimaryImageOfThePageAndTheArticlesImage(@TempDir Path site) throws IOException {
        SiteFixture.write(site, MINIMAL_SITE.replace(":med-entity-type: MedicalTherapy",
                ":med-entity-type: MedicalTherapy\n:med-image: images/nerve-block.png\n:med-image-alt: Where the needle goes")
                + "-- assets/images/nerve-block.png --\nPNG\n");

        BakeResult result = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options());

        assertEquals(List.of(), result.diagnostics());
        JsonNode graph = new ObjectMapper().readTree(scriptText(site.resolve("output/procedures/nerve-block.html")));
        JsonNode primary = node(graph, "MedicalWebPage").get("primaryImageOfPage");
        assertTrue(primary != null, "the README promises primaryImageOfPage for :med-image:");
        assertEquals("ImageObject", primary.get("@type").asText());
        assertEquals("https://clinic.example.org/images/nerve-block.png", primary.get("url").asText());
        assertEquals(primary.get("url").asText(), node(graph, "Article").get("image").asText());
    }

    /**
     * The JSON-LD's image is one the reader sees: Google's structured data policies ask that markup describe visible
     * content, and search results may show the picture beside the page. The page showed no image at all before.
     */
    @Test
    void thePageImageTheJsonLdGivesIsShownOnThePageWithItsTextAlternative(@TempDir Path site) throws IOException {
        SiteFixture.write(site, MINIMAL_SITE.replace(":med-entity-type: MedicalTherapy",
                ":med-entity-type: MedicalTherapy\n:med-image: /images/nerve-block.png\n:med-image-alt: Where the needle goes")
                + "-- assets/images/nerve-block.png --\nPNG\n");

        BakeResult result = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options());

        assertEquals(List.of(), result.diagnostics());
        org.jsoup.nodes.Element image = org.jsoup.Jsoup.parse(
                java.nio.file.Files.readString(site.resolve("output/procedures/nerve-block.html"))).selectFirst("main img");
        assertTrue(image != null, "the article shows its :med-image:");
        assertEquals("../images/nerve-block.png", image.attr("src"));
        assertEquals("Where the needle goes", image.attr("alt"));
        assertEquals(List.of(), new org.clinicbake.check.SiteChecker().check(site, site.resolve("output"), SiteFixture.TODAY)
                .diagnostics().stream().filter(problem -> problem.code().startsWith("jsonld.")).toList());
    }

    /**
     * Every name, headline, description and job title the JSON-LD gives is on the page (Google: "don't mark up content
     * that is not visible"). A provider's profile did not show its :description:, and the contact page not the clinic's
     * description, which both gave in their JSON-LD.
     */
    @Test
    void everyNameHeadlineDescriptionAndJobTitleOfTheJsonLdIsOnThePage(@TempDir Path site) throws IOException {
        SiteFixture.write(site, MINIMAL_SITE + SiteFixture.CLINIC_PAGE + """
                -- content/contact.adoc --
                = Contact Us
                :jbake-type: page
                :jbake-status: published
                :jbake-date: 2026-01-05
                :description: How to reach the clinic.

                Call us.
                -- content/providers/ann-lee.adoc --
                = Ann Lee, MD
                :jbake-type: provider
                :jbake-status: published
                :jbake-date: 2026-01-05
                :description: Dr. Ann Lee is a pain physician at our clinic.

                Dr. Lee treats back pain.
                """);

        BakeResult result = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options());

        assertEquals(List.of(), result.diagnostics());
        for (String page : List.of("procedures/nerve-block.html", "about.html", "contact.html", "providers/ann-lee.html", "index.html")) {
            Document html = Jsoup.parse(site.resolve("output").resolve(page).toFile(), "UTF-8");
            String text = html.body().text().toLowerCase(Locale.ROOT);
            for (JsonNode node : new ObjectMapper().readTree(html.selectFirst("script[type=application/ld+json]").data()).get("@graph")) {
                for (String property : List.of("name", "headline", "description", "jobTitle")) {
                    if (node.has(property)) {
                        assertTrue(text.contains(node.get(property).asText().toLowerCase(Locale.ROOT)),
                                page + ": " + node.get("@type").asText() + "." + property + " '" + node.get(property).asText()
                                        + "' is not on the page");
                    }
                }
            }
        }
    }

    /**
     * A page the JSON-LD gives as related (:med-related:, relatedLink) is one the reader can follow: the page lists it.
     * The second article named the first as related and never linked to it.
     */
    @Test
    void everyRelatedLinkOfTheJsonLdIsLinkedFromThePage(@TempDir Path site) throws IOException {
        SiteFixture.write(site, MINIMAL_SITE + SiteFixture.SECOND_ARTICLE);

        BakeResult result = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options());

        assertEquals(List.of(), result.diagnostics());
        Document html = Jsoup.parse(site.resolve("output/procedures/second-block.html").toFile(), "UTF-8");
        JsonNode graph = new ObjectMapper().readTree(html.selectFirst("script[type=application/ld+json]").data());
        JsonNode related = node(graph, "MedicalWebPage").get("relatedLink");
        assertEquals("[\"https://clinic.example.org/procedures/nerve-block.html\"]", related.toString());
        org.jsoup.nodes.Element link = html.selectFirst("main a[href=../procedures/nerve-block.html]");
        assertTrue(link != null, "the page links to its related page");
        assertEquals("Nerve Block", link.text());
    }

    /** Written from the site root (which the header check accepts) or with a space and an accent: one address of the site. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "/images/nerve-block.png, images/nerve-block.png, https://clinic.example.org/images/nerve-block.png",
            "images/Bloqueo ciático.png, images/Bloqueo ciático.png, https://clinic.example.org/images/Bloqueo%20ci%C3%A1tico.png"})
    void aPageImageIsOneEscapedAddressOfTheSite(String written, String file, String address, @TempDir Path site) throws IOException {
        SiteFixture.write(site, MINIMAL_SITE.replace(":med-entity-type: MedicalTherapy",
                ":med-entity-type: MedicalTherapy\n:med-image: " + written + "\n:med-image-alt: Where the needle goes")
                + "-- assets/" + file + " --\nPNG\n");

        BakeResult result = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options());

        assertEquals(List.of(), result.diagnostics());
        JsonNode graph = new ObjectMapper().readTree(scriptText(site.resolve("output/procedures/nerve-block.html")));
        assertEquals(address, node(graph, "Article").get("image").asText());
        assertEquals(address, node(graph, "MedicalWebPage").get("primaryImageOfPage").get("url").asText());
    }

    @Test
    void eachTypeGetsTheMedicalPropertiesSchemaOrgGivesIt(@TempDir Path site) throws IOException {
        String sections = """
                The doctor uses X-ray guidance.

                [#risks]
                == Risks

                * *Infection.* Rare.

                [#contraindications]
                == Who should not have it

                * People with a skin infection at the site.
                """;
        SiteFixture.write(site, MINIMAL_SITE.replace("The doctor uses X-ray guidance.\n", sections)
                + MINIMAL_SITE.substring(MINIMAL_SITE.indexOf("-- content/procedures/nerve-block.adoc --"))
                .replace("-- content/procedures/nerve-block.adoc --", "-- content/procedures/surgery.adoc --")
                .replace("= Nerve Block", "= Nerve Surgery")
                .replace(":jbake-type: therapy", ":jbake-type: procedure")
                .replace(":med-entity-type: MedicalTherapy", ":med-entity-type: SurgicalProcedure")
                .replace("The doctor uses X-ray guidance.\n", sections));
        BakeResult result = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options());
        assertEquals(List.of(), result.diagnostics());

        JsonNode therapy = node(new ObjectMapper().readTree(scriptText(site.resolve("output/procedures/nerve-block.html"))), "MedicalTherapy");
        assertEquals("Infection", therapy.get("adverseOutcome").get(0).get("name").asText());
        assertEquals("People with a skin infection at the site.", therapy.get("contraindication").get(0).asText());
        JsonNode surgery = node(new ObjectMapper().readTree(scriptText(site.resolve("output/procedures/surgery.html"))), "SurgicalProcedure");
        assertEquals("The doctor uses X-ray guidance.", surgery.get("howPerformed").asText());
        assertFalse(surgery.has("adverseOutcome"), "schema.org gives adverseOutcome to therapeutic procedures only");
        assertFalse(surgery.has("contraindication"), "schema.org gives contraindication to therapies only");
    }

    @Test
    void theClinicOffersATreatmentOnceHoweverManyPagesExplainIt(@TempDir Path site) throws IOException {
        SiteFixture.write(site, MINIMAL_SITE.replace(":med-entity-type: MedicalTherapy", ":med-entity-type: MedicalTherapy\n:med-entity-name: Nerve block")
                + SiteFixture.SECOND_ARTICLE
                .replace("= Second Block", "= A Closer Look at the Risks of a Nerve Block")
                .replace(":med-entity-type: MedicalTherapy", ":med-entity-type: MedicalTherapy\n:med-entity-name: Nerve block"));
        BakeResult result = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options());
        assertEquals(List.of(), result.diagnostics());

        JsonNode services = node(new ObjectMapper().readTree(scriptText(site.resolve("output/index.html"))), "MedicalClinic")
                .get("availableService");
        assertEquals(1, services.size(), services.toString());
        assertEquals("Nerve block", services.get(0).get("name").asText());
        assertEquals("https://clinic.example.org/procedures/nerve-block.html#entity", services.get(0).get("@id").asText(),
                "the page published first stands for the treatment");

        // The page that goes deeper describes the same treatment: one id, one address, wherever it is described.
        JsonNode deeper = new ObjectMapper().readTree(scriptText(site.resolve("output/procedures/second-block.html")));
        JsonNode therapy = node(deeper, "MedicalTherapy");
        assertEquals("https://clinic.example.org/procedures/nerve-block.html#entity", therapy.get("@id").asText());
        assertEquals("https://clinic.example.org/procedures/nerve-block.html", therapy.get("url").asText());
        assertEquals(therapy.get("@id").asText(), node(deeper, "MedicalWebPage").get("mainEntity").get("@id").asText());
        assertEquals("https://clinic.example.org/procedures/second-block.html", node(deeper, "MedicalWebPage").get("url").asText());
    }

    /** The nerve block's page, named "Nerve block", and a page on its risks that names it "Nerve Block". */
    private static String nerveBlockAndItsRisksSpeltOtherwise() {
        String named = ":med-entity-type: MedicalTherapy\n:med-entity-name: Nerve block";
        return MINIMAL_SITE.replace(":med-entity-type: MedicalTherapy", named)
                + SiteFixture.SECOND_ARTICLE
                .replace("= Second Block", "= A Closer Look at the Risks of a Nerve Block")
                .replace(":med-entity-type: MedicalTherapy", named.replace("Nerve block", "Nerve Block"));
    }

    @Test
    void aDeeperPageNamesItsEntityAsTheMainPageSpellsIt(@TempDir Path site) throws IOException {
        SiteFixture.write(site, nerveBlockAndItsRisksSpeltOtherwise());
        BakeResult result = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options());
        assertEquals(List.of(), result.diagnostics());

        // One id with two names would leave a search engine to pick one.
        JsonNode deeper = node(new ObjectMapper().readTree(scriptText(site.resolve("output/procedures/second-block.html"))),
                "MedicalTherapy");
        assertEquals("https://clinic.example.org/procedures/nerve-block.html#entity", deeper.get("@id").asText());
        assertEquals("Nerve block", deeper.get("name").asText());
    }

    @Test
    void aConditionNamesATreatmentOnceWhenTwoOfItsRelatedPagesExplainIt(@TempDir Path site) throws IOException {
        SiteFixture.write(site, nerveBlockAndItsRisksSpeltOtherwise()
                + """
                -- content/conditions/neck-pain.adoc --
                = Neck Pain
                :jbake-type: condition
                :jbake-status: published
                :jbake-date: 2026-01-14
                :description: What neck pain is, what causes it, and which treatments may help you feel better.
                :med-author: ann-lee
                :med-reviewer: ben-cho
                :med-last-reviewed: 2026-02-01
                :med-entity-type: MedicalCondition
                :med-related: second-block, nerve-block

                Neck pain is common.

                [bibliography]
                == References

                * [[[np,1]]] Example Health Library. Neck pain. 2025. https://health.example.org/neck
                """);
        BakeResult result = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options());
        assertEquals(List.of(), result.diagnostics());

        JsonNode treatments = node(new ObjectMapper().readTree(scriptText(site.resolve("output/conditions/neck-pain.html"))),
                "MedicalCondition").get("possibleTreatment");
        assertEquals(1, treatments.size(), treatments.toString());
        assertEquals("https://clinic.example.org/procedures/nerve-block.html#entity", treatments.get(0).get("@id").asText());
        assertEquals("Nerve block", treatments.get(0).get("name").asText());
    }

    @Test
    void aPageReviewedBeforeItWasPublishedIsNotModifiedBeforeIt(@TempDir Path site) throws IOException {
        SiteFixture.write(site, MINIMAL_SITE.replace(":med-last-reviewed: 2026-02-01", ":med-last-reviewed: 2026-01-05"));

        BakeResult result = ClinicBake.bake(site, site.resolve("output"), SiteFixture.options());

        assertEquals(List.of(), result.diagnostics());
        JsonNode graph = new ObjectMapper().readTree(scriptText(site.resolve("output/procedures/nerve-block.html")));
        assertEquals("2026-01-05", node(graph, "MedicalWebPage").get("lastReviewed").asText());
        assertEquals("2026-01-10", node(graph, "MedicalWebPage").get("dateModified").asText());
        assertEquals(node(graph, "Article").get("datePublished").asText(), node(graph, "Article").get("dateModified").asText());
    }

    private static void assertMatchesGolden(String page, String golden) throws IOException {
        String actual = scriptText(out.resolve(page));
        Path file = GOLDEN.resolve(golden);
        if (Boolean.getBoolean("clinicbake.update-golden")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(file), "missing golden file " + file + "; run with -Dclinicbake.update-golden=true");
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, page);
    }

    static String scriptText(Path page) throws IOException {
        Document html = Jsoup.parse(page.toFile(), "UTF-8");
        return html.selectFirst("script[type=application/ld+json]").data().strip() + "\n";
    }

    private static JsonNode jsonLd(String page) throws IOException {
        return new ObjectMapper().readTree(scriptText(out.resolve(page)));
    }

    private static JsonNode node(JsonNode document, String type) {
        for (JsonNode node : document.get("@graph")) {
            if (type.equals(node.get("@type").asText())) {
                return node;
            }
        }
        throw new AssertionError("no " + type + " node in " + document);
    }
}
