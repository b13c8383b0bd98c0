package org.clinicbake.render;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.clinicbake.build.BuildSession;
import org.clinicbake.data.Provider;
import org.jbake.app.ContentStore;
import org.jbake.model.DocumentModel;

/**
 * The {@code site} variable every template sees, computed once per build from the crawled
 * documents and the site's data, so no page has to query the whole site again.
 */
final class SiteModel {

    static final Set<String> CLINICAL_TYPES = org.clinicbake.content.HeaderKey.CLINICAL_PAGE_TYPES;
    private static final Set<String> TREATMENT_TYPES = Set.of("therapy", "procedure");

    private final Map<String, Object> values;
    private final Map<String, Map<String, Object>> providersById;
    private final Map<String, Map<String, Object>> topicsByName;
    private final Map<String, List<Map<String, Object>>> taggedByName;
    private final Map<String, DocumentModel> documentsBySlug;
    private final Map<String, List<Map<String, Object>>> byProvider;
    private final Map<String, DocumentModel> entityPages;
    private final Map<String, Map<String, Object>> summariesByUri;

    private SiteModel(Map<String, Object> values, Map<String, Map<String, Object>> providersById,
                      Map<String, Map<String, Object>> topicsByName,
                      Map<String, List<Map<String, Object>>> taggedByName,
                      Map<String, DocumentModel> documentsBySlug,
                      Map<String, List<Map<String, Object>>> byProvider, Map<String, DocumentModel> entityPages,
                      Map<String, Map<String, Object>> summariesByUri) {
        this.values = values;
        this.providersById = providersById;
        this.topicsByName = topicsByName;
        this.taggedByName = taggedByName;
        this.documentsBySlug = documentsBySlug;
        this.byProvider = byProvider;
        this.entityPages = entityPages;
        this.summariesByUri = summariesByUri;
    }

    /**
     * The published pages {@code :med-related:} names, in its order, as summaries: the pages the JSON-LD gives as
     * {@code relatedLink}, which the page links to as well.
     */
    List<Map<String, Object>> related(DocumentModel content) {
        Object slugs = content == null ? null : content.get("med-related");
        if (slugs == null) {
            return List.of();
        }
        List<Map<String, Object>> related = new ArrayList<>();
        for (String slug : slugs.toString().split(",")) {
            document(slug.strip()).map(other -> summariesByUri.get(other.getUri()))
                    .filter(summary -> !related.contains(summary)).ifPresent(related::add);
        }
        return List.copyOf(related);
    }

    /**
     * The page whose entity a page describes: pages that go deeper into one treatment or condition
     * (its risks, its steps) name the same {@code :med-entity-type:} and {@code :med-entity-name:}
     * as its main page, and describe that one entity, the one of the page published first (on a tie,
     * the first by address). Its address, or the page's own when no other page shares its entity.
     */
    String entityPage(DocumentModel document) {
        return mainPage(document).getUri();
    }

    /**
     * The name of the entity a page describes, as its main page ({@link #entityPage}) spells it: a deeper page may
     * write it with other capitals, and one entity has one name wherever it is described.
     */
    String entityName(DocumentModel document) {
        return entityNameOf(mainPage(document));
    }

    private DocumentModel mainPage(DocumentModel document) {
        String key = entityKey(document);
        return key == null ? document : entityPages.getOrDefault(key, document);
    }

    private static String entityKey(DocumentModel document) {
        Object type = document.get("med-entity-type");
        if (type == null || type.toString().isBlank()) {
            return null;
        }
        return type.toString().strip() + "\n" + entityNameOf(document).toLowerCase(Locale.ROOT);
    }

    /** A page's own :med-entity-name:, or its title. */
    private static String entityNameOf(DocumentModel document) {
        Object name = document.get("med-entity-name");
        return (name != null && !name.toString().isBlank() ? name.toString() : String.valueOf(document.getTitle())).strip();
    }

