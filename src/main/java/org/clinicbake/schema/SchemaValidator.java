package org.clinicbake.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.clinicbake.schema.SchemaProblem.Severity;

/**
 * Checks one JSON-LD document against the schema.org vocabulary and Google's breadcrumb and local business requirements,
 * offline.
 *
 * <p>Made-up names (a type or property schema.org does not define) are errors: search engines drop them silently, so
 * nobody would ever notice otherwise. Domain and range findings are warnings because schema.org only says a property is
 * "expected" on a type or with a value type. Pending terms pass without comment: the pinned release still stages terms
 * such as {@code jobTitle} there that are core on schema.org's main branch.
 *
 * <p>Not a JSON-LD processor: it reads the compact form ClinicBake writes ({@code "@context": "https://schema.org"}, names
 * without prefix) and does not expand other contexts.
 */
public final class SchemaValidator {

    public static final String UNKNOWN_TYPE = "schema.unknown-type";
    public static final String UNKNOWN_PROPERTY = "schema.unknown-property";
    public static final String SUPERSEDED = "schema.superseded";
    public static final String DOMAIN = "schema.domain";
    public static final String RANGE = "schema.range";
    public static final String ENUM_MEMBER = "schema.enum-member";
    public static final String GOOGLE_BREADCRUMB = "google.breadcrumb";
    public static final String GOOGLE_LOCAL_BUSINESS = "google.local-business";

    /** Enough of an enumeration to point the way without pasting all 42 specialties into a hint. */
    private static final int MEMBERS_IN_HINT = 8;

