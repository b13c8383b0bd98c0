package org.clinicbake.render;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.clinicbake.build.BuildSession;
import org.clinicbake.content.SectionFacts;
import org.jbake.model.DocumentModel;

/**
 * The schema.org JSON-LD of one page, as one {@code @graph}: the page, the site, the clinic, what
 * the page is about, who wrote and reviewed it, and its breadcrumbs.
 *
 * <p>Every value comes from the header or from the visible page (tagged sections, the references
 * list, the breadcrumbs), so the markup says what a reader sees (Google: "don't mark up content that
 * is not visible"). Keys are written in a fixed order, so the same input gives the same bytes.
 */
final class StructuredData {

    private static final String SCHEMA = "https://schema.org/";
    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final BuildSession session;
    private final SiteModel site;
    private final Map<String, Object> page;
    private final DocumentModel content;
    private final String host;
    private SectionFacts sections;

    private StructuredData(BuildSession session, SiteModel site, Map<String, Object> page, DocumentModel content) {
        this.session = session;
        this.site = site;
        this.page = page;
        this.content = content;
        this.host = session.host();
    }

    static ObjectNode of(BuildSession session, SiteModel site, Map<String, Object> page, DocumentModel content) {
        return new StructuredData(session, site, page, content).graph();
    }

    private ObjectNode graph() {
        String kind = (String) page.get("kind");
        ObjectNode document = json.objectNode();
        document.put("@context", "https://schema.org");
        ArrayNode graph = document.putArray("@graph");
        boolean clinical = Boolean.TRUE.equals(page.get("is_clinical"));
        Optional<String> entityType = clinical ? attribute("med-entity-type") : Optional.empty();

        ObjectNode webPage = graph.addObject();
        webPage.put("@type", pageType(kind, clinical));
        webPage.put("@id", pageUrl() + "#webpage");
        if (!"error404".equals(kind)) {
            // The 404 page is served at whatever address was not found: it claims none as its own.
            webPage.put("url", pageUrl());
        }
        webPage.put("name", (String) page.get("title"));
        text(webPage, "description", (String) page.get("description"));
        webPage.put("inLanguage", session.language());
        webPage.set("isPartOf", ref(host + "/#website"));
        if (entityType.isPresent()) {
            webPage.set("about", json.arrayNode().add(ref(entityId())));
            webPage.set("mainEntity", ref(entityId()));
        } else if ("home".equals(kind) || isContactPage()) {
            webPage.set("about", ref(clinicId()));
        } else if ("provider".equals(kind) && page.get("provider") != null) {
            webPage.set("mainEntity", ref(personId(provider("provider"))));
        }
        if (clinical) {
            medicalPage(webPage);
        }
        if (!((List<?>) page.get("breadcrumbs")).isEmpty()) {
            webPage.set("breadcrumb", ref(pageUrl() + "#breadcrumb"));
        }
        date(webPage, "datePublished", (OffsetDateTime) page.get("date"));
        if (clinical) {
            webPage.set("publisher", ref(clinicId()));
        } else {
            // A clinical page's dateModified falls back to its review (medicalPage); another page changes only when its
            // header says so, and shows that day (partials/review.peb).
            date(webPage, "dateModified", (OffsetDateTime) page.get("date_modified"));
        }

        if (clinical) {
            graph.add(article(entityType));
        }
        entityType.ifPresent(type -> graph.add(entity(type)));
        for (Map<String, Object> person : people()) {
            graph.add(person(person));
        }
        if (!((List<?>) page.get("breadcrumbs")).isEmpty()) {
            graph.add(breadcrumbs());
        }
        graph.add(website());
        if ("home".equals(kind) || isContactPage()) {
            graph.add(clinic());
        }
        return document;
    }

    private String pageType(String kind, boolean clinical) {
        if (clinical) {
            return "MedicalWebPage";
        }
        return switch (kind) {
            case "provider" -> "ProfilePage";
            case "tag", "tags", "archive" -> "CollectionPage";
            case "page" -> isContactPage() ? "ContactPage" : slug().equals("about") ? "AboutPage" : "WebPage";
            default -> "WebPage";
        };
    }

