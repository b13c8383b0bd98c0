package org.clinicbake.content;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every header attribute ClinicBake reads, with when it is required, an example and what it
 * becomes. This enum is the one place the vocabulary is written down: README.md's table is
 * generated from {@link #markdownTable()} (a test keeps the two equal).
 */
public enum HeaderKey {

    TITLE("= Title", Need.ALL, "= Epidural Steroid Injection",
            "The page title: the `<h1>`, the `<title>`, `name`/`headline` in the JSON-LD. Plain text."),
    TYPE("jbake-type", Need.ALL, "therapy",
            "The kind of page, which picks its template: `therapy`, `procedure`, `condition`, `article` (clinical), "
                    + "`page` (clinic page), `provider` (a provider's profile)."),
    STATUS("jbake-status", Need.ALL, "published",
            "`published`, or `draft` to keep the page out of the site (`published-date`: left out until the day of `:jbake-date:` in the site's time zone, then published by the next bake; `serve` shows it with the draft banner)."),
    DATE("jbake-date", Need.ALL, "2026-09-14",
            "Publication date, `YYYY-MM-DD`: `datePublished`. Not in the future for a published page."),
    TAGS("jbake-tags", Need.OPTIONAL, "procedures, sciatica, back-pain",
            "Topics, comma-separated, lowercase words joined by hyphens; each gets a page under `tags/` (`tags/back-pain.html`). "
                    + "A space becomes a hyphen (`tag.sanitize`, on by default); a topic with anything but letters, digits, hyphens, "
                    + "dots and underscores, or longer than " + AsciidocEngine.TOPIC_LENGTH + " characters, is an error (`header.invalid-tag`), since it names a file; "
                    + "so is a topic that another article spells with other capitals (`Back-Pain`, `back-pain`: `header.topic-case`)."),
    DESCRIPTION("description", Need.CLINICAL, "How an epidural steroid injection works and who it may help.",
            "One or two sentences for search results and article lists, 50 to 160 characters on a clinical page (a warning outside): "
                    + "meta description and `description`."),
    KEYWORDS("keywords", Need.OPTIONAL, "epidural, steroid, injection",
            "Comma-separated keywords: `keywords`."),
    ENTITY_TYPE("med-entity-type", Need.CLINICAL_ENTITY, "MedicalTherapy",
            "The schema.org type of what the page is about: `MedicalTherapy` or `PhysicalTherapy` (therapy); "
                    + "`TherapeuticProcedure`, `DiagnosticProcedure` or `MedicalProcedure` (procedure); "
                    + "`MedicalCondition` (condition). Required for those kinds, optional for `article`."),
    ENTITY_NAME("med-entity-name", Need.OPTIONAL, "Epidural steroid injection",
            "The entity's `name`, when it differs from the title."),
    ALSO_KNOWN_AS("med-also-known-as", Need.OPTIONAL, "ESI, epidural corticosteroid injection",
            "Other names, comma-separated: `alternateName`."),
    AUTHOR("med-author", Need.CLINICAL, "daniel-reyes",
            "Author's id in `data/providers.yml` (comma-separated for several): the byline and `author` (Person)."),
    REVIEWER("med-reviewer", Need.CLINICAL, "maya-okafor",
            "Medical reviewer's id in `data/providers.yml`; must have credentials: \"Medically reviewed by\" and `reviewedBy`."),
    LAST_REVIEWED("med-last-reviewed", Need.CLINICAL, "2026-11-02",
            "Date of the last medical review, `YYYY-MM-DD`: `lastReviewed`. Not in the future, not older than the review interval."),
    REVIEW_INTERVAL("med-review-interval", Need.OPTIONAL, "12",
            "Months until the next review is due, 1 to 36 (default 12): \"Next review due\"."),
    DATE_MODIFIED("med-date-modified", Need.OPTIONAL, "2026-11-02",
            "Date of the last change to the content, `YYYY-MM-DD` (default: the last review, or `:jbake-date:` when the review came before it), not before `:jbake-date:` nor in the future: `dateModified`, and, when later than the last review, the page's date in the feed, the sitemap and the article lists. A clinic page (`page`, a provider's profile) has none unless given, and shows it as \"Page updated\" beside \"Page published\"."),
    AUDIENCE("med-audience", Need.OPTIONAL, "patient",
            "`patient` (default) or `clinician`: `medicalAudience`."),
    SPECIALTY("med-specialty", Need.OPTIONAL, "Anesthesia",
            "schema.org MedicalSpecialty members, comma-separated (e.g. Anesthesia, Musculoskeletal, Neurologic, "
                    + "Physiotherapy): the page's `specialty` and the entity's `relevantSpecialty`."),
    PROCEDURE_TYPE("med-procedure-type", Need.OPTIONAL, "PercutaneousProcedure",
            "`PercutaneousProcedure` or `NoninvasiveProcedure`, for therapies and procedures: `procedureType`."),
    BODY_LOCATION("med-body-location", Need.OPTIONAL, "Epidural space of the spine",
            "Where on the body a therapy or procedure is done: `bodyLocation`."),
    ANATOMY("med-anatomy", Need.OPTIONAL, "Lumbar spine, Spinal nerve roots",
            "Anatomy a condition involves, comma-separated: `associatedAnatomy` (AnatomicalStructure)."),
    CODE("med-code", Need.OPTIONAL, "ICD-10-CM:M54.3",
            "Medical codes as `system:code`, comma-separated: `code` (MedicalCode)."),
    RELATED("med-related", Need.OPTIONAL, "sciatica, physical-therapy",
            "File names (without `.adoc`) of related pages: listed as \"Related pages\" at the foot of the article, and `relatedLink`; on a condition, the therapies among them are "
                    + "its `possibleTreatment`. A name that two folders hold is an error (`header.ambiguous-related`), "
                    + "and so, on a published page, is a draft (`header.unpublished-related`), which `bake` leaves out."),
    IMAGE("med-image", Need.OPTIONAL, "images/esi-diagram.png",
            "An image of the page, a file of `assets/` or `content/`, as its path in the output: shown under the article's header, and `image` and `primaryImageOfPage`. Needs `med-image-alt`."),
    IMAGE_ALT("med-image-alt", Need.OPTIONAL, "Diagram of a needle entering the epidural space",
            "Text alternative of `med-image`.");

    /** Page types that are clinical articles: author, reviewer, review dates and references required. */
    public static final java.util.Set<String> CLINICAL_PAGE_TYPES = java.util.Set.of("therapy", "procedure", "condition", "article", "post");

    /** When a key must be present. */
    public enum Need {
        ALL("every page"),
        CLINICAL("clinical pages"),
        CLINICAL_ENTITY("therapy, procedure, condition"),
        OPTIONAL("no");

        private final String label;

        Need(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String attribute;
    private final Need need;
    private final String example;
    private final String meaning;

    HeaderKey(String attribute, Need need, String example, String meaning) {
        this.attribute = attribute;
        this.need = need;
        this.example = example;
        this.meaning = meaning;
    }

    /** The attribute name as written in the header, without colons. */
    public String attribute() {
        return attribute;
    }

    public Need need() {
        return need;
    }

    public String example() {
        return example;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<HeaderKey> of(String attribute) {
        return Arrays.stream(values()).filter(key -> key.attribute.equals(attribute)).findFirst();
    }

    /** The README's table of header attributes. */
    public static String markdownTable() {
        StringBuilder table = new StringBuilder("| Attribute | Required on | Example | Meaning |\n|---|---|---|---|\n");
        for (HeaderKey key : values()) {
            String written = key == TITLE ? "`= Title`" : "`:" + key.attribute + ":`";
            String example = key == TITLE ? "`" + key.example + "`" : "`:" + key.attribute + ": " + key.example + "`";
            table.append("| ").append(written)
                    .append(" | ").append(key.need.label())
                    .append(" | ").append(example.replace("|", "\\|"))
                    .append(" | ").append(key.meaning.replace("|", "\\|"))
                    .append(" |\n");
        }
        return table.toString();
    }
}
