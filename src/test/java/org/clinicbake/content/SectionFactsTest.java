package org.clinicbake.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Fixture: Asciidoctor's HTML for an article with tagged sections, a citation marker and a
 * bibliography. Feature tested: the facts structured data needs are read once, leave the parsed
 * article as it was (its reading level is scored on it afterwards), and survive the conversion cache.
 */
class SectionFactsTest {

    private static final String HTML = """
            <div class="sect1"><h2 id="how-performed">How is it done?</h2><div class="sectionbody">
            <div class="paragraph"><p>The doctor uses X-ray guidance <a href="#nb">[1]</a>.</p></div></div></div>
            <div class="sect1"><h2 id="risks">Risks</h2><div class="sectionbody"><div class="ulist"><ul>
            <li><p><strong>Infection.</strong> Rare.</p></li><li><p>Soreness where the needle went in.</p></li>
            </ul></div></div></div>
            <div class="sect1"><h2 id="_references">References</h2><div class="sectionbody"><div class="ulist bibliography"><ul class="bibliography">
            <li><p><a id="nb"></a>[1] Example Health Library. Nerve blocks. 2025. <a href="https://health.example.org/nb" class="bare">https://health.example.org/nb</a></p></li>
            </ul></div></div></div>
            """;

    @Test
    void readsTaggedSectionsAndReferencesWithoutChangingTheArticle() {
        Document parsed = Jsoup.parse(HTML);
        String before = parsed.outerHtml();

        SectionFacts facts = SectionFacts.of(parsed);

        assertEquals(Optional.of("The doctor uses X-ray guidance."), facts.text("how-performed"), "no citation marker");
        assertEquals(List.of("Infection", "Soreness where the needle went in."), facts.itemNames("risks"));
        assertEquals(List.of("Infection. Rare.", "Soreness where the needle went in."), facts.items("risks"));
        assertEquals(List.of(), facts.items("symptoms"));
        assertEquals(List.of(new SectionFacts.Reference("Example Health Library. Nerve blocks. 2025", "https://health.example.org/nb")),
                facts.references());
        assertEquals(before, parsed.outerHtml(), "the article is left for the reading level to be scored on");
        assertThrows(IllegalArgumentException.class, () -> facts.text("not-read"));
    }

    /** An item's name is its bold lead-in: the item's first element, or the first element of a paragraph of it. */
    @Test
    void anItemIsNamedByABoldLeadInThatStartsIt() {
        Document parsed = Jsoup.parse("""
                <div class="sect1"><h2 id="risks">Risks</h2><div class="sectionbody"><ul>
                <li><strong>Bleeding:</strong> rare.</li>
                <li><em>Often</em> <strong>soreness</strong>.</li>
                <li><p>Nerve <strong>damage</strong>, very rare.</p></li>
                <li><p>Headache.</p><p><strong>Allergy.</strong> To the dye.</p></li>
                <li><p>Outer.</p><ul><li><p><strong>Inner.</strong> Nested.</p></li></ul></li>
                </ul></div></div>
                """);

        assertEquals(List.of("Bleeding", "Often soreness.", "Nerve damage, very rare.", "Headache. Allergy. To the dye.",
                "Outer. Inner. Nested.", "Inner"), SectionFacts.of(parsed).itemNames("risks"));
    }

    @Test
    void referencesAreTheItemsOfABibliographyListOrOfAnyListInABibliographyBlock() {
        Document parsed = Jsoup.parse("""
                <ul class="bibliography"><li><p>[1] Outer one.</p><ul><li>Nested under a plain list.</li></ul></li>
                <li>[2] Outer two.</li></ul>
                <div class="ulist Bibliography"><ol><li>[3] In a block.<ol><li>Nested in a block.</li></ol></li></ol></div>
                <span class="bibliography"><ul><li>Neither a bibliography list nor block.</li></ul></span>
                """);

        assertEquals(List.of("Outer one. Nested under a plain list", "Outer two", "In a block. Nested in a block",
                        "Nested in a block"),
                SectionFacts.of(parsed).references().stream().map(SectionFacts.Reference::name).toList());
    }

    @Test
    void tidyDropsOnlyTheWhiteSpaceBeforePunctuation() {
        assertEquals("Rare,\tsoreness. Pain  stays; mild!", SectionFacts.tidy("  Rare ,\tsoreness \n. Pain  stays\u000B; mild\f\r!  "));
        assertEquals("a? b", SectionFacts.tidy("a ? b"), "the space after the mark stays");
        assertEquals("", SectionFacts.tidy(" \t "));
    }

    @Test
    void survivesTheConversionCacheAsJson() throws Exception {
        SectionFacts facts = SectionFacts.of(Jsoup.parse(HTML));
        ObjectMapper json = new ObjectMapper();

        assertEquals(facts, json.readValue(json.writeValueAsString(facts), SectionFacts.class));
    }
}
