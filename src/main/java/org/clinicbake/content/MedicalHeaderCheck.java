package org.clinicbake.content;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.clinicbake.build.BuildSession;
import org.clinicbake.data.Provider;
import org.clinicbake.diag.Diagnostics;
import org.jbake.model.DocumentModel;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The medical publishing rules for one page's header: who wrote and reviewed it, when it was
 * reviewed and when that review runs out, what it is about, and that it cites its sources.
 *
 * <p>Sources of the rules: NHS content policy (clinical content approved by a qualified clinician),
 * HONcode (authorship, dates, attribution), NHS and HSE review-date patterns (review at least every
 * three years; ClinicBake defaults to yearly).
 */
final class MedicalHeaderCheck {

    static final Set<String> CLINICAL_TYPES = HeaderKey.CLINICAL_PAGE_TYPES;
    static final int DEFAULT_REVIEW_MONTHS = 12;
    static final int MAX_REVIEW_MONTHS = 36;

    private static final Map<String, List<String>> ENTITY_TYPES = Map.of(
            "therapy", List.of("MedicalTherapy", "PhysicalTherapy", "OccupationalTherapy", "RadiationTherapy"),
            "procedure", List.of("MedicalProcedure", "TherapeuticProcedure", "DiagnosticProcedure", "SurgicalProcedure",
                    "PalliativeProcedure", "MedicalTherapy", "PhysicalTherapy"),
            "condition", List.of("MedicalCondition", "MedicalSignOrSymptom", "MedicalSymptom", "MedicalSign",
                    "InfectiousDisease"));
    private static final List<String> PROCEDURE_TYPES = List.of("NoninvasiveProcedure", "PercutaneousProcedure");
    private static final List<String> AUDIENCES = List.of("patient", "clinician");

    private final BuildSession session;
    private final String path;
    private final DocumentHeader header;
    private final DocumentModel model;
    private final Diagnostics diagnostics;
    private boolean ok = true;

    private MedicalHeaderCheck(BuildSession session, String path, DocumentHeader header, DocumentModel model) {
        this.session = session;
        this.path = path;
        this.header = header;
        this.model = model;
        this.diagnostics = session.diagnostics();
    }

    /** Checks the page; false when an error keeps it out of the site (all problems are reported). */
    static boolean check(BuildSession session, String path, DocumentHeader header, DocumentModel model, boolean citesReferences,
                         List<String> lines) {
        MedicalHeaderCheck check = new MedicalHeaderCheck(session, path, header, model);
        check.run(citesReferences, lines);
        return check.ok;
    }

    private static final java.util.regex.Pattern REFERENCES_MARK =
            java.util.regex.Pattern.compile("^\\[(?:bibliography|#references|\\[references\\])(?:[.,#%\\]].*)?$");

