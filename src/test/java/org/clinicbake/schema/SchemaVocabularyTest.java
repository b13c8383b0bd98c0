package org.clinicbake.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * Features tested: bakes read schema.org in a compact form that is exactly what the pinned release
 * says. When the release file is replaced, regenerate the compact form with
 * {@code ./mvnw test -Dtest=SchemaVocabularyTest -Dclinicbake.update-golden=true} and review the diff.
 */
class SchemaVocabularyTest {

    private static final Path COMPACT = Path.of("src/main/resources").resolve(SchemaVocabulary.COMPACT_RESOURCE);

    @Test
    void theCompactFormIsDerivedFromTheReleaseFile() throws IOException {
        String derived = SchemaVocabulary.loadRelease().compactForm();
        if (Boolean.getBoolean("clinicbake.update-golden")) {
            Files.writeString(COMPACT, derived, StandardCharsets.UTF_8);
        }

        assertEquals(derived, Files.readString(COMPACT, StandardCharsets.UTF_8),
                "the compact form is stale; run with -Dclinicbake.update-golden=true");
    }

    @Test
    void theCompactFormReadsBackAsTheSameVocabulary() throws IOException {
        SchemaVocabulary compact = SchemaVocabulary.load();

        assertEquals(Files.readString(COMPACT, StandardCharsets.UTF_8), compact.compactForm());
        assertEquals(SchemaVocabulary.loadRelease().typeCount(), compact.typeCount());
        assertTrue(compact.isSubClassOf("MedicalTherapy", "MedicalEntity"));
        assertTrue(compact.isMemberOf("Anesthesia", "MedicalSpecialty"));
        assertTrue(compact.isDataType("URL"));
        assertTrue(compact.property("contraindication").orElseThrow().domain().contains("MedicalTherapy"));
        assertFalse(compact.isProperty("indication"), "schema.org 30.0 has no 'indication'");
    }

    @Test
    void aFileThatIsNotTheCompactFormIsRefused() {
        IOException refused = assertThrows(IOException.class, () -> SchemaVocabulary.readCompact(
                new ByteArrayInputStream("{\"@graph\": []}".getBytes(StandardCharsets.UTF_8))));

        assertTrue(refused.getMessage().contains("not a compact schema.org vocabulary"), refused.getMessage());
    }
}
