package org.clinicbake.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProviderTest {

    private static Provider provider(String prefix, String suffix) {
        return new Provider("maya-okafor", "Maya Okafor", prefix, suffix, "Pain Physician", List.of(), "", null, 1);
    }

    @Test
    void aBylineNamesTheCredentialsOrTheTitleNotBoth() {
        assertEquals("Maya Okafor, MD", provider("Dr.", "MD").displayName());
        assertEquals("Dr. Maya Okafor", provider("Dr.", null).displayName());
        assertEquals("Maya Okafor, PT, DPT", provider(null, "PT, DPT").displayName());
        assertEquals("Maya Okafor", provider(" ", " ").displayName());
    }
}