    private void medicalPage(ObjectNode webPage) {
        String audience = attribute("med-audience").orElse("patient");
        if ("clinician".equals(audience)) {
            webPage.put("medicalAudience", SCHEMA + "Clinician");
        } else {
            webPage.putObject("medicalAudience").put("@type", "Patient");
        }
        date(webPage, "lastReviewed", (OffsetDateTime) page.get("last_reviewed"));
        ArrayNode reviewers = json.arrayNode();
        for (String id : list("med-reviewer")) {
            site.provider(id).ifPresent(person -> reviewers.add(ref(personId(person))));
        }
        if (!reviewers.isEmpty()) {
            webPage.set("reviewedBy", reviewers.size() == 1 ? reviewers.get(0) : reviewers);
        }
        List<String> specialties = list("med-specialty");
        if (!specialties.isEmpty()) {
            webPage.set("specialty", enumValues(specialties));
        }
        attribute("med-image").ifPresent(image -> {
            ObjectNode primary = webPage.putObject("primaryImageOfPage");
            primary.put("@type", "ImageObject");
            primary.put("url", imageUrl(image));
        });
        ArrayNode citations = json.arrayNode();
        for (SectionFacts.Reference reference : sections().references()) {
            ObjectNode citation = citations.addObject();
            citation.put("@type", "CreativeWork");
            citation.put("name", reference.name());
            text(citation, "url", reference.url());
        }
        if (!citations.isEmpty()) {
            webPage.set("citation", citations);
        }
        ArrayNode related = json.arrayNode();
        for (String slug : list("med-related")) {
            site.document(slug).ifPresent(other -> related.add(address(other.getUri())));
        }
        if (!related.isEmpty()) {
            webPage.set("relatedLink", related);
        }
        date(webPage, "dateModified", modified());
    }

    private ObjectNode article(Optional<String> entityType) {
        ObjectNode article = json.objectNode();
        article.put("@type", "Article");
        article.put("@id", pageUrl() + "#article");
        article.set("mainEntityOfPage", ref(pageUrl() + "#webpage"));
        article.put("headline", (String) page.get("title"));
        text(article, "description", (String) page.get("description"));
        article.put("inLanguage", session.language());
        ArrayNode authors = article.putArray("author");
        for (String id : list("med-author")) {
            site.provider(id).ifPresent(person -> authors.add(ref(personId(person))));
        }
        dateTime(article, "datePublished", (OffsetDateTime) page.get("date"));
        dateTime(article, "dateModified", modified());
        article.set("publisher", ref(clinicId()));
        entityType.ifPresent(type -> article.set("about", ref(entityId())));
        attribute("med-image").ifPresent(image -> article.put("image", imageUrl(image)));
        attribute("keywords").ifPresent(keywords -> article.put("keywords", keywords));
        return article;
    }

    /**
     * Whether schema.org 30.0 gives {@code type} the property: the type or one of its superclasses is
     * in the property's domain. Asking the vocabulary keeps every emitted property valid for its type.
     */
    private boolean carries(String type, String property) {
        return session.vocabulary().property(property)
                .map(known -> known.domain().stream().anyMatch(domain -> session.vocabulary().isSubClassOf(type, domain)))
                .orElse(false);
    }

    /** Whether a node of {@code type} may be a value of the property: one of its superclasses is in the property's range. */
    private boolean isValueOf(String type, String property) {
        return session.vocabulary().property(property)
                .map(known -> known.range().stream().anyMatch(range -> session.vocabulary().isSubClassOf(type, range)))
                .orElse(false);
    }