    /** The published articles a provider wrote ({@code role} med-author) or reviewed (med-reviewer), by title. */
    List<Map<String, Object>> articlesBy(String providerId, String role) {
        return byProvider.getOrDefault(role + ":" + providerId, List.of());
    }

    /** A published page by its file name without extension, as {@code :med-related:} names it. */
    Optional<DocumentModel> document(String slug) {
        return Optional.ofNullable(documentsBySlug.get(slug));
    }

    Map<String, Object> values() {
        return values;
    }

    Optional<Map<String, Object>> provider(String id) {
        return Optional.ofNullable(id == null ? null : providersById.get(id.strip()));
    }

    Map<String, Object> topic(String name) {
        return topicsByName.getOrDefault(name, topic(name, 0));
    }

    List<Map<String, Object>> tagged(String name) {
        return taggedByName.getOrDefault(name, List.of());
    }

    static SiteModel build(BuildSession session, ContentStore db) {
        ZoneId zone = session.zone();
        String tagPath = session.config().getTagPathName();

        List<DocumentModel> published = new ArrayList<>();
        for (String type : session.config().contentTypes()) {
            published.addAll(db.getPublishedContent(type));
        }
        published.sort(Comparator.comparing(DocumentModel::getUri));

        Map<String, String> profileUris = new TreeMap<>();
        for (DocumentModel document : published) {
            if ("provider".equals(document.getType())) {
                profileUris.put(slug(document.getUri()), document.getUri());
            }
        }
        Map<String, Map<String, Object>> providersById = new LinkedHashMap<>();
        session.data().providers().values().stream()
                .sorted(Comparator.comparing(Provider::name))
                .forEach(provider -> providersById.put(provider.id(), provider(provider, profileUris.get(provider.id()))));

        Map<String, Integer> tagCounts = new TreeMap<>();
        published.forEach(document -> {
            for (String tag : document.getTags()) {
                tagCounts.merge(tag, 1, Integer::sum);
            }
        });
        Map<String, Map<String, Object>> topics = new LinkedHashMap<>();
        // With render.tags=false there are no topic pages: a topic has no uri, and the theme shows its name unlinked.
        boolean topicPages = session.config().getRenderTags();
        tagCounts.forEach((name, count) -> topics.put(name, topicPages ? topicWithUri(name, count, tagPath, session) : topic(name, count)));

        List<Map<String, Object>> documents = new ArrayList<>();
        Map<String, List<Map<String, Object>>> tagged = new TreeMap<>();
        Map<String, List<Map<String, Object>>> byProvider = new TreeMap<>();
        OffsetDateTime updated = null;
        for (DocumentModel document : published) {
            Map<String, Object> summary = summary(document, topics, zone);
            documents.add(summary);
            for (String tag : document.getTags()) {
                tagged.computeIfAbsent(tag, key -> new ArrayList<>()).add(summary);
            }
            for (String role : List.of("med-author", "med-reviewer")) {
                Object ids = document.get(role);
                if (ids != null && CLINICAL_TYPES.contains(document.getType())) {
                    for (String id : ids.toString().split(",")) {
                        byProvider.computeIfAbsent(role + ":" + id.strip(), key -> new ArrayList<>()).add(summary);
                    }
                }
            }
            OffsetDateTime changed = (OffsetDateTime) summary.get("updated");
            if (updated == null || changed.isAfter(updated)) {
                updated = changed;
            }
        }
        Comparator<Map<String, Object>> byTitle = Comparator.comparing(item -> ((String) item.get("title")).toLowerCase(Locale.ROOT));
        tagged.values().forEach(list -> list.sort(byTitle));
        byProvider.values().forEach(list -> list.sort(byTitle));
        List<Map<String, Object>> articles = documents.stream()
                .filter(item -> CLINICAL_TYPES.contains((String) item.get("kind")))
                .sorted(byTitle)
                .toList();
        List<Map<String, Object>> recent = articles.stream()
                .sorted(Comparator.comparing((Map<String, Object> item) -> (OffsetDateTime) item.get("date")).reversed()
                        .thenComparing(byTitle))
                .toList();

        Map<String, Object> site = new LinkedHashMap<>();
        site.put("title", session.data().clinicName(session.config().getString("site.title", "ClinicBake site")));
        site.put("host", session.host());
        site.put("lang", session.language());
        site.put("updated", updated != null ? updated : OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, java.time.ZoneOffset.UTC));
        site.put("clinic", session.data().clinic());
        site.put("providers", List.copyOf(providersById.values()));
        site.put("articles", articles);
        site.put("conditions", articles.stream().filter(item -> "condition".equals(item.get("kind"))).toList());
        site.put("treatments", articles.stream().filter(item -> TREATMENT_TYPES.contains((String) item.get("kind"))).toList());
        site.put("recent", recent);
        site.put("pages", documents.stream().filter(item -> "page".equals(item.get("kind"))).sorted(byTitle).toList());
        site.put("documents", List.copyOf(documents));
        site.put("topics", List.copyOf(topics.values()));
        site.put("nav", navigation(session));
        site.put("links", links(published, session.config()));
        Map<String, DocumentModel> bySlug = new TreeMap<>();
        published.forEach(document -> bySlug.putIfAbsent(slug(document.getUri()), document));
        Map<String, DocumentModel> firstByEntity = new HashMap<>();
        Comparator<DocumentModel> first = Comparator.comparing((DocumentModel document) -> document.getDate(),
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(DocumentModel::getUri);
        for (DocumentModel document : published) {
            String key = entityKey(document);
            if (key != null) {
                firstByEntity.merge(key, document, (one, other) -> first.compare(one, other) <= 0 ? one : other);
            }
        }
        Map<String, Map<String, Object>> summariesByUri = new HashMap<>();
        documents.forEach(summary -> summariesByUri.put((String) summary.get("uri"), summary));
        return new SiteModel(java.util.Collections.unmodifiableMap(site), providersById, topics, tagged, bySlug, byProvider,
                Map.copyOf(firstByEntity), Map.copyOf(summariesByUri));
    }

