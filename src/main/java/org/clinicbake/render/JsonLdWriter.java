package org.clinicbake.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Writes JSON-LD for a {@code <script type="application/ld+json">} element.
 *
 * <p>HTML ends a script element at the first {@code </script}, whatever the JSON around it, so
 * {@code <}, {@code >} and {@code &} are written as {@code \u003c}, {@code \u003e} and {@code \u0026}:
 * still the same JSON string, but a title such as {@code </script><script>alert(1)</script>} stays
 * data. U+2028 and U+2029 are escaped too, since older JavaScript parsers end a line at them.
 */
final class JsonLdWriter {

    private final ObjectWriter writer;

    JsonLdWriter() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setCharacterEscapes(new ScriptSafeEscapes());
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        this.writer = mapper.writer(printer);
    }

    String write(JsonNode document) {
        try {
            return writer.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON-LD could not be written", e);
        }
    }

    private static final class ScriptSafeEscapes extends CharacterEscapes {

        private static final long serialVersionUID = 1L;
        private final int[] escapes;

        ScriptSafeEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028 || ch == 0x2029) {
                return new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