    private ObjectNode entity(String type) {
        SectionFacts sections = sections();
        ObjectNode entity = json.objectNode();
        entity.put("@type", type);
        entity.put("@id", entityId());
        entity.put("name", content == null || content.getUri() == null
                ? attribute("med-entity-name").orElse((String) page.get("title")) : site.entityName(content));
        List<String> alternates = list("med-also-known-as");
        if (!alternates.isEmpty()) {
            entity.set("alternateName", strings(alternates));
        }
        entity.put("url", entityUrl());
        List<String> specialties = list("med-specialty");
        if (!specialties.isEmpty()) {
            entity.set("relevantSpecialty", enumValues(specialties));
        }
        ArrayNode codes = json.arrayNode();
        for (String code : list("med-code")) {
            int colon = code.indexOf(':');
            ObjectNode medicalCode = codes.addObject();
            medicalCode.put("@type", "MedicalCode");
            medicalCode.put("codingSystem", code.substring(0, colon));
            medicalCode.put("codeValue", code.substring(colon + 1));
        }
        if (!codes.isEmpty()) {
            entity.set("code", codes);
        }
        if (carries(type, "howPerformed")) {
            attribute("med-procedure-type").ifPresent(kind -> entity.put("procedureType", SCHEMA + kind));
            attribute("med-body-location").ifPresent(location -> entity.put("bodyLocation", location));
            sections.text("how-performed").ifPresent(text -> entity.put("howPerformed", text));
            sections.text("preparation").ifPresent(text -> entity.put("preparation", text));
            sections.text("followup").ifPresent(text -> entity.put("followup", text));
            if (carries(type, "adverseOutcome")) {
                named(entity, "adverseOutcome", "MedicalEntity", sections.itemNames("risks"));
            }
            if (carries(type, "contraindication")) {
                List<String> contraindications = sections.items("contraindications");
                if (!contraindications.isEmpty()) {
                    entity.set("contraindication", strings(contraindications));
                }
            }
        }
        if (carries(type, "signOrSymptom")) {
            named(entity, "signOrSymptom", "MedicalSignOrSymptom", sections.itemNames("symptoms"));
            named(entity, "riskFactor", "MedicalRiskFactor", sections.itemNames("risk-factors"));
            named(entity, "associatedAnatomy", "AnatomicalStructure", list("med-anatomy"));
            // Two related pages that describe one treatment (its main page, a page on its risks) name it once, as
            // its main page does: the same rule as the clinic's availableService.
            Map<String, ObjectNode> treatmentsByEntity = new java.util.LinkedHashMap<>();
            for (String slug : list("med-related")) {
                site.document(slug).ifPresent(other -> {
                    Object otherType = other.get("med-entity-type");
                    if (otherType != null && carries(otherType.toString().strip(), "contraindication")) {
                        addEntityReference(treatmentsByEntity, other, otherType.toString().strip());
                    }
                });
            }
            ArrayNode treatments = json.arrayNode();
            treatments.addAll(treatmentsByEntity.values());
            if (!treatments.isEmpty()) {
                entity.set("possibleTreatment", treatments);
            }
        }
        return entity;
    }

    private List<Map<String, Object>> people() {
        java.util.LinkedHashMap<String, Map<String, Object>> people = new java.util.LinkedHashMap<>();
        if (Boolean.TRUE.equals(page.get("is_clinical"))) {
            for (String id : list("med-author")) {
                site.provider(id).ifPresent(person -> people.putIfAbsent(id, person));
            }
            for (String id : list("med-reviewer")) {
                site.provider(id).ifPresent(person -> people.putIfAbsent(id, person));
            }
        }
        if (page.get("provider") != null) {
            Map<String, Object> person = provider("provider");
            people.putIfAbsent((String) person.get("id"), person);
        }
        return List.copyOf(people.values());
    }

    private ObjectNode person(Map<String, Object> provider) {
        ObjectNode person = json.objectNode();
        person.put("@type", "Person");
        person.put("@id", personId(provider));
        person.put("name", (String) provider.get("name"));
        text(person, "honorificPrefix", (String) provider.get("honorific_prefix"));
        text(person, "honorificSuffix", (String) provider.get("honorific_suffix"));
        text(person, "jobTitle", (String) provider.get("job_title"));
        if (provider.get("uri") != null) {
            person.put("url", address((String) provider.get("uri")));
        }
        @SuppressWarnings("unchecked")
        List<String> credentials = (List<String>) provider.get("credentials");
        if (!credentials.isEmpty()) {
            ArrayNode held = person.putArray("hasCredential");
            for (String credential : credentials) {
                ObjectNode item = held.addObject();
                item.put("@type", "EducationalOccupationalCredential");
                item.put("name", credential);
            }
        }
        person.set("worksFor", ref(clinicId()));
        return person;
    }

    private ObjectNode breadcrumbs() {
        ObjectNode list = json.objectNode();
        list.put("@type", "BreadcrumbList");
        list.put("@id", pageUrl() + "#breadcrumb");
        ArrayNode items = list.putArray("itemListElement");
        int position = 1;
        for (Object entry : (List<?>) page.get("breadcrumbs")) {
            Map<?, ?> crumb = (Map<?, ?>) entry;
            ObjectNode item = items.addObject();
            item.put("@type", "ListItem");
            item.put("position", position++);
            item.put("name", (String) crumb.get("name"));
            Object uri = crumb.get("uri");
            if (uri != null) {
                item.set("item", ref("index.html".equals(uri) ? host + "/" : address(uri.toString())));
            }
        }
        return list;
    }