    /** The line of the References section's heading (marked [bibliography] or [#references]), or 0 when there is none. */
    static int referencesHeadingLine(List<String> lines) {
        boolean marked = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (REFERENCES_MARK.matcher(line).matches()) {
                marked = true;
            } else if (marked && line.startsWith("=")) {
                return i + 1;
            } else if (!line.startsWith("[")) {
                marked = false;
            }
        }
        return 0;
    }

    /**
     * Whether an article's body lists references (a bibliography, or items under a References
     * section): a list item found as the query {@code .bibliography li, #references ~ .sectionbody li}
     * would find it. By hand, in one walk that stops at the first: the query tested every list item's
     * ancestors and their siblings, a tenth of the time of all the facts read from a body.
     */
    static boolean citesReferences(Document body) {
        return body.stream().anyMatch(element -> (element.hasClass("bibliography") && hasListItemInside(element))
                || (element.id().equals("references") && sectionBodyWithListItemAfter(element)));
    }

    private static boolean sectionBodyWithListItemAfter(Element element) {
        for (Element sibling = element.nextElementSibling(); sibling != null; sibling = sibling.nextElementSibling()) {
            if (sibling.hasClass("sectionbody") && hasListItemInside(sibling)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasListItemInside(Element element) {
        return element.stream().anyMatch(inside -> inside != element && inside.nameIs("li"));
    }

    private void run(boolean citesReferences, List<String> lines) {
        String type = model.getType();
        boolean clinical = CLINICAL_TYPES.contains(type);
        checkEntityType(type);
        checkValues();
        if (!clinical) {
            return;
        }
        checkTitle();
        checkDescription();
        List<Provider> authors = providers(HeaderKey.AUTHOR);
        List<Provider> reviewers = providers(HeaderKey.REVIEWER);
        for (Provider person : concat(authors, reviewers)) {
            if (blank(person.honorificSuffix()) && person.credentials().isEmpty()) {
                error("medical.no-credentials", roleOf(person, reviewers),
                        "'" + person.id() + "' has no credentials in data/providers.yml",
                        "add honorific_suffix (e.g. MD, DO, PT, DPT) or credentials to the provider");
            }
        }
        if (!reviewers.isEmpty() && authors.containsAll(reviewers)) {
            // Medical review is a second clinician's check of what the author wrote (NHS content policy, publishers' practice).
            warning("medical.self-review", HeaderKey.REVIEWER, "the page's medical reviewer is also its author",
                    "ask another clinician to review the page, and name them in :med-reviewer:");
        }
        checkReview();
        int referencesLine = citesReferences ? 0 : referencesHeadingLine(lines);
        if (!citesReferences && referencesLine > 0) {
            errorAt("medical.no-references", referencesLine, "the References section lists no sources",
                    "list each source under it as a list item, e.g. `* [[[medlineplus,1]]] MedlinePlus. Back Pain. 2025. https://medlineplus.gov/backpain.html`");
        } else if (!citesReferences) {
            error("medical.no-references", null, "the page cites no references",
                    "end the article with a `[bibliography]` `== References` section listing its sources");
        }
    }

    private void checkEntityType(String type) {
        Optional<String> entity = value(HeaderKey.ENTITY_TYPE);
        List<String> allowed = ENTITY_TYPES.get(type);
        if (entity.isEmpty()) {
            if (allowed != null) {
                error("header.missing-entity-type", HeaderKey.ENTITY_TYPE,
                        "a " + type + " page needs :med-entity-type:", "add `:med-entity-type: " + allowed.get(0) + "`");
            }
            return;
        }
        List<String> accepted = allowed != null ? allowed
                : ENTITY_TYPES.values().stream().flatMap(List::stream).distinct().sorted().toList();
        if (!accepted.contains(entity.get())) {
            error("header.unknown-entity-type", HeaderKey.ENTITY_TYPE,
                    "'" + entity.get() + "' is not a schema.org type for a " + type + " page",
                    "use one of: " + String.join(", ", accepted));
        }
    }

    /** Search results and article lists show the description: a clinical page needs one, of about snippet length. */
    private void checkDescription() {
        Optional<String> description = value(HeaderKey.DESCRIPTION);
        if (description.isEmpty()) {
            error("header.missing-description", null, "the page has no :description:",
                    "add `:description:` with one or two plain sentences (" + DESCRIPTION_LENGTH
                            + ") saying what the page is about: search results and article lists show it");
            return;
        }
        int length = description.get().codePointCount(0, description.get().length());
        if (length < MIN_DESCRIPTION || length > MAX_DESCRIPTION) {
            warning("header.description-length", HeaderKey.DESCRIPTION,
                    "the description has " + length + " characters; search results show " + DESCRIPTION_LENGTH,
                    length < MIN_DESCRIPTION ? "say a little more about what the page covers and who it is for"
                            : "keep the main point in one or two short sentences; search engines cut the rest");
        }
    }

    /**
     * Search results, browser tabs and shared links show the title, and cut one that runs on. A short
     * one is fine: a condition is named as MedlinePlus names it ("Sciatica").
     */
    private void checkTitle() {
        String title = model.getTitle() == null ? "" : model.getTitle().strip();
        int length = title.codePointCount(0, title.length());
        if (length > MAX_TITLE) {
            diagnostics.warning("header.title-length", path, Math.max(header.titleLine(), 1),
                    "the title has " + length + " characters; search results show about " + MAX_TITLE,
                    "keep the name of the condition or treatment first and cut the rest, e.g. "
                            + "'Sciatica: Pain That Runs Down the Leg'");
        }
    }

    /** What search results show of a title (medical-metadata.md's header vocabulary). */
    static final int MAX_TITLE = 70;

    /** What search results show of a description (medical-metadata.md's header vocabulary). */
    static final int MIN_DESCRIPTION = 50;
    static final int MAX_DESCRIPTION = 160;
    private static final String DESCRIPTION_LENGTH = MIN_DESCRIPTION + " to " + MAX_DESCRIPTION + " characters";

    private void checkValues() {
        value(HeaderKey.AUDIENCE).filter(audience -> !AUDIENCES.contains(audience)).ifPresent(audience ->
                error("header.unknown-audience", HeaderKey.AUDIENCE, "unknown audience '" + audience + "'",
                        "use patient or clinician"));
        for (String specialty : list(HeaderKey.SPECIALTY)) {
            if (!session.vocabulary().isMemberOf(specialty, "MedicalSpecialty")) {
                error("header.unknown-specialty", HeaderKey.SPECIALTY,
                        "'" + specialty + "' is not a schema.org MedicalSpecialty",
                        "use one of: " + String.join(", ", new java.util.TreeSet<>(session.vocabulary().members("MedicalSpecialty")))
                                + " (there is no PainMedicine; pain clinics usually use Anesthesia)");
            }
        }
        value(HeaderKey.PROCEDURE_TYPE).filter(kind -> !PROCEDURE_TYPES.contains(kind)).ifPresent(kind ->
                error("header.unknown-procedure-type", HeaderKey.PROCEDURE_TYPE,
                        "'" + kind + "' is not a schema.org MedicalProcedureType",
                        "use PercutaneousProcedure (through the skin, e.g. injections) or NoninvasiveProcedure"));
        for (String slug : list(HeaderKey.RELATED)) {
            List<java.nio.file.Path> files = session.contentSlugs().getOrDefault(slug, List.of());
            if (files.isEmpty()) {
                error("header.unknown-related", HeaderKey.RELATED, "no page '" + slug + "' in content/",
                        "name related pages by file name without .adoc, e.g. `sciatica` for conditions/sciatica.adoc");
            } else if (files.size() > 1) {
                // Only one of them would be linked, and which one is nothing the editor chose.
                error("header.ambiguous-related", HeaderKey.RELATED, "'" + slug + "' names " + files.size() + " pages: "
                                + files.stream().map(file -> session.relativePath(file.toFile())).collect(java.util.stream.Collectors.joining(", ")),
                        "rename one of the files, so that each related page has a file name of its own");
            } else {
                // Whether it is published is known once every page is read (as for an xref to it).
                session.xref(org.clinicbake.build.BuildSession.Xref.related(path, header.lineOf(HeaderKey.RELATED.attribute()),
                        slug, files.get(0).toAbsolutePath().normalize()));
            }
        }
        for (String code : list(HeaderKey.CODE)) {
            if (!code.matches("[A-Za-z0-9.-]+:[A-Za-z0-9.-]+")) {
                error("header.invalid-code", HeaderKey.CODE, "'" + code + "' is not written as system:code",
                        "write codes like ICD-10-CM:M54.3");
            }
        }
        if (value(HeaderKey.IMAGE).isPresent() && value(HeaderKey.IMAGE_ALT).isEmpty()) {
            error("header.missing-image-alt", HeaderKey.IMAGE, "the page image has no text alternative",
                    "add `:med-image-alt:` describing the image for people who cannot see it");
        }
        value(HeaderKey.IMAGE).filter(image -> !isPublishedFile(image)).ifPresent(image ->
                // It is the JSON-LD image: search engines would fetch an address that does not exist.
                error("header.missing-image", HeaderKey.IMAGE, "no file '" + image + "' in assets/ or content/ to publish",
                        "write the image's path as published, relative to the site root: images/x.png for assets/images/x.png"));
        Optional<LocalDate> modified = date(HeaderKey.DATE_MODIFIED);
        LocalDate published = model.getDate() == null ? null
                : model.getDate().toInstant().atZone(session.zone()).toLocalDate();
        if (modified.isPresent() && published != null && modified.get().isBefore(published)) {
            error("header.modified-before-published", HeaderKey.DATE_MODIFIED,
                    "the page was modified on " + modified.get() + ", before it was published on " + published,
                    "use the day of the last change to the content, on or after :jbake-date:");
        }
        // A page held back until its publication day (published-date) is not judged before that day.
        if (modified.isPresent() && modified.get().isAfter(session.today()) && (published == null || !published.isAfter(session.today()))) {
            // dateModified, the feed and the sitemap would announce a change that has not happened yet.
            error("header.modified-in-future", HeaderKey.DATE_MODIFIED,
                    "the modification date " + modified.get() + " is in the future",
                    "use the day of the last change to the content");
        }
        if (published != null && "published".equals(model.getStatus()) && published.isAfter(session.today())) {
            error("header.date-in-future", HeaderKey.DATE, "the publication date " + published + " is in the future",
                    "use :jbake-status: published-date to publish it on that day, or correct the date");
        }
    }

    private void checkReview() {
        Optional<LocalDate> reviewed = date(HeaderKey.LAST_REVIEWED);
        int months = reviewInterval();
        if (value(HeaderKey.LAST_REVIEWED).isEmpty()) {
            error("medical.not-reviewed", HeaderKey.LAST_REVIEWED, "the page has no :med-last-reviewed: date",
                    "a clinician must review clinical content; add the date of that review, e.g. `:med-last-reviewed: "
                            + session.today() + "`");
            return;
        }
        if (reviewed.isEmpty()) {
            return;
        }
        LocalDate today = session.today();
        LocalDate due = reviewed.get().plusMonths(months);
        if (reviewed.get().isAfter(today)) {
            error("medical.review-in-future", HeaderKey.LAST_REVIEWED,
                    "the last review date " + reviewed.get() + " is in the future", "use the day the review was done");
        } else if (due.isBefore(today)) {
            error("medical.review-overdue", HeaderKey.LAST_REVIEWED,
                    "the medical review ran out on " + due + " (reviewed " + reviewed.get() + ", every " + months + " months)",
                    "have a clinician review the page again, then update :med-last-reviewed:");
        } else if (due.isBefore(today.plusDays(30))) {
            warning("medical.review-due-soon", HeaderKey.LAST_REVIEWED, "the medical review runs out on " + due,
                    "plan the next review before that day");
        }
    }

    private int reviewInterval() {
        Optional<String> interval = value(HeaderKey.REVIEW_INTERVAL);
        if (interval.isEmpty()) {
            return DEFAULT_REVIEW_MONTHS;
        }
        try {
            int months = Integer.parseInt(interval.get());
            if (months >= 1 && months <= MAX_REVIEW_MONTHS) {
                return months;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error("header.invalid-review-interval", HeaderKey.REVIEW_INTERVAL,
                "review interval '" + interval.get() + "' is not a number of months from 1 to " + MAX_REVIEW_MONTHS,
                "write the months until the next review, e.g. `:med-review-interval: 12`");
        return DEFAULT_REVIEW_MONTHS;
    }

    private List<Provider> providers(HeaderKey role) {
        List<String> ids = list(role);
        if (ids.isEmpty()) {
            error(role == HeaderKey.AUTHOR ? "medical.no-author" : "medical.no-reviewer", role,
                    role == HeaderKey.AUTHOR ? "the page has no author" : "the page has no medical reviewer",
                    "add `:" + role.attribute() + ": <provider id>` with an id from data/providers.yml");
        }
        // Unknown ids are reported by the engine with the other header checks.
        return ids.stream().map(id -> session.data().provider(id)).flatMap(Optional::stream).toList();
    }

    private HeaderKey roleOf(Provider person, List<Provider> reviewers) {
        return reviewers.contains(person) ? HeaderKey.REVIEWER : HeaderKey.AUTHOR;
    }

    /** Whether a file at this path (relative to the site root) will be in the output: from the assets or the content folder. */
    private boolean isPublishedFile(String image) {
        String path = image.startsWith("/") ? image.substring(1) : image;
        java.nio.file.Path content = session.config().getContentFolder().toPath().toAbsolutePath().normalize();
        java.nio.file.Path inContent = content.resolve(path).normalize();
        return session.theme().asset(path).isPresent() || inContent.startsWith(content) && java.nio.file.Files.isRegularFile(inContent);
    }

    private Optional<LocalDate> date(HeaderKey key) {
        Optional<String> text = value(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.get()));
        } catch (DateTimeParseException e) {
            error("header.invalid-date", key, "'" + text.get() + "' is not a date like 2026-01-31",
                    "write the date as YYYY-MM-DD");
            return Optional.empty();
        }
    }

    private Optional<String> value(HeaderKey key) {
        Object value = model.get(key.attribute());
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
    }

    private List<String> list(HeaderKey key) {
        return value(key).map(text -> java.util.Arrays.stream(text.split(","))
                .map(String::strip).filter(item -> !item.isEmpty()).toList()).orElse(List.of());
    }

    private void error(String code, HeaderKey key, String message, String hint) {
        errorAt(code, key == null ? header.lineOf("") : header.lineOf(key.attribute()), message, hint);
    }

    private void errorAt(String code, int line, String message, String hint) {
        if (isDraft()) {
            // A draft is never published, so an unfinished one must not stop a bake: it is told, not failed.
            diagnostics.warning(code, path, line, message + " (draft)", hint);
            return;
        }
        diagnostics.error(code, path, line, message, hint);
        ok = false;
    }

    private boolean isDraft() {
        return "draft".equals(model.getStatus());
    }

    private void warning(String code, HeaderKey key, String message, String hint) {
        diagnostics.warning(code, path, header.lineOf(key.attribute()), message, hint);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        second.stream().filter(item -> !all.contains(item)).forEach(all::add);
        return all;
    }
}
