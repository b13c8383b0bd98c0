package org.clinicbake.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class JsonLdWriterTest {

    @Test
    void escapesWhatCouldEndTheScriptElementOrALine() throws Exception {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", "</script><!-- & \u2028\u2029 \"q\"");

        String written = new JsonLdWriter().write(node);

        assertEquals("{\n  \"name\" : \"\\u003C/script\\u003E\\u003C!-- \\u0026 \\u2028\\u2029 \\\"q\\\"\"\n}", written);
        assertFalse(written.contains("<"));
        assertEquals(node, new ObjectMapper().readTree(written));
    }

    @Test
    void keepsTheOrderKeysWereAddedIn() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("@type", "WebPage");
        node.put("name", "b");
        node.put("about", "a");

        assertEquals("{\n  \"@type\" : \"WebPage\",\n  \"name\" : \"b\",\n  \"about\" : \"a\"\n}", new JsonLdWriter().write(node));
    }
}