    private static Map<String, Object> summary(DocumentModel document, Map<String, Map<String, Object>> topics, ZoneId zone) {
        OffsetDateTime date = dateTime(document.getDate(), zone);
        OffsetDateTime reviewed = reviewDate(document, zone);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("title", document.getTitle());
        summary.put("uri", document.getUri());
        summary.put("description", document.get("description"));
        summary.put("kind", document.getType());
        summary.put("date", date);
        // A change after the last review (:med-date-modified:) is an update too: the feed, the sitemap
        // and the lists give the date the page's JSON-LD gives as dateModified.
        OffsetDateTime updated = date;
        String updateKind = "published";
        OffsetDateTime modified = modifiedDate(document, zone);
        if (reviewed != null && (updated == null || reviewed.isAfter(updated))) {
            updated = reviewed;
            updateKind = "reviewed";
        }
        if (modified != null && (updated == null || modified.isAfter(updated))) {
            updated = modified;
            updateKind = "changed";
        }
        summary.put("updated", updated);
        // What that day was: a medical review that changed nothing is no update (the NHS's "Page last reviewed" is not
        // "updated"; Google asks that a page's date not look fresher than its content), and the article's own byline
        // says "reviewed" of it; a change the header dates (:med-date-modified:) is one.
        summary.put("update_kind", updated == null ? null : updateKind);
        List<Map<String, Object>> tags = new ArrayList<>();
        for (String tag : document.getTags()) {
            tags.add(topics.get(tag));
        }
        summary.put("tags", List.copyOf(tags));
        return java.util.Collections.unmodifiableMap(summary);
    }

