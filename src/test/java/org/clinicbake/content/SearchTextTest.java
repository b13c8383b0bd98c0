package org.clinicbake.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Fixture: Asciidoctor-like HTML bodies. Feature tested: what the site search indexes of an article
 * (its h2 and h3 headings, its opening words) is read from the parsed article without changing it,
 * with words kept whole across inline markup and apart across blocks.
 */
class SearchTextTest {

    @Test
    void readsHeadingsAndOpeningWordsWithoutChangingTheArticle() {
        Document parsed = Jsoup.parse("""
                <div class="paragraph"><p>An <em>epidural</em> steroid injection eases nerve pain.</p></div>
                <div class="sect1"><h2 id="risks">Risks &amp; side effects</h2><div class="sectionbody">
                <div class="ulist"><ul><li><p>Soreness</p></li><li><p>Infection</p></li></ul></div>
                <div class="sect2"><h3 id="rare">Rare problems</h3></div>
                <script>var tracker = 1;</script></div></div>
                <h4>Not indexed as a heading</h4>
                """);
        String before = parsed.outerHtml();

        SearchText search = SearchText.of(parsed);

        assertEquals(List.of("Risks & side effects", "Rare problems"), search.headings());
        assertEquals("An epidural steroid injection eases nerve pain. Risks & side effects Soreness Infection "
                + "Rare problems Not indexed as a heading", search.opening());
        assertEquals(before, parsed.outerHtml(), "the article is scored for reading level afterwards");
    }

    @Test
    void keepsOnlyTheOpeningWords() {
        String words = "word ".repeat(SearchText.WORDS + 50);
        SearchText search = SearchText.of("<p>" + words + "</p><h2>Late heading</h2><p>late text</p>");

        assertEquals(SearchText.WORDS, search.opening().split(" ").length);
        assertTrue(search.opening().startsWith("word word"));
        assertEquals(List.of("Late heading"), search.headings(), "headings are read from the whole article");
    }

    @Test
    void titleTextIsWhatABrowserShows() {
        for (String title : List.of("Epidural  Steroid Injection ", "Sciatica: <em>what</em> helps",
                "Back &amp; neck pain", "\tFacet joint\ninjections", "Caf\u00e9 \u00a0visits")) {
            assertEquals(Jsoup.parse(title).text(), AsciidocEngine.plainText(title), title);
        }
    }
}
