package org.clinicbake.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The schema.org vocabulary of the release ClinicBake pins (30.0), read from the class path.
 *
 * <p>Term names are given without prefix ({@code MedicalTherapy}, {@code howPerformed}); use
 * {@link #termName(String)} to turn {@code schema:X}, {@code https://schema.org/X} or {@code http://schema.org/X} into one.
 * Instances are immutable and safe to share between threads; {@link #load()} reads the file on every call, so callers
 * keep the instance.
 *
 * <p>A bake reads the vocabulary in a compact form derived from the release ({@link #COMPACT_RESOURCE}, one line per
 * term, what {@link #compactForm()} writes): reading the 1.5 MB release took 0.1 s of every bake's start, the compact
 * form takes a few milliseconds. A test derives it from the release again and fails when the two differ.
 */
public final class SchemaVocabulary {

    /** Class-path location of the pinned release file (kept unmodified, see the README next to it). */
    public static final String RESOURCE = "org/clinicbake/schemaorg/schemaorg-current-https.jsonld";

    /** Class-path location of the same vocabulary in the compact form {@link #load()} reads. */
    public static final String COMPACT_RESOURCE = "org/clinicbake/schemaorg/schemaorg-compact.txt";

    /** The first line of the compact form; a file without it is not one. */
    private static final String COMPACT_FORMAT = "# clinicbake-schemaorg-compact-1";

    private static final String PREFIX = "schema:";
    private static final String ENUMERATION = "Enumeration";

    /** Fields of a term the vocabulary needs; everything else (labels, comments, mappings) is skipped. */
    private static final Set<String> TERM_FIELDS = Set.of("@id", "@type", "rdfs:subClassOf", "schema:domainIncludes",
            "schema:rangeIncludes", "schema:supersededBy", "schema:isPartOf");

    /**
     * What schema.org says about a property.
     *
     * @param name       the property name
     * @param domain     the {@code schema:domainIncludes} classes, in vocabulary order
     * @param range      the {@code schema:rangeIncludes} classes, in vocabulary order
     */
    public record Property(String name, List<String> domain, List<String> range) {
        public Property {
            domain = List.copyOf(domain);
            range = List.copyOf(range);
        }
    }

    /** Each class mapped to itself and all its superclasses. */
    private final Map<String, Set<String>> superclasses;
    private final Map<String, Property> properties;
    /** Each enumeration member mapped to the enumerations it is typed with (Radiography has two). */
    private final Map<String, List<String>> memberTypes;
    private final Map<String, String> supersededBy;
    /** Term to section name ({@code pending}, {@code health-lifesci}, ...); core terms are absent. */
    private final Map<String, String> sections;
    private final Set<String> dataTypes;
    private final Map<String, String> classesByLowerCase;
    private final Map<String, String> propertiesByLowerCase;

    /** Keeps immutable copies of what a reader collected. */
    private SchemaVocabulary(Map<String, Set<String>> superclasses, Map<String, Property> properties,
            Map<String, List<String>> memberTypes, Map<String, String> supersededBy, Map<String, String> sections,
            Set<String> dataTypes) {
        this.superclasses = Map.copyOf(superclasses);
        this.properties = Map.copyOf(properties);
        this.memberTypes = Map.copyOf(memberTypes);
        this.supersededBy = Map.copyOf(supersededBy);
        this.sections = Map.copyOf(sections);
        this.dataTypes = Set.copyOf(dataTypes);
        this.classesByLowerCase = byLowerCase(superclasses.keySet());
        this.propertiesByLowerCase = byLowerCase(properties.keySet());
    }

    /** Reads the pinned release from the class path, in its compact form. */
    public static SchemaVocabulary load() {
        try (InputStream in = resource(COMPACT_RESOURCE)) {
            return readCompact(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema.org vocabulary " + COMPACT_RESOURCE, e);
        }
    }

    /** Reads the pinned release file itself, as schema.org publishes it (what the compact form is derived from). */
    public static SchemaVocabulary loadRelease() {
        try (InputStream in = resource(RESOURCE)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema.org vocabulary " + RESOURCE, e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SchemaVocabulary.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("schema.org vocabulary missing from the class path: " + name);
        }
        return in;
    }

    /**
     * The vocabulary as text, one term per line and sorted, so that it reads back as the same vocabulary
     * ({@link #readCompact}): {@code C} a class and all its superclasses, {@code T} a data type, {@code P} a
     * property, its domain and its range, {@code M} an enumeration member and its enumerations, {@code S} a
     * superseded term and its replacement, {@code X} a term and its hosted section. Names hold no spaces or
     * commas; {@code -} stands for an empty list.
     */
    public String compactForm() {
        StringBuilder text = new StringBuilder(COMPACT_FORMAT).append(
                "\n# Derived from schemaorg-current-https.jsonld (see README.md here) by SchemaVocabulary.compactForm(); do not edit.\n");
        new TreeMap<>(superclasses).forEach((type, supers) -> line(text, "C", type, List.copyOf(supers)));
        new TreeSet<>(dataTypes).forEach(type -> text.append("T ").append(type).append('\n'));
        new TreeMap<>(properties).forEach((name, property) -> line(text, "P", name, property.domain(), property.range()));
        new TreeMap<>(memberTypes).forEach((member, types) -> line(text, "M", member, types));
        new TreeMap<>(supersededBy).forEach((term, replacement) -> line(text, "S", term, List.of(replacement)));
        new TreeMap<>(sections).forEach((term, section) -> line(text, "X", term, List.of(section)));
        return text.toString();
    }

    @SafeVarargs
    private static void line(StringBuilder text, String kind, String name, List<String>... lists) {
        text.append(kind).append(' ').append(name);
        for (List<String> list : lists) {
            text.append(' ').append(list.isEmpty() ? "-" : String.join(",", list));
        }
        text.append('\n');
    }

    /** Reads a vocabulary {@link #compactForm()} wrote. */
    static SchemaVocabulary readCompact(InputStream in) throws IOException {
        Map<String, Set<String>> superclasses = new HashMap<>();
        Map<String, Property> properties = new HashMap<>();
        Map<String, List<String>> memberTypes = new HashMap<>();
        Map<String, String> supersededBy = new HashMap<>();
        Map<String, String> sections = new HashMap<>();
        Set<String> dataTypes = new HashSet<>();
        java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        if (!COMPACT_FORMAT.equals(lines.readLine())) {
            throw new IOException("not a compact schema.org vocabulary (" + COMPACT_FORMAT + ")");
        }
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(" ");
            String name = fields[1];
            switch (fields[0]) {
                case "C" -> superclasses.put(name, Collections.unmodifiableSet(new LinkedHashSet<>(list(fields[2]))));
                case "T" -> dataTypes.add(name);
                case "P" -> properties.put(name, new Property(name, list(fields[2]), list(fields[3])));
                case "M" -> memberTypes.put(name, List.copyOf(list(fields[2])));
                case "S" -> supersededBy.put(name, fields[2]);
                case "X" -> sections.put(name, fields[2]);
                default -> throw new IOException("unknown line in the compact schema.org vocabulary: " + line);
            }
        }
        return new SchemaVocabulary(superclasses, properties, memberTypes, supersededBy, sections, dataTypes);
    }

    private static List<String> list(String field) {
        return field.equals("-") ? List.of() : List.of(field.split(","));
    }

    /** Reads a vocabulary in the layout of schema.org's {@code schemaorg-current-https.jsonld}. */
    public static SchemaVocabulary read(InputStream in) throws IOException {
        Map<String, List<String>> directSuperclasses = new HashMap<>();
        Map<String, Property> properties = new HashMap<>();
        Map<String, List<String>> memberTypes = new HashMap<>();
        Map<String, String> supersededBy = new HashMap<>();
        Map<String, String> sections = new HashMap<>();
        Set<String> dataTypeRoots = new HashSet<>();

        // Plain streaming rather than a tree: comments, labels and mappings to other vocabularies are skipped without
        // ever becoming objects, and databind is not needed to start up.
        try (JsonParser parser = new JsonFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("schema.org vocabulary is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (!"@graph".equals(field) || value != JsonToken.START_ARRAY) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    Map<String, List<String>> term = readTerm(parser);
                    String name = schemaName(first(term.get("@id")));
                    // The release also describes a few external terms (unece:, fibo ...) it maps to; they are not schema.org's.
                    if (name == null) {
                        continue;
                    }
                    List<String> types = term.getOrDefault("@type", List.of());
                    if (types.contains("rdfs:Class")) {
                        directSuperclasses.put(name, names(term.get("rdfs:subClassOf")));
                        // Text, Number, Date ... are typed schema:DataType instead of being subclasses of it.
                        if (types.contains("schema:DataType")) {
                            dataTypeRoots.add(name);
                        }
                    } else if (types.contains("rdf:Property")) {
                        properties.put(name, new Property(name, names(term.get("schema:domainIncludes")),
                                names(term.get("schema:rangeIncludes"))));
                    } else {
                        List<String> enumerations = names(types);
                        if (!enumerations.isEmpty()) {
                            memberTypes.put(name, List.copyOf(enumerations));
                        }
                    }
                    List<String> replacements = names(term.get("schema:supersededBy"));
                    if (!replacements.isEmpty()) {
                        supersededBy.put(name, replacements.get(0));
                    }
                    String section = section(term.get("schema:isPartOf"));
                    if (section != null) {
                        sections.put(name, section);
                    }
                }
            }
        }

        Map<String, Set<String>> closure = new HashMap<>();
        for (String type : directSuperclasses.keySet()) {
            closure.put(type, Collections.unmodifiableSet(closureOf(type, directSuperclasses)));
        }
        Set<String> dataTypes = new HashSet<>();
        closure.forEach((type, supers) -> {
            if (supers.stream().anyMatch(dataTypeRoots::contains)) {
                dataTypes.add(type);
            }
        });
        // True and False are typed schema:Boolean, a data type rather than an Enumeration: they are values, not members.
        memberTypes.values().removeIf(types -> types.stream()
                .noneMatch(type -> closure.getOrDefault(type, Set.of()).contains(ENUMERATION)));
        return new SchemaVocabulary(closure, properties, memberTypes, supersededBy, sections, dataTypes);
    }

    /**
     * The schema.org term an IRI or name denotes: {@code https://schema.org/X}, {@code http://schema.org/X} (the two are
     * the same vocabulary), {@code schema:X} and a bare {@code X} all give {@code X}; anything else, such as another
     * vocabulary's IRI, gives empty. Whether {@code X} exists is not checked.
     */
    public static Optional<String> termName(String iriOrName) {
        if (iriOrName == null || iriOrName.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> fromIri = schemaIri(iriOrName);
        if (fromIri.isPresent()) {
            return fromIri;
        }
        return iriOrName.indexOf(':') < 0 && iriOrName.indexOf('/') < 0 && iriOrName.indexOf('#') < 0
                ? Optional.of(iriOrName) : Optional.empty();
    }

    /** Like {@link #termName(String)}, but only for the IRI forms: a bare word is not an IRI. */
    public static Optional<String> schemaIri(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String rest = null;
        if (value.startsWith("https://schema.org/")) {
            rest = value.substring("https://schema.org/".length());
        } else if (value.startsWith("http://schema.org/")) {
            rest = value.substring("http://schema.org/".length());
        } else if (value.startsWith(PREFIX)) {
            rest = value.substring(PREFIX.length());
        }
        if (rest == null || rest.isEmpty() || rest.indexOf('/') >= 0 || rest.indexOf('#') >= 0) {
            return Optional.empty();
        }
        return Optional.of(rest);
    }

    public boolean isType(String name) {
        return superclasses.containsKey(name);
    }

    public boolean isProperty(String name) {
        return properties.containsKey(name);
    }

    /** Whether {@code name} is a member of some enumeration, such as {@code Anesthesia} or {@code Monday}. */
    public boolean isEnumerationMember(String name) {
        return memberTypes.containsKey(name);
    }

    /** Whether {@code name} is a data type: Text, Number, Date, DateTime, Time, Boolean, Quantity or a subclass (URL, Integer, Duration ...). */
    public boolean isDataType(String name) {
        return dataTypes.contains(name);
    }

    /** Whether {@code name} is {@code Enumeration} or one of its subclasses. */
    public boolean isEnumeration(String name) {
        return isSubClassOf(name, ENUMERATION);
    }

    /** Whether {@code type} is {@code ancestor} or inherits from it; false when either is not a class. */
    public boolean isSubClassOf(String type, String ancestor) {
        Set<String> supers = superclasses.get(type);
        return supers != null && supers.contains(ancestor);
    }

    /** {@code type} and all its schema.org superclasses, or an empty set when it is not a class. */
    public Set<String> superclasses(String type) {
        return superclasses.getOrDefault(type, Set.of());
    }

    public Optional<Property> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }

    /** The enumerations {@code member} is typed with (usually one), or an empty list when it is not a member. */
    public List<String> enumerationsOf(String member) {
        return memberTypes.getOrDefault(member, List.of());
    }

    /** Whether {@code member} belongs to {@code enumeration}, directly or through a subclass of it. */
    public boolean isMemberOf(String member, String enumeration) {
        for (String type : enumerationsOf(member)) {
            if (isSubClassOf(type, enumeration)) {
                return true;
            }
        }
        return false;
    }

    /** The members of {@code enumeration} and of its subclasses, sorted by name. */
    public Set<String> members(String enumeration) {
        Set<String> members = new TreeSet<>();
        memberTypes.forEach((member, types) -> {
            if (isMemberOf(member, enumeration)) {
                members.add(member);
            }
        });
        return Collections.unmodifiableSet(members);
    }

    /** The term that replaces {@code term} (property, class or enumeration member), if schema.org superseded it. */
    public Optional<String> supersededBy(String term) {
        return Optional.ofNullable(supersededBy.get(term));
    }

    /** The hosted section a term belongs to ({@code pending}, {@code health-lifesci}, {@code bib} ...); empty for core. */
    public Optional<String> section(String term) {
        return Optional.ofNullable(sections.get(term));
    }

    /** Whether the term is still in schema.org's "pending" staging area; allowed, but subject to change. */
    public boolean isPending(String term) {
        return "pending".equals(sections.get(term));
    }

    /** The class spelled like {@code name} apart from letter case, for "did you mean" hints. */
    public Optional<String> typeIgnoringCase(String name) {
        return Optional.ofNullable(classesByLowerCase.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The property spelled like {@code name} apart from letter case, for "did you mean" hints. */
    public Optional<String> propertyIgnoringCase(String name) {
        return Optional.ofNullable(propertiesByLowerCase.get(name.toLowerCase(Locale.ROOT)));
    }

    public int typeCount() {
        return superclasses.size();
    }

    public int propertyCount() {
        return properties.size();
    }

    private static Set<String> closureOf(String type, Map<String, List<String>> directSuperclasses) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.push(type);
        while (!todo.isEmpty()) {
            String next = todo.pop();
            // A seen-set rather than recursion: the release has no cycles today, but a bad file must not hang a bake.
            if (seen.add(next)) {
                todo.addAll(directSuperclasses.getOrDefault(next, List.of()));
            }
        }
        return seen;
    }

    private static Map<String, String> byLowerCase(Set<String> names) {
        Map<String, String> map = new HashMap<>();
        for (String name : names) {
            map.put(name.toLowerCase(Locale.ROOT), name);
        }
        return Map.copyOf(map);
    }

    private static String schemaName(String id) {
        return id.startsWith(PREFIX) && id.length() > PREFIX.length() ? id.substring(PREFIX.length()) : null;
    }

    /**
     * Reads one {@code @graph} entry, the parser positioned on its START_OBJECT. A field's value may be one item or an
     * array; an item is a string or an {@code {"@id": ...}} object, and either way it ends up as the id text.
     */
    private static Map<String, List<String>> readTerm(JsonParser parser) throws IOException {
        Map<String, List<String>> term = new HashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken token = parser.nextToken();
            if (!TERM_FIELDS.contains(field)) {
                parser.skipChildren();
                continue;
            }
            List<String> ids = new ArrayList<>();
            if (token == JsonToken.START_ARRAY) {
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    readId(parser, token, ids);
                }
            } else {
                readId(parser, token, ids);
            }
            term.put(field, ids);
        }
        return term;
    }

    private static void readId(JsonParser parser, JsonToken token, List<String> ids) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            ids.add(parser.getText());
        } else if (token == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (parser.nextToken() == JsonToken.VALUE_STRING && field.equals("@id")) {
                    ids.add(parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        } else {
            parser.skipChildren();
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** The schema.org names among ids; superclasses like {@code rdfs:Class} or fibo terms drop out. */
    private static List<String> names(List<String> ids) {
        List<String> names = new ArrayList<>();
        if (ids != null) {
            for (String id : ids) {
                String name = schemaName(id);
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /** {@code https://pending.schema.org} becomes {@code pending}. */
    private static String section(List<String> isPartOf) {
        for (String id : isPartOf == null ? List.<String>of() : isPartOf) {
            String host = id.replaceFirst("^https?://", "");
            int dot = host.indexOf(".schema.org");
            if (dot > 0) {
                return host.substring(0, dot);
            }
        }
        return null;
    }
}
