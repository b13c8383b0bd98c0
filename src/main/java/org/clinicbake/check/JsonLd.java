package org.clinicbake.check;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** The JSON-LD data blocks of a page and their parsing, shared by the checks that read structured data. */
final class JsonLd {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private static final Evaluator TYPED_SCRIPT = QueryParser.parse("script[type]");

    private JsonLd() {
    }

    /** The page's {@code <script type="application/ld+json">} elements, in document order. */
    static List<Element> blocks(Page page) {
        return page.select(TYPED_SCRIPT).stream()
                .filter(script -> script.attr("type").strip().toLowerCase(Locale.ROOT).equals("application/ld+json"))
                .toList();
    }

    /** Parses a block; throws when its text is not one JSON value. */
    static JsonNode parse(Element block) throws JsonProcessingException {
        String text = block.data();
        if (text.isBlank()) {
            throw new EmptyBlock();
        }
        return JSON.readTree(text);
    }

    /** A block with nothing in it: Jackson reads it as "no value" rather than failing. */
    static final class EmptyBlock extends JsonProcessingException {
        private static final long serialVersionUID = 1L;

        EmptyBlock() {
            super("the block is empty");
        }
    }
}