    private ObjectNode website() {
        ObjectNode website = json.objectNode();
        website.put("@type", "WebSite");
        website.put("@id", host + "/#website");
        website.put("url", host + "/");
        website.put("name", (String) site.values().get("title"));
        website.put("inLanguage", session.language());
        website.set("publisher", ref(clinicId()));
        return website;
    }

    /**
     * Adds a reference to the entity {@code other} describes, one per entity: a page that goes deeper
     * into a treatment (its risks) describes the entity of its main page (SiteModel.entityPage), and
     * the reference names it as that main page does.
     */
    private void addEntityReference(Map<String, ObjectNode> byEntity, DocumentModel other, String type) {
        String entityPage = site.entityPage(other);
        ObjectNode reference = json.objectNode();
        reference.put("@type", type);
        reference.put("@id", address(entityPage) + "#entity");
        reference.put("name", site.entityName(other));
        reference.put("url", address(entityPage));
        if (entityPage.equals(other.getUri())) {
            byEntity.put(entityPage, reference);
        } else {
            byEntity.putIfAbsent(entityPage, reference);
        }
    }

    private ObjectNode clinic() {
        Map<String, Object> data = session.data().clinic();
        ObjectNode clinic = json.objectNode();
        clinic.put("@type", "MedicalClinic");
        clinic.put("@id", clinicId());
        text(clinic, "name", (String) data.get("name"));
        text(clinic, "description", (String) data.get("description"));
        clinic.put("url", host + "/");
        text(clinic, "telephone", (String) data.get("telephone"));
        text(clinic, "email", (String) data.get("email"));
        if (data.get("address") instanceof Map<?, ?> address) {
            ObjectNode postal = clinic.putObject("address");
            postal.put("@type", "PostalAddress");
            text(postal, "streetAddress", string(address.get("street")));
            text(postal, "addressLocality", string(address.get("locality")));
            text(postal, "addressRegion", string(address.get("region")));
            text(postal, "postalCode", string(address.get("postal_code")));
            text(postal, "addressCountry", string(address.get("country")));
        }
        if (data.get("geo") instanceof Map<?, ?> geo && geo.get("latitude") != null && geo.get("longitude") != null) {
            ObjectNode coordinates = clinic.putObject("geo");
            coordinates.put("@type", "GeoCoordinates");
            coordinates.set("latitude", number(geo.get("latitude")));
            coordinates.set("longitude", number(geo.get("longitude")));
        }
        text(clinic, "hasMap", (String) data.get("map_url"));
        ArrayNode hours = json.arrayNode();
        for (Object slot : (List<?>) data.get("hours")) {
            if (slot instanceof Map<?, ?> opening) {
                ObjectNode specification = hours.addObject();
                specification.put("@type", "OpeningHoursSpecification");
                ArrayNode days = specification.putArray("dayOfWeek");
                if (opening.get("days") instanceof List<?> dayNames) {
                    dayNames.forEach(day -> days.add(SCHEMA + day));
                }
                text(specification, "opens", string(opening.get("opens")));
                text(specification, "closes", string(opening.get("closes")));
            }
        }
        if (!hours.isEmpty()) {
            clinic.set("openingHoursSpecification", hours);
        }
        List<String> specialties = ((List<?>) data.get("specialties")).stream().map(String::valueOf).toList();
        if (!specialties.isEmpty()) {
            clinic.set("medicalSpecialty", enumValues(specialties));
        }
        // Pages that go deeper into one treatment (its risks, its steps) describe the entity of its main
        // page (SiteModel.entityPage): the clinic offers it once, as that page names it, not once per page.
        Map<String, ObjectNode> servicesByEntity = new java.util.LinkedHashMap<>();
        for (Object item : (List<?>) site.values().get("treatments")) {
            Map<?, ?> summary = (Map<?, ?>) item;
            site.document(SiteModel.slug((String) summary.get("uri"))).ifPresent(other -> {
                Object type = other.get("med-entity-type");
                if (type != null && isValueOf(type.toString().strip(), "availableService")) {
                    addEntityReference(servicesByEntity, other, type.toString().strip());
                }
            });
        }
        ArrayNode services = json.arrayNode();
        services.addAll(servicesByEntity.values());
        if (!services.isEmpty()) {
            clinic.set("availableService", services);
        }
        return clinic;
    }

    private void named(ObjectNode node, String property, String type, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        ArrayNode values = node.putArray(property);
        for (String name : names) {
            ObjectNode value = values.addObject();
            value.put("@type", type);
            value.put("name", name);
        }
    }

