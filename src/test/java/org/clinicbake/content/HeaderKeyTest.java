package org.clinicbake.content;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class HeaderKeyTest {

    @Test
    void readmeTableIsTheOneGeneratedFromHeaderKey() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertTrue(readme.contains(HeaderKey.markdownTable()),
                "README.md's header table differs from HeaderKey.markdownTable(); paste it again:\n" + HeaderKey.markdownTable());
    }

    @Test
    void everyKeyHasAnExampleAndAMeaning() {
        for (HeaderKey key : HeaderKey.values()) {
            assertTrue(!key.example().isBlank() && !key.meaning().isBlank(), key.name());
        }
    }
}
