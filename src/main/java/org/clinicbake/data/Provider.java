package org.clinicbake.data;

import java.util.List;

/**
 * A clinician who writes or reviews articles, from {@code data/providers.yml}.
 *
 * @param id              key in {@code providers.yml}; also the slug of the profile page
 * @param name            given and family name only, e.g. {@code Maya Okafor}
 * @param honorificPrefix e.g. {@code Dr.}, or {@code null}
 * @param honorificSuffix credentials after the name, e.g. {@code MD} or {@code PT, DPT}, or {@code null}
 * @param jobTitle        e.g. {@code Interventional Pain Physician}
 * @param credentials     board certifications and degrees, one per entry
 * @param bio             one or two plain sentences
 * @param npi             US National Provider Identifier (10 digits), or {@code null}
 * @param line            line of the entry in {@code providers.yml}, for diagnostics
 */
public record Provider(String id, String name, String honorificPrefix, String honorificSuffix,
                       String jobTitle, List<String> credentials, String bio, String npi, int line) {

    /**
     * Name as shown in a byline: {@code Maya Okafor, MD}. The prefix ({@code Dr.}) only when no
     * credentials follow the name: medical style (the AMA's, Mayo Clinic's bylines) uses one or the
     * other, and "Dr. Maya Okafor, MD" says it twice. Structured data keeps both.
     */
    public String displayName() {
        StringBuilder shown = new StringBuilder();
        boolean credentialed = honorificSuffix != null && !honorificSuffix.isBlank();
        if (!credentialed && honorificPrefix != null && !honorificPrefix.isBlank()) {
            shown.append(honorificPrefix).append(' ');
        }
        shown.append(name);
        if (credentialed) {
            shown.append(", ").append(honorificSuffix);
        }
        return shown.toString();
    }
}
