package org.clinicbake.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.clinicbake.diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLdCheckTest {

    @TempDir
    Path temp;

    @Test
    void blockThatIsNotJsonIsAnErrorOnTheLineOfTheMistake() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", """
                        <script type="application/ld+json">
                        {
                          "@context": "https://schema.org",
                          "@type": "WebPage",
                          "name": "Home",
                        }
                        </script>""");

        assertEquals(List.of("index.html:15: error[jsonld.invalid]: JSON-LD block is not valid JSON: Unexpected character "
                + "('}' (code 125)): was expecting double-quote to start field name"), output.firstLines());
    }

    @Test
    void emptyBlockIsInvalidJson() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", "<script type=\"application/ld+json\">  </script>");

        assertEquals(List.of("index.html:10: error[jsonld.invalid]: JSON-LD block is not valid JSON: the block is empty"),
                output.firstLines());
    }

    @Test
    void schemaOrgProblemsKeepTheirCodesAndSeverities() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", """
                        <script type="application/ld+json">
                        {"@context": "https://schema.org", "@graph": [
                          {"@type": "MedicalWebPage", "@id": "https://clinic.example.org/#webpage", "Name": "Home"},
                          {"@type": "Person", "name": "Ann Lee", "headline": "Pain doctor"}
                        ]}
                        </script>
                        <p>Home: Ann Lee, Pain doctor</p>""");

        List<Diagnostic> diagnostics = output.check().diagnostics();

        assertEquals(List.of(
                "index.html:10: warning[schema.domain]: property 'headline' is not expected on Person (in Person)",
                "index.html:10: error[schema.unknown-property]: unknown schema.org property 'Name' "
                        + "(in https://clinic.example.org/#webpage)"),
                diagnostics.stream().map(OutputFixture::firstLine).toList());
        assertEquals("did you mean 'name'? schema.org names are case-sensitive", diagnostics.get(1).hint());
    }

    @Test
    void validGraphHasNoProblems() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", """
                        <script type="application/ld+json">
                        {"@context": "https://schema.org", "@type": "MedicalWebPage", "name": "Test page",
                         "lastReviewed": "2026-11-02"}
                        </script>
                        <p>Reviewed <time datetime="2026-11-02">November 2, 2026</time></p>""");

        assertEquals(List.of(), output.firstLines());
    }

    @Test
    void dateInTheJsonLdThatThePageDoesNotShowIsAWarning() {
        OutputFixture output = new OutputFixture(temp)
                .page("about.html", """
                        <script type="application/ld+json">
                        {"@context": "https://schema.org", "@graph": [
                          {"@type": "AboutPage", "name": "About", "datePublished": "2026-09-01", "dateModified": "2026-11-20"},
                          {"@type": "Article", "headline": "About", "datePublished": "2026-09-01T00:00:00-08:00"}
                        ]}
                        </script>
                        <p>About. Page published: <time datetime="2026-09-01">September 1, 2026</time></p>""");

        List<Diagnostic> diagnostics = output.check().diagnostics();

        assertEquals(List.of("about.html:10: warning[jsonld.date-not-shown]: the JSON-LD gives dateModified 2026-11-20, "
                + "which the page does not show"), diagnostics.stream().map(OutputFixture::firstLine).toList());
        assertEquals(true, diagnostics.get(0).hint().contains("<time datetime=\"2026-11-20\">"));
    }

    @Test
    void dayShownWithATimeOfDayCountsAsShown() {
        OutputFixture output = new OutputFixture(temp)
                .page("about.html", """
                        <script type="application/ld+json">
                        {"@context": "https://schema.org", "@type": "AboutPage", "name": "About", "datePublished": "2026-09-01"}
                        </script>
                        <p>About. Published <time datetime="2026-09-01T09:30:00-07:00">September 1, 2026</time></p>""");

        assertEquals(List.of(), output.firstLines());
    }

    @Test
    void anImageInTheJsonLdThatThePageDoesNotShowIsAWarning() {
        OutputFixture output = new OutputFixture(temp)
                .properties("site.host=https://clinic.example.org\n")
                .page("procedures/nerve-block.html", """
                        <script type="application/ld+json">
                        {"@context": "https://schema.org", "@graph": [
                          {"@type": "MedicalWebPage", "name": "Test page",
                           "primaryImageOfPage": {"@type": "ImageObject", "url": "https://clinic.example.org/images/block.png"}},
                          {"@type": "Article", "headline": "Test page", "image": "https://clinic.example.org/images/block.png"}
                        ]}
                        </script>
                        <img src="../images/logo.png" alt="">""")
                .file("images/block.png", "PNG")
                .file("images/logo.png", "PNG");

        List<Diagnostic> diagnostics = output.check().diagnostics();

        assertEquals(List.of("procedures/nerve-block.html:10: warning[jsonld.image-not-shown]: the JSON-LD gives the image "
                + "https://clinic.example.org/images/block.png, which the page does not show"),
                diagnostics.stream().map(OutputFixture::firstLine).toList());
    }

    /** Relative to the page, from the site root, as a srcset candidate, or with the site's address: the same image. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "<img src=\"../images/block%20one.png\" alt=\"Where the needle goes\">",
            "<img src=\"/images/block one.png\" alt=\"Where the needle goes\">",
            "<img src=\"../images/small.png\" srcset=\"../images/small.png 480w, ../images/block%20one.png 960w\" alt=\"x\">",
            "<picture><source srcset=\"https://clinic.example.org/images/block%20one.png\"><img src=\"../images/small.png\" alt=\"x\"></picture>"})
    void anImageThePageShowsUnderAnyOfItsAddressesIsShown(String shown) {
        OutputFixture output = new OutputFixture(temp)
                .properties("site.host=https://clinic.example.org\n")
                .page("procedures/nerve-block.html", """
                        <script type="application/ld+json">
                        {"@context": "https://schema.org", "@type": "Article", "headline": "Test page",
                         "image": ["https://clinic.example.org/images/block%20one.png"]}
                        </script>
                        """ + shown)
                .file("images/block one.png", "PNG")
                .file("images/small.png", "PNG");

        assertEquals(List.of(), output.firstLines());
    }

    /**
     * What search engines take the page to say (its headline, its description, who wrote and reviewed it and in what role)
     * must be what readers see; only dates were compared before. Case, spacing and typographic quotes do not count.
     */
    @Test
    void aNameHeadlineDescriptionOrJobTitleThePageDoesNotShowIsAWarning() {
        OutputFixture output = new OutputFixture(temp)
                .page("providers/ann-lee.html", """
                        <script type="application/ld+json">
                        {"@context": "https://schema.org", "@graph": [
                          {"@type": "ProfilePage", "name": "Test Page", "description": "Dr. Ann Lee treats   back pain at our clinic."},
                          {"@type": "Person", "name": "Ann Lee", "jobTitle": "Pain Physician"},
                          {"@type": "Article", "headline": "Ann Lee's page", "description": "Dr. Ann Lee treats back pain at our clinic."}
                        ]}
                        </script>
                        <p>Ann Lee\u2019s page, MD</p>""");

        List<Diagnostic> diagnostics = output.check().diagnostics();

        assertEquals(List.of(
                "providers/ann-lee.html:10: warning[jsonld.text-not-shown]: the JSON-LD gives the Person's jobTitle "
                        + "\"Pain Physician\", which the page does not show",
                "providers/ann-lee.html:10: warning[jsonld.text-not-shown]: the JSON-LD gives the ProfilePage's description "
                        + "\"Dr. Ann Lee treats back pain at our clinic.\", which the page does not show"),
                diagnostics.stream().map(OutputFixture::firstLine).toList());
    }

    /** A related page the markup names must be one the reader is offered: a link to it, its section, or its full address. */
    @Test
    void aRelatedLinkThePageDoesNotLinkToIsAWarning() {
        OutputFixture output = new OutputFixture(temp)
                .properties("site.host=https://clinic.example.org\n")
                .page("procedures/nerve-block.html", """
                        <script type="application/ld+json">
                        {"@context": "https://schema.org", "@type": "MedicalWebPage", "name": "Test page", "relatedLink": [
                          "https://clinic.example.org/conditions/sciatica.html",
                          "https://clinic.example.org/procedures/second-block.html",
                          "https://clinic.example.org/procedures/physical-therapy.html"]}
                        </script>
                        <p><a href="../conditions/sciatica.html#symptoms">Sciatica</a>
                        <a href="https://clinic.example.org/procedures/physical-therapy.html">Physical therapy</a></p>""")
                .page("conditions/sciatica.html", "<h2 id=\"symptoms\">Symptoms</h2>")
                .page("procedures/second-block.html", "")
                .page("procedures/physical-therapy.html", "");

        assertEquals(List.of("procedures/nerve-block.html:10: warning[jsonld.link-not-shown]: the JSON-LD gives "
                        + "https://clinic.example.org/procedures/second-block.html as a related page, which the page does not link to"),
                output.check().diagnostics().stream().map(OutputFixture::firstLine)
                        .filter(line -> !line.contains("link.own-host")).toList());
    }
}