    private static final java.util.regex.Pattern ABSOLUTE_URI = java.util.regex.Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:\\S+");
    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final java.util.regex.Pattern TIME_OF_DAY =
            java.util.regex.Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?(Z|[+-]([01]\\d|2[0-3]):?[0-5]\\d)?");
    private static final java.util.regex.Pattern DATE_TIME =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T" + TIME_OF_DAY.pattern());
    private static final java.util.regex.Pattern BOOLEAN =
            java.util.regex.Pattern.compile("(?i)true|false|https?://schema\\.org/(True|False)");
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** How the messages show each data type's form (schema.org's data types, ISO 8601 for dates and times). */
    private static final Map<String, String> DATA_TYPE_EXAMPLES = Map.of(
            "Date", "a date like 2026-11-02",
            "DateTime", "a date and time like 2026-11-02T09:30:00-08:00",
            "Time", "a time like 08:30",
            "URL", "an absolute address like https://www.example.org/page.html",
            "Boolean", "true or false",
            "Number", "a number like 3.5", "Float", "a number like 3.5", "Integer", "a whole number like 3");

    /** Terms schema.org removed outright, so the vocabulary itself cannot say what became of them. */
    private static final Map<String, String> REMOVED_TERMS = Map.of(
            "indication", "schema.org removed 'indication' in release 7.0 and no property takes a MedicalIndication now; "
                    + "describe who it helps in the page text");

    private final SchemaVocabulary vocabulary;

    public SchemaValidator(SchemaVocabulary vocabulary) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    }

    /**
     * Validates one JSON-LD document: {@code {"@context":"https://schema.org","@graph":[ ... ]}}, a single node, or an
     * array of either.
     *
     * @return the problems in document order; empty when the document is fine
     */
    public List<SchemaProblem> validate(JsonNode document) {
        Objects.requireNonNull(document, "document");
        Map<String, JsonNode> nodesById = new HashMap<>();
        Map<String, Set<String>> propertiesById = new HashMap<>();
        index(document, nodesById, propertiesById);
        Run run = new Run(nodesById, propertiesById);
        run.document(document);
        return List.copyOf(run.problems);
    }

    /**
     * Collects, in one walk, the described nodes by @id (so a breadcrumb can follow {@code {"@id": ...}} references to
     * its ListItems) and the properties given to each @id anywhere in the document (one node may be described in
     * several places).
     */
    private static void index(JsonNode value, Map<String, JsonNode> nodesById, Map<String, Set<String>> propertiesById) {
        if (value.isObject()) {
            JsonNode id = value.get("@id");
            if (id != null && id.isTextual()) {
                if (!isReference(value)) {
                    nodesById.putIfAbsent(id.asText(), value);
                }
                Set<String> given = propertiesById.computeIfAbsent(id.asText(), key -> new LinkedHashSet<>());
                for (Map.Entry<String, JsonNode> field : value.properties()) {
                    if (hasValue(field.getValue())) {
                        given.add(field.getKey());
                    }
                }
            }
        }
        if (value.isContainerNode()) {
            for (JsonNode item : value) {
                index(item, nodesById, propertiesById);
            }
        }
    }

    /** A value that says something: not null, not blank text. */
    private static boolean hasValue(JsonNode value) {
        return value != null && !value.isNull() && !(value.isTextual() && value.asText().isBlank());
    }

    /** An object with nothing but an {@code @id}: it names a node described elsewhere, so there is nothing to check here. */
    private static boolean isReference(JsonNode object) {
        if (!object.has("@id")) {
            return false;
        }
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            if (!field.getKey().equals("@id") && !field.getKey().equals("@context")) {
                return false;
            }
        }
        return true;
    }

    /**
     * What a property's range holds: its enumerations, whether it has a data type, and whether it has a class
     * (whose thing a URL may stand for). Asked for every text value of every page, so worked out once per range.
     */
    private record RangeKinds(List<String> enumerations, boolean dataType, boolean aClass) {
    }

    private final Map<List<String>, RangeKinds> rangeKinds = new java.util.concurrent.ConcurrentHashMap<>();

    private RangeKinds rangeKinds(List<String> range) {
        return rangeKinds.computeIfAbsent(range, ignored -> {
            List<String> enumerations = new ArrayList<>();
            boolean dataType = false;
            boolean aClass = false;
            for (String type : range) {
                if (vocabulary.isEnumeration(type)) {
                    enumerations.add(type);
                }
                dataType |= vocabulary.isDataType(type);
                aClass |= !vocabulary.isDataType(type);
            }
            return new RangeKinds(List.copyOf(enumerations), dataType, aClass);
        });
    }

    /** The classes these types are, with all their superclasses. */
    private Set<String> closure(Set<String> types) {
        if (types.size() == 1) {
            return vocabulary.superclasses(types.iterator().next());
        }
        Set<String> closure = new LinkedHashSet<>();
        for (String type : types) {
            closure.addAll(vocabulary.superclasses(type));
        }
        return closure;
    }

    private static boolean containsAny(Set<String> set, List<String> candidates) {
        for (String candidate : candidates) {
            if (set.contains(candidate)) {
                return true;
            }
        }
        return false;
    }

    /** One validation: the problems found so far and the document's nodes. */
    private final class Run {

        private final List<SchemaProblem> problems = new ArrayList<>();
        private final Map<String, JsonNode> nodesById;
        private final Map<String, Set<String>> propertiesById;

        Run(Map<String, JsonNode> nodesById, Map<String, Set<String>> propertiesById) {
            this.nodesById = nodesById;
            this.propertiesById = propertiesById;
        }

        void document(JsonNode document) {
            if (document.isArray()) {
                for (JsonNode item : document) {
                    document(item);
                }
            } else if (document.isObject()) {
                node(document);
                if (!document.has("@graph")) {
                    item(document);
                }
            }
        }

        /**
         * A node of the page's own (the graph's, or the document's), which Google reads as an item of its own: a local
         * business (a MedicalClinic, a Physician) needs a name and an address to be one, as Google's local business
         * documentation requires; a business named inside another node (a Person's worksFor) is not such an item.
         */
        private void item(JsonNode node) {
            if (isReference(node)) {
                return;
            }
            Set<String> closure = new LinkedHashSet<>();
            for (JsonNode type : items(node.get("@type"))) {
                SchemaVocabulary.termName(type.asText()).filter(vocabulary::isType)
                        .ifPresent(name -> closure.addAll(vocabulary.superclasses(name)));
            }
            if (!closure.contains("LocalBusiness")) {
                return;
            }
            String nodeId = nodeId(node);
            for (String required : List.of("name", "address")) {
                if (!gives(node, required)) {
                    problems.add(new SchemaProblem(Severity.ERROR, GOOGLE_LOCAL_BUSINESS, nodeId, required,
                            "a local business needs '" + required + "', which Google requires of every local business",
                            required.equals("name") ? "give the business the name its patients know it by"
                                    : "give its address as a PostalAddress, with as many of streetAddress, addressLocality, "
                                            + "addressRegion, postalCode and addressCountry as it has"));
                }
            }
        }

        /** Whether the node, or another description of the same {@code @id} in the document, gives the property. */
        private boolean gives(JsonNode node, String property) {
            JsonNode value = node.get(property);
            if (hasValue(value)) {
                return true;
            }
            JsonNode id = node.get("@id");
            return id != null && id.isTextual() && propertiesById.getOrDefault(id.asText(), Set.of()).contains(property);
        }

        private void node(JsonNode node) {
            if (node.has("@value") || isReference(node)) {
                return;
            }
            String nodeId = nodeId(node);
            Set<String> types = types(node, nodeId);
            Set<String> typeClosure = closure(types);

            JsonNode graph = node.get("@graph");
            if (graph != null) {
                document(graph);
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (!field.getKey().startsWith("@")) {
                    property(nodeId, types, typeClosure, field.getKey(), field.getValue());
                }
            }
            if (typeClosure.contains("BreadcrumbList")) {
                breadcrumb(node, nodeId);
            }
        }

        /** Checks @type and returns the node's known schema.org classes. */
        private Set<String> types(JsonNode node, String nodeId) {
            Set<String> known = new LinkedHashSet<>();
            for (JsonNode type : items(node.get("@type"))) {
                String written = type.asText();
                String name = SchemaVocabulary.termName(written).orElse(written);
                if (!vocabulary.isType(name)) {
                    problems.add(new SchemaProblem(Severity.ERROR, UNKNOWN_TYPE, nodeId, null,
                            "unknown schema.org type '" + name + "'", unknownTypeHint(name)));
                    continue;
                }
                known.add(name);
                vocabulary.supersededBy(name).ifPresent(replacement -> problems.add(new SchemaProblem(
                        Severity.WARNING, SUPERSEDED, nodeId, null,
                        "type '" + name + "' is superseded by '" + replacement + "'",
                        "use '" + replacement + "' instead")));
            }
            return known;
        }

        private void property(String nodeId, Set<String> types, Set<String> typeClosure, String key, JsonNode value) {
            Optional<String> termName = SchemaVocabulary.termName(key);
            String name = termName.orElse(key);
            Optional<SchemaVocabulary.Property> property = termName.flatMap(vocabulary::property);
            if (property.isEmpty()) {
                problems.add(new SchemaProblem(Severity.ERROR, UNKNOWN_PROPERTY, nodeId, name,
                        "unknown schema.org property '" + name + "'", unknownPropertyHint(name)));
                // The value may still hold typed nodes worth checking.
                for (JsonNode item : items(value)) {
                    if (item.isObject()) {
                        node(item);
                    }
                }
                return;
            }
            vocabulary.supersededBy(name).ifPresent(replacement -> problems.add(new SchemaProblem(
                    Severity.WARNING, SUPERSEDED, nodeId, name,
                    "property '" + name + "' is superseded by '" + replacement + "'",
                    "use '" + replacement + "' instead")));

            List<String> domain = property.get().domain();
            // Without a known type there is nothing to compare with; the unknown type was reported already.
            if (!types.isEmpty() && !domain.isEmpty() && !containsAny(typeClosure, domain)) {
                problems.add(new SchemaProblem(Severity.WARNING, DOMAIN, nodeId, name,
                        "property '" + name + "' is not expected on " + String.join(", ", types),
                        "schema.org expects '" + name + "' on " + orList(domain)
                                + " (or a subtype); change the node's @type or drop the property"));
            }
            List<String> range = property.get().range();
            for (JsonNode item : items(value)) {
                if (!range.isEmpty()) {
                    value(nodeId, name, range, item);
                }
                if (item.isObject()) {
                    node(item);
                }
            }
        }

        /** Rules 5 and 6: does one value fit the property's range? */
        private void value(String nodeId, String property, List<String> range, JsonNode value) {
            if (value.isObject()) {
                if (value.has("@value")) {
                    value(nodeId, property, range, value.get("@value"));
                    return;
                }
                if (isReference(value) || !value.has("@type")) {
                    // The type of what an @id names, or of an untyped node, cannot be known here.
                    return;
                }
                List<String> known = new ArrayList<>();
                for (JsonNode type : items(value.get("@type"))) {
                    SchemaVocabulary.termName(type.asText()).filter(vocabulary::isType).ifPresent(known::add);
                }
                for (String type : known) {
                    if (fitsClass(type, range)) {
                        return;
                    }
                }
                if (known.isEmpty()) {
                    return;
                }
                rangeProblem(nodeId, property, range, String.join(", ", known));
            } else if (value.isTextual()) {
                text(nodeId, property, range, value.asText());
            } else if (value.isNumber()) {
                // 3.0 is as good an Integer as 3: JSON does not tell them apart.
                boolean integral = value.isIntegralNumber() || value.decimalValue().stripTrailingZeros().scale() <= 0;
                boolean fits = range.stream().anyMatch(type -> type.equals("Text") || type.equals("Number")
                        || type.equals("Float") || integral && type.equals("Integer"));
                if (!fits) {
                    rangeProblem(nodeId, property, range, "a number");
                }
            } else if (value.isBoolean()) {
                if (!range.contains("Boolean")) {
                    rangeProblem(nodeId, property, range, "a boolean");
                }
            }
        }

        private void text(String nodeId, String property, List<String> range, String text) {
            RangeKinds kinds = rangeKinds(range);
            List<String> enumerations = kinds.enumerations();
            boolean dataType = kinds.dataType();
            Optional<String> iri = SchemaVocabulary.schemaIri(text);
            if (iri.isPresent()) {
                String term = iri.get();
                if (isMemberOfAny(term, enumerations)) {
                    vocabulary.supersededBy(term).ifPresent(replacement -> problems.add(new SchemaProblem(
                            Severity.WARNING, SUPERSEDED, nodeId, property,
                            "value '" + term + "' of property '" + property + "' is superseded by '" + replacement + "'",
                            "use https://schema.org/" + replacement + " instead")));
                    return;
                }
                if (!enumerations.isEmpty()) {
                    problems.add(new SchemaProblem(Severity.WARNING, ENUM_MEMBER, nodeId, property,
                            "'" + term + "' is not a member of " + orList(enumerations) + ", which property '"
                                    + property + "' expects",
                            enumMemberHint(term, range, enumerations)));
                    return;
                }
            } else if (!dataType
                    && isMemberOfAny(text, enumerations)) {
                // A bare member name ("Monday") is what Google's own examples use; accept it like the IRI.
                return;
            }
            // schema.org's data model lets a URL stand for the thing it identifies wherever a Thing is expected;
            // Google's breadcrumb "item" is the everyday case.
            if (!dataType && !isAbsoluteUrl(text)) {
                rangeProblem(nodeId, property, range, "a text value");
            } else if (dataType && !fitsDataType(range, text) && !(kinds.aClass() && isAbsoluteUrl(text))) {
                List<String> examples = new ArrayList<>();
                for (String type : range) {
                    String example = DATA_TYPE_EXAMPLES.get(type);
                    if (example != null && !examples.contains(example)) {
                        examples.add(example);
                    }
                }
                problems.add(new SchemaProblem(Severity.WARNING, RANGE, nodeId, property,
                        "property '" + property + "' expects " + orList(range) + ", not '"
                                + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'",
                        "write it as " + String.join(" or ", examples)
                                + "; search engines do not read other forms as one"));
            }
        }

        /**
         * Whether text is written as one of the range's data types expects: anything for Text (and its kinds other than
         * URL), an absolute address for URL, and ISO 8601 for Date ({@code 2026-11-02}), DateTime
         * ({@code 2026-11-02T09:30:00-08:00}) and Time ({@code 08:30}), as schema.org defines them. Search engines do not
         * read "November 2, 2026" as a date, nor a relative address as a page.
         */
        private boolean fitsDataType(List<String> range, String text) {
            for (String type : range) {
                boolean fits = switch (type) {
                    case "URL" -> ABSOLUTE_URI.matcher(text).matches();
                    case "Date" -> isDate(text);
                    case "DateTime" -> DATE_TIME.matcher(text).matches() && isDate(text.substring(0, text.indexOf('T')));
                    case "Time" -> TIME_OF_DAY.matcher(text).matches();
                    case "Boolean" -> BOOLEAN.matcher(text).matches();
                    case "Number", "Float", "Integer" -> NUMBER.matcher(text).matches();
                    // Text and its kinds but URL take any text; a class (ImageObject) takes a text value only as the
                    // address of the thing, which the caller allows.
                    default -> vocabulary.isDataType(type) && vocabulary.isSubClassOf(type, "Text");
                };
                if (fits) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isDate(String text) {
            if (!DATE.matcher(text).matches()) {
                return false;
            }
            try {
                // What LocalDate.parse checks once the pattern holds (month 1-12, the month's days), for a fraction of its cost.
                java.time.LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10), Integer.parseInt(text, 8, 10, 10));
                return true;
            } catch (java.time.DateTimeException e) {
                return false;
            }
        }

        private static boolean isAbsoluteUrl(String text) {
            return (text.startsWith("https://") || text.startsWith("http://")) && text.chars().noneMatch(Character::isWhitespace);
        }

        private boolean isMemberOfAny(String term, List<String> enumerations) {
            for (String enumeration : enumerations) {
                if (vocabulary.isMemberOf(term, enumeration)) {
                    return true;
                }
            }
            return false;
        }

        private boolean fitsClass(String type, List<String> range) {
            for (String rangeClass : range) {
                if (vocabulary.isSubClassOf(type, rangeClass)) {
                    return true;
                }
            }
            return false;
        }

        private void rangeProblem(String nodeId, String property, List<String> range, String found) {
            List<String> enumerations = range.stream().filter(vocabulary::isEnumeration).toList();
            String hint = "give '" + property + "' a value of type " + orList(range) + " (or a subtype), or an {\"@id\"} reference";
            if (!enumerations.isEmpty() && found.equals("a text value")) {
                hint = "use a member IRI of " + orList(enumerations) + ", such as https://schema.org/"
                        + vocabulary.members(enumerations.get(0)).stream().findFirst().orElse(enumerations.get(0));
            }
            problems.add(new SchemaProblem(Severity.WARNING, RANGE, nodeId, property,
                    "property '" + property + "' expects " + orList(range) + ", not " + found, hint));
        }

        /** Rule 8: Google shows a breadcrumb trail only from 2+ ListItems numbered 1..n, each named, each but the last linked. */
        private void breadcrumb(JsonNode list, String nodeId) {
            List<JsonNode> entries = new ArrayList<>();
            for (JsonNode entry : items(list.get("itemListElement"))) {
                entries.add(resolve(entry));
            }
            if (entries.size() < 2) {
                problems.add(new SchemaProblem(Severity.ERROR, GOOGLE_BREADCRUMB, nodeId, "itemListElement",
                        "'itemListElement' of a BreadcrumbList needs at least 2 ListItems, found " + entries.size(),
                        "list every level from the home page down to this page, or leave the BreadcrumbList out"));
            }
            List<String> positions = new ArrayList<>();
            boolean inOrder = true;
            for (int i = 0; i < entries.size(); i++) {
                JsonNode entry = entries.get(i);
                int number = i + 1;
                if (!isListItem(entry)) {
                    problems.add(new SchemaProblem(Severity.ERROR, GOOGLE_BREADCRUMB, nodeId, "itemListElement",
                            "'itemListElement' entry " + number + " of a BreadcrumbList is not a ListItem",
                            "write each entry as {\"@type\": \"ListItem\", \"position\": n, \"name\": ..., \"item\": ...}"));
                    positions.add("none");
                    inOrder = false;
                    continue;
                }
                Integer position = position(entry.get("position"));
                positions.add(position == null ? "none" : position.toString());
                inOrder &= position != null && position == number;
                if (!hasText(entry.get("name")) && !hasText(resolve(entry.path("item")).get("name"))) {
                    problems.add(new SchemaProblem(Severity.ERROR, GOOGLE_BREADCRUMB, nodeId, "name",
                            "breadcrumb ListItem " + number + " has no 'name'",
                            "give every ListItem the title the trail should show"));
                }
                JsonNode item = entry.get("item");
                if (number < entries.size() && (item == null || item.isNull())) {
                    problems.add(new SchemaProblem(Severity.ERROR, GOOGLE_BREADCRUMB, nodeId, "item",
                            "breadcrumb ListItem " + number + " has no 'item'",
                            "link every ListItem but the last to its page URL with 'item'"));
                }
            }
            if (!inOrder) {
                problems.add(new SchemaProblem(Severity.ERROR, GOOGLE_BREADCRUMB, nodeId, "position",
                        "'position' of the breadcrumb ListItems must run 1 to " + entries.size() + " in order, found "
                                + String.join(", ", positions),
                        "number the ListItems 1, 2, 3 ... from the home page down, in the order they are listed"));
            }
        }

        private boolean isListItem(JsonNode entry) {
            for (JsonNode type : items(entry.get("@type"))) {
                Optional<String> name = SchemaVocabulary.termName(type.asText());
                if (name.isPresent() && vocabulary.isSubClassOf(name.get(), "ListItem")) {
                    return true;
                }
            }
            return false;
        }

        private JsonNode resolve(JsonNode value) {
            if (value.isObject() && isReference(value)) {
                JsonNode target = nodesById.get(value.get("@id").asText());
                return target == null ? value : target;
            }
            return value;
        }

        /** An integer, or an integer written as text (schema.org allows Text); anything else is no position. */
        private static Integer position(JsonNode value) {
            if (value == null) {
                return null;
            }
            if (value.isIntegralNumber() && value.canConvertToInt()) {
                return value.intValue();
            }
            if (value.isTextual() && value.asText().matches("\\d{1,9}")) {
                return Integer.valueOf(value.asText());
            }
            return null;
        }

        private static boolean hasText(JsonNode value) {
            return value != null && value.isTextual() && !value.asText().isBlank();
        }

        private String unknownTypeHint(String name) {
            Optional<String> spelled = vocabulary.typeIgnoringCase(name);
            if (spelled.isPresent()) {
                return "did you mean '" + spelled.get() + "'? schema.org names are case-sensitive";
            }
            List<String> enumerations = vocabulary.enumerationsOf(name);
            if (!enumerations.isEmpty()) {
                return "'" + name + "' is a member of " + orList(enumerations) + ", not a type; write it as the value "
                        + "https://schema.org/" + name + " of a property that expects " + orList(enumerations);
            }
            if (vocabulary.isProperty(name)) {
                return "'" + name + "' is a property, not a type";
            }
            return "use a type defined in schema.org 30.0 (https://schema.org/docs/full.html)";
        }

        private String unknownPropertyHint(String name) {
            String removed = REMOVED_TERMS.get(name);
            if (removed != null) {
                return removed;
            }
            Optional<String> spelled = vocabulary.propertyIgnoringCase(name);
            if (spelled.isPresent()) {
                return "did you mean '" + spelled.get() + "'? schema.org names are case-sensitive";
            }
            if (vocabulary.isType(name)) {
                return "'" + name + "' is a type, not a property";
            }
            return "use a property defined in schema.org 30.0 (https://schema.org/docs/full.html), or drop it";
        }

        private String enumMemberHint(String term, List<String> range, List<String> enumerations) {
            StringBuilder hint = new StringBuilder();
            if (vocabulary.isType(term) && fitsClass(term, range)) {
                hint.append("'").append(term).append("' is a type, not a member; write {\"@type\": \"")
                        .append(term).append("\"} instead");
                return hint.toString();
            }
            List<String> elsewhere = vocabulary.enumerationsOf(term);
            if (!elsewhere.isEmpty()) {
                hint.append("'").append(term).append("' is a member of ").append(orList(elsewhere)).append("; ");
            }
            String enumeration = enumerations.get(0);
            List<String> members = List.copyOf(vocabulary.members(enumeration));
            hint.append("use a member of ").append(enumeration).append(": ");
            if (members.size() <= MEMBERS_IN_HINT) {
                hint.append(String.join(", ", members));
            } else {
                hint.append(String.join(", ", members.subList(0, MEMBERS_IN_HINT)))
                        .append(" ... (").append(members.size()).append(" in all)");
            }
            return hint.toString();
        }
    }

    private static String nodeId(JsonNode node) {
        JsonNode id = node.get("@id");
        if (id != null && id.isTextual()) {
            return id.asText();
        }
        List<String> types = new ArrayList<>();
        for (JsonNode type : items(node.get("@type"))) {
            types.add(SchemaVocabulary.termName(type.asText()).orElse(type.asText()));
        }
        return types.isEmpty() ? null : String.join(", ", types);
    }

    /** JSON-LD lets any value be one item or an array; @list and @set objects hold arrays too. Nulls mean "no value". */
    private static List<JsonNode> items(JsonNode value) {
        List<JsonNode> items = new ArrayList<>();
        collect(value, items);
        return items;
    }

    private static void collect(JsonNode value, List<JsonNode> items) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                collect(item, items);
            }
        } else if (value.isObject() && (value.has("@list") || value.has("@set"))) {
            collect(value.has("@list") ? value.get("@list") : value.get("@set"), items);
        } else {
            items.add(value);
        }
    }

    /** "A", "A or B", "A, B or C": the way the messages name a set of classes. */
    private static String orList(List<String> names) {
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