    private ArrayNode enumValues(List<String> members) {
        ArrayNode values = json.arrayNode();
        members.forEach(member -> values.add(SCHEMA + member));
        return values;
    }

    private ArrayNode strings(List<String> texts) {
        ArrayNode values = json.arrayNode();
        texts.forEach(values::add);
        return values;
    }

    private ObjectNode ref(String id) {
        return json.objectNode().put("@id", id);
    }

    private void text(ObjectNode node, String property, String value) {
        if (value != null && !value.isBlank()) {
            node.put(property, value);
        }
    }

    private void date(ObjectNode node, String property, OffsetDateTime value) {
        if (value != null) {
            node.put(property, value.toLocalDate().toString());
        }
    }

    private void dateTime(ObjectNode node, String property, OffsetDateTime value) {
        if (value != null) {
            node.put(property, value.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
    }

    private com.fasterxml.jackson.databind.JsonNode number(Object value) {
        if (value instanceof java.math.BigDecimal decimal) {
            return json.numberNode(decimal);
        }
        if (value instanceof Number number) {
            return json.numberNode(new java.math.BigDecimal(number.toString()));
        }
        return json.textNode(String.valueOf(value));
    }

    private OffsetDateTime modified() {
        return attribute("med-date-modified")
                .flatMap(text -> {
                    try {
                        return Optional.of(java.time.LocalDate.parse(text).atStartOfDay(session.zone()).toOffsetDateTime());
                    } catch (java.time.format.DateTimeParseException e) {
                        return Optional.empty();
                    }
                })
                .orElseGet(() -> {
                    // A draft reviewed before its publication day was not changed before it was published.
                    OffsetDateTime reviewed = (OffsetDateTime) page.get("last_reviewed");
                    OffsetDateTime published = (OffsetDateTime) page.get("date");
                    return reviewed == null || published != null && published.isAfter(reviewed) ? published : reviewed;
                });
    }

    private SectionFacts sections() {
        if (sections == null) {
            // Read at conversion (SectionFacts); a document from another engine is read here.
            Object kept = content == null ? null : content.get(SectionFacts.KEY);
            sections = kept instanceof SectionFacts facts ? facts
                    : SectionFacts.of(org.jsoup.Jsoup.parse(content == null || content.getBody() == null ? "" : content.getBody()));
        }
        return sections;
    }

    private Optional<String> attribute(String name) {
        Object value = content == null ? null : content.get(name);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().strip());
    }

    private List<String> list(String name) {
        return attribute(name).map(text -> Arrays.stream(text.split(","))
                .map(String::strip).filter(item -> !item.isEmpty()).toList()).orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> provider(String key) {
        return (Map<String, Object>) page.get(key);
    }

    private boolean isContactPage() {
        return "page".equals(page.get("kind")) && "contact".equals(slug());
    }

    private String slug() {
        return SiteModel.slug((String) page.get("uri"));
    }


    private String pageUrl() {
        String url = (String) page.get("url");
        return url.startsWith(host + "/") ? address(url.substring(host.length() + 1)) : url;
    }

    /**
     * The address of a file of the site, its path escaped as a web address must be ({@code Back Pain/x.html} is
     * {@code Back%20Pain/x.html}): schema.org's URL is an absolute address, and a page's file name with a space or an
     * accent, which the bake reports itself (content.file-name), must not make its structured data invalid too.
     */
    private String address(String path) {
        if (path.isEmpty()) {
            return host + "/";
        }
        try {
            return host + "/" + new java.net.URI(null, null, path, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            return host + "/" + path;
        }
    }

    /**
     * The header check takes {@code /images/x.png} as well as {@code images/x.png}: both are the same file
     * of the site. A file name with a space or an accent is escaped, as a web address cannot hold them.
     */
    private String imageUrl(String image) {
        return address(image.startsWith("/") ? image.substring(1) : image);
    }

    /** The entity this page describes, one for every page that describes it (see {@link SiteModel#entityPage}). */
    private String entityId() {
        return entityUrl() + "#entity";
    }

    private String entityUrl() {
        return content == null || content.getUri() == null ? pageUrl() : address(site.entityPage(content));
    }

    private String clinicId() {
        return host + "/#clinic";
    }

    private String personId(Map<String, Object> provider) {
        return provider.get("uri") != null ? address((String) provider.get("uri")) + "#person"
                : host + "/#person-" + provider.get("id");
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