    static OffsetDateTime reviewDate(DocumentModel document, ZoneId zone) {
        return headerDate(document, "med-last-reviewed", zone);
    }

    static OffsetDateTime modifiedDate(DocumentModel document, ZoneId zone) {
        return headerDate(document, "med-date-modified", zone);
    }

    private static OffsetDateTime headerDate(DocumentModel document, String attribute, ZoneId zone) {
        Object value = document.get(attribute);
        if (value == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.toString().strip()).atStartOfDay(zone).toOffsetDateTime();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static OffsetDateTime dateTime(Date date, ZoneId zone) {
        return date == null ? null : date.toInstant().atZone(zone).toOffsetDateTime();
    }

    private static Map<String, Object> provider(Provider provider, String profileUri) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", provider.id());
        values.put("name", provider.name());
        values.put("display_name", provider.displayName());
        values.put("honorific_prefix", provider.honorificPrefix());
        values.put("honorific_suffix", provider.honorificSuffix());
        values.put("job_title", provider.jobTitle());
        values.put("credentials", provider.credentials());
        values.put("bio", provider.bio());
        values.put("npi", provider.npi());
        values.put("uri", profileUri);
        return java.util.Collections.unmodifiableMap(values);
    }

    private static Map<String, Object> topicWithUri(String name, int count, String tagPath, BuildSession session) {
        Map<String, Object> topic = new LinkedHashMap<>(topic(name, count));
        topic.put("uri", tagPath + "/" + name + session.config().getOutputExtension());
        return java.util.Collections.unmodifiableMap(topic);
    }

    private static Map<String, Object> topic(String name, int count) {
        Map<String, Object> topic = new LinkedHashMap<>();
        topic.put("name", name);
        String words = name.replace('-', ' ');
        topic.put("label", words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1));
        topic.put("uri", null);
        topic.put("count", count);
        return topic;
    }

    /** The clinic pages the theme links to from every page, when the site has them (else null). */
    private static Map<String, Object> links(List<DocumentModel> published, org.clinicbake.build.SiteConfiguration config) {
        Map<String, Object> links = new LinkedHashMap<>();
        for (String[] page : new String[][] {{"contact", "contact"}, {"disclaimer", "medical-disclaimer"},
                {"editorial", "editorial-policy"}}) {
            links.put(page[0], published.stream().filter(document -> "page".equals(document.getType())
                    && slug(document.getUri()).equals(page[1])).map(DocumentModel::getUri).findFirst().orElse(null));
        }
        // The pages JBake writes, under the names the settings give them, or null when a render.* switch
        // turns one off: a theme that links them through here never links a page that is not there.
        links.put("home", config.getRenderIndex() ? config.getIndexFileName() : null);
        links.put("archive", config.getRenderArchive() ? config.getArchiveFileName() : null);
        links.put("feed", config.getRenderFeed() ? config.getFeedFileName() : null);
        links.put("sitemap", config.getRenderSiteMap() ? config.getSiteMapFileName() : null);
        return java.util.Collections.unmodifiableMap(links);
    }

    /** {@code site.nav=Label|uri, Label|uri} in jbake.properties; all articles and topics by default. */
    private static List<Map<String, Object>> navigation(BuildSession session) {
        List<String> entries = session.config().getList("site.nav");
        List<Map<String, Object>> nav = new ArrayList<>();
        for (String text : entries) {
            int bar = text.indexOf('|');
            if (bar > 0) {
                nav.add(Map.of("label", text.substring(0, bar).strip(), "uri", text.substring(bar + 1).strip()));
            }
        }
        if (nav.isEmpty()) {
            nav.add(Map.of("label", "All articles", "uri", session.config().getArchiveFileName()));
        }
        return List.copyOf(nav);
    }

    /** The file name of a page without its extension: {@code procedures/x.html} gives {@code x}. */
    static String slug(String uri) {
        String file = uri.substring(uri.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }
}
