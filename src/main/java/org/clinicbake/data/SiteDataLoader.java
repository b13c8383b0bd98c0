package org.clinicbake.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.clinicbake.diag.Diagnostic;
import org.clinicbake.diag.Diagnostics;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads {@code data/clinic.yml} and {@code data/providers.yml}, reporting bad data with file and line. */
public final class SiteDataLoader {

    static final String CLINIC_FILE = "data/clinic.yml";
    static final String PROVIDERS_FILE = "data/providers.yml";

    private final Diagnostics diagnostics;

    public SiteDataLoader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Keys of {@code clinic.yml} every clinic page needs: who the clinic is and how to reach it. */
    static final List<String> REQUIRED_CLINIC_KEYS = List.of("name", "description", "telephone", "telephone_display", "address");
    static final List<String> REQUIRED_ADDRESS_KEYS = List.of("street", "locality", "region", "postal_code", "country");
    /** Optional keys; templates see them as null (or an empty list) when a site leaves them out. */
    static final List<String> OPTIONAL_CLINIC_KEYS = List.of("url", "email", "booking_url", "map_url", "geo");
    static final List<String> LIST_CLINIC_KEYS = List.of("hours", "specialties", "services");

    public SiteData load(Path siteDir) {
        Map<String, Object> clinic = readMapping(siteDir, CLINIC_FILE)
                .map(document -> clinic(typedClinic(document), true))
                .orElseGet(() -> {
                    if (!Files.exists(siteDir.resolve(CLINIC_FILE))) {
                        diagnostics.error("data.missing-file", CLINIC_FILE, 0, "the site has no clinic data",
                                "create data/clinic.yml with the clinic's name, description, telephone, "
                                        + "telephone_display and address (see README.md)");
                    }
                    // Already reported; every key present keeps templates from adding errors of their own.
                    return clinic(Map.of(), false);
                });
        java.util.Optional<YamlDocument> providersFile = readMapping(siteDir, PROVIDERS_FILE);
        SortedMap<String, Provider> providers = providersFile.map(this::providers).orElse(new TreeMap<>());
        boolean providersRead = providersFile.isPresent() || !Files.exists(siteDir.resolve(PROVIDERS_FILE));
        return new SiteData(Collections.unmodifiableMap(clinic), Collections.unmodifiableSortedMap(providers), providersRead);
    }

    /** Keys of {@code clinic.yml} that are text, whatever YAML would make of them unquoted. */
    static final List<String> TEXT_CLINIC_KEYS = List.of("name", "description", "telephone", "telephone_display",
            "url", "email", "booking_url", "map_url");
    /** Keys of a provider in {@code providers.yml} that are text. */
    static final List<String> TEXT_PROVIDER_KEYS = List.of("name", "honorific_prefix", "honorific_suffix", "job_title", "bio", "npi");

    /**
     * The clinic's values in the shapes pages read them: text as written (YAML 1.1 reads an unquoted
     * {@code closes: 17:00} as the number 1,020 and {@code name: yes} as true), lists of text, the
     * address as a mapping of text and the coordinates as numbers. A value of the wrong shape is
     * reported at its line and left out.
     */
    private Map<String, Object> typedClinic(YamlDocument document) {
        Map<String, Object> values = new LinkedHashMap<>(document.values());
        Map<String, Node> nodes = byKey(document.root());
        for (String key : TEXT_CLINIC_KEYS) {
            putText(values, key, nodes.get(key), CLINIC_FILE, key);
        }
        checkContacts(values, nodes);
        MappingNode address = shaped(values, nodes, "address", MappingNode.class, "a mapping of street, locality, region, postal_code and country");
        if (address != null) {
            Map<String, Object> fields = new LinkedHashMap<>(toJava(address));
            Map<String, Node> fieldNodes = byKey(address);
            for (String key : REQUIRED_ADDRESS_KEYS) {
                putText(fields, key, fieldNodes.get(key), CLINIC_FILE, "address's " + key);
                if (isBlank(fields.get(key))) {
                    // At address:, where the field goes; and there as null, as templates read it: the theme's
                    // address partial added an error of its own ('locality' does not exist) that named no data file.
                    diagnostics.error("data.missing-field", CLINIC_FILE, keyLine(document.root(), "address"),
                            "clinic.yml's address has no " + key, "add `" + key + ": ...` under `address:`");
                    fields.put(key, null);
                }
            }
            values.put("address", Collections.unmodifiableMap(fields));
        }
        MappingNode geo = shaped(values, nodes, "geo", MappingNode.class, "a mapping of latitude and longitude");
        if (geo != null) {
            Map<String, Object> coordinates = new LinkedHashMap<>(toJava(geo));
            Map<String, Node> coordinateNodes = byKey(geo);
            for (String key : List.of("latitude", "longitude")) {
                Node coordinate = coordinateNodes.get(key);
                java.math.BigDecimal number = coordinate instanceof ScalarNode scalar ? decimal(scalar.getValue()) : null;
                if (coordinate != null && number == null) {
                    wrongShape(CLINIC_FILE, coordinate, "geo's " + key, "a number of degrees, e.g. 32.71570");
                }
                coordinates.put(key, number);
            }
            values.put("geo", Collections.unmodifiableMap(coordinates));
        }
        SequenceNode hours = shaped(values, nodes, "hours", SequenceNode.class, "a list of `- days: [...]` items with opens and closes");
        if (hours != null) {
            List<Object> openings = new ArrayList<>();
            for (Node slot : hours.getValue()) {
                if (!(slot instanceof MappingNode mapping)) {
                    wrongShape(CLINIC_FILE, slot, "an item of hours", "a mapping of days, opens and closes");
                    continue;
                }
                Map<String, Object> opening = new LinkedHashMap<>(toJava(mapping));
                Map<String, Node> openingNodes = byKey(mapping);
                putText(opening, "opens", openingNodes.get("opens"), CLINIC_FILE, "hours' opens");
                putText(opening, "closes", openingNodes.get("closes"), CLINIC_FILE, "hours' closes");
                putTexts(opening, "days", openingNodes.get("days"), CLINIC_FILE, "hours' days");
                checkOpening(opening, openingNodes);
                openings.add(Collections.unmodifiableMap(opening));
            }
            values.put("hours", Collections.unmodifiableList(openings));
        }
        for (String key : List.of("specialties", "services")) {
            putTexts(values, key, nodes.get(key), CLINIC_FILE, key);
        }
        return values;
    }

    private Map<String, Object> clinic(Map<String, Object> values, boolean reportMissing) {
        Map<String, Object> clinic = new LinkedHashMap<>(values);
        for (String key : REQUIRED_CLINIC_KEYS) {
            if (reportMissing && isBlank(clinic.get(key))) {
                diagnostics.error("data.missing-field", CLINIC_FILE, 1, "clinic.yml has no " + key,
                        "add `" + key + ": ...`; pages show the clinic's name, description, phone and address");
            }
        }
        REQUIRED_CLINIC_KEYS.forEach(key -> clinic.putIfAbsent(key, null));
        if (!(clinic.get("address") instanceof Map<?, ?>)) {
            Map<String, Object> address = new LinkedHashMap<>();
            REQUIRED_ADDRESS_KEYS.forEach(key -> address.put(key, null));
            clinic.put("address", Collections.unmodifiableMap(address));
        }
        OPTIONAL_CLINIC_KEYS.forEach(key -> clinic.putIfAbsent(key, null));
        LIST_CLINIC_KEYS.forEach(key -> clinic.putIfAbsent(key, List.of()));
        return Collections.unmodifiableMap(clinic);
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private SortedMap<String, Provider> providers(YamlDocument document) {
        SortedMap<String, Provider> providers = new TreeMap<>();
        for (NodeTuple entry : document.root().getValue()) {
            String id = scalar(entry.getKeyNode());
            int line = line(entry.getKeyNode().getStartMark());
            if (!(entry.getValueNode() instanceof MappingNode fields)) {
                diagnostics.error("data.invalid", PROVIDERS_FILE, line,
                        "provider '" + id + "' must be a mapping of fields",
                        "write the provider as `" + id + ":` followed by indented `name: ...`, `job_title: ...` lines");
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>(toJava(fields));
            Map<String, Node> fieldNodes = byKey(fields);
            for (String key : TEXT_PROVIDER_KEYS) {
                putText(values, key, fieldNodes.get(key), PROVIDERS_FILE, "provider '" + id + "': " + key);
            }
            putTexts(values, "credentials", fieldNodes.get("credentials"), PROVIDERS_FILE, "provider '" + id + "': credentials");
            Object name = values.get("name");
            if (!(name instanceof String text) || text.isBlank()) {
                diagnostics.error("data.missing-field", PROVIDERS_FILE, line,
                        "provider '" + id + "' has no name",
                        "add `name: Given Family` (the name only; put Dr. in honorific_prefix and MD in honorific_suffix)");
                continue;
            }
            String npi = string(values.get("npi"));
            if (npi != null && !npi.matches("\\d{10}")) {
                diagnostics.error("data.invalid", PROVIDERS_FILE, line, "provider '" + id + "' has an NPI that is not 10 digits: " + npi,
                        "write the National Provider Identifier as 10 digits, in quotes, or leave npi out");
                continue;
            }
            providers.put(id, new Provider(id, text,
                    string(values.get("honorific_prefix")),
                    string(values.get("honorific_suffix")),
                    string(values.get("job_title")),
                    strings(values.get("credentials")),
                    string(values.get("bio")),
                    npi,
                    line));
        }
        return providers;
    }

    private java.util.Optional<YamlDocument> readMapping(Path siteDir, String relative) {
        Path file = siteDir.resolve(relative);
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node root = new Yaml(new SafeConstructor(options)).compose(reader);
            if (root == null) {
                // An empty file (or one of comments only) says nothing, so it is read as no keys: left
                // unread, as a file with an error already reported is, it let clinic.yml's missing name,
                // phone and address and every byline's unknown provider through without a word.
                MappingNode empty = new MappingNode(org.yaml.snakeyaml.nodes.Tag.MAP, new ArrayList<>(),
                        org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
                return java.util.Optional.of(new YamlDocument(empty, Map.of()));
            }
            if (!(root instanceof MappingNode mapping)) {
                diagnostics.error("data.invalid", relative, line(root.getStartMark()),
                        "expected a mapping of `key: value` lines at the top level",
                        relative.equals(PROVIDERS_FILE)
                                ? "write each provider as its id followed by a colon (`maya-okafor:`), with its fields indented below, not as `- ` list items"
                                : "write `key: value` lines at the start of the line (`name: ...`), not `- ` list items");
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new YamlDocument(mapping, toJava(mapping)));
        } catch (MarkedYAMLException e) {
            diagnostics.report(invalidYaml(relative, e));
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                diagnostics.report(notUtf8(relative, file));
            } else if (e.getCause() instanceof IOException cause) {
                // A folder named clinic.yml was "invalid YAML: java.io.IOException: Is a directory", to fix by indenting.
                diagnostics.error("data.unreadable", relative, 0, "cannot read the file: " + cause.getMessage(),
                        Files.isDirectory(file) ? "this is a folder: put the data in a file of this name instead"
                                : "check that the file exists and is readable");
            } else {
                diagnostics.error("data.invalid-yaml", relative, 0, "invalid YAML: " + firstLine(e.getMessage()),
                        "check the indentation and quoting");
            }
        } catch (CharacterCodingException e) {
            diagnostics.report(notUtf8(relative, file));
        } catch (IOException e) {
            diagnostics.error("data.unreadable", relative, 0, "cannot read the file: " + e.getMessage(),
                    "check that the file exists and is readable");
        }
        return java.util.Optional.empty();
    }

    /** The diagnostic for YAML that does not parse, shared by every reader of data files. */
    public static Diagnostic invalidYaml(String path, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        java.util.regex.Matcher duplicate = DUPLICATE_KEY.matcher(firstLine(problem));
        // Two entries for one provider: the indentation hint sent editors looking for a typo that is not there.
        String hint = duplicate.matches()
                ? "each key may be given once in a mapping: keep one '" + duplicate.group(1) + "', merging what the two say"
                : "check the indentation and quoting on this line; values with `:` or `#` need quotes";
        return Diagnostic.error("data.invalid-yaml", path, mark == null ? 0 : line(mark),
                "invalid YAML: " + firstLine(problem), hint);
    }

    /**
     * The diagnostic for a data file that is not UTF-8, at the line of its first byte that is not, shared by
     * every reader of data files: each read it, and said so in words of its own, without the line.
     */
    public static Diagnostic notUtf8(String path, Path file) {
        int line = 0;
        try {
            line = org.clinicbake.io.Utf8.lineOfFirstInvalidByte(Files.readAllBytes(file));
        } catch (IOException e) {
            // Without the bytes the file is still not UTF-8: the whole file is named.
        }
        return Diagnostic.error("data.encoding", path, line, "the file is not valid UTF-8",
                "save the file with UTF-8 encoding (most editors have it under 'Save with encoding')");
    }

    private static final java.util.regex.Pattern DUPLICATE_KEY = java.util.regex.Pattern.compile("found duplicate key (.+)");

    private static int line(Mark mark) {
        return mark.getLine() + 1;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static Map<String, Node> byKey(MappingNode mapping) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            nodes.putIfAbsent(scalar(entry.getKeyNode()), entry.getValueNode());
        }
        return nodes;
    }

    /** The line of {@code key} in the mapping, or 1. */
    private static int keyLine(MappingNode mapping, String key) {
        return mapping.getValue().stream().filter(entry -> key.equals(scalar(entry.getKeyNode())))
                .findFirst().map(entry -> line(entry.getKeyNode().getStartMark())).orElse(1);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && scalar.getTag().getValue().endsWith(":null");
    }

    /** Puts the scalar's text as written under {@code key}; a list or mapping there is reported and left out. */
    private void putText(Map<String, Object> values, String key, Node node, String file, String what) {
        if (node == null) {
            return;
        }
        if (node instanceof ScalarNode scalar) {
            values.put(key, isNull(scalar) ? null : scalar.getValue());
        } else {
            wrongShape(file, node, what, "text (in quotes when it holds a colon)");
            values.put(key, null); // reported; templates see it as missing
        }
    }

    /** Puts a list of text under {@code key}: the items of a list, or a single text as a list of one. */
    private void putTexts(Map<String, Object> values, String key, Node node, String file, String what) {
        if (node == null || isNull(node)) {
            return;
        }
        List<Object> texts = new ArrayList<>();
        List<Node> items = node instanceof SequenceNode sequence ? sequence.getValue() : List.of(node);
        for (Node item : items) {
            if (item instanceof ScalarNode scalar && !isNull(scalar)) {
                texts.add(scalar.getValue());
            } else if (!isNull(item)) {
                wrongShape(file, item, what, "a list of text, e.g. `[Monday, Tuesday]` or `- item` lines");
                values.put(key, List.of());
                return;
            }
        }
        values.put(key, Collections.unmodifiableList(texts));
    }

    /** The clinic's value under {@code key} when it has that shape; any other value but null is reported and left out. */
    private <T extends Node> T shaped(Map<String, Object> values, Map<String, Node> nodes, String key, Class<T> shape, String expected) {
        Node node = nodes.get(key);
        if (shape.isInstance(node)) {
            return shape.cast(node);
        }
        if (node != null && !isNull(node)) {
            wrongShape(CLINIC_FILE, node, key, expected);
            values.remove(key);
        }
        return null;
    }

    /**
     * The values pages turn into links: {@code tel:}, {@code mailto:} and web addresses. One that
     * cannot work used to be published as it was ({@code tel:call us}), or, for an address without
     * its https://, failed the bake with a broken link on every page.
     */
    private void checkContacts(Map<String, Object> values, Map<String, Node> nodes) {
        Object telephone = values.get("telephone");
        if (telephone != null && !(String.valueOf(telephone).matches("[+]?[0-9 ().-]+")
                && String.valueOf(telephone).replaceAll("\\D", "").length() >= 7)) {
            contactError(nodes, "telephone", "telephone '" + telephone + "' is not a number a phone can dial",
                    "write digits with + - ( ) or spaces, e.g. \"+1-619-555-0142\"; telephone_display may be written any way");
        }
        Object email = values.get("email");
        if (email != null && !String.valueOf(email).matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            contactError(nodes, "email", "email '" + email + "' is not an email address", "write it as name@example.org");
        }
        for (String key : List.of("url", "booking_url", "map_url")) {
            Object address = values.get(key);
            if (address != null && !isWebAddress(String.valueOf(address))) {
                contactError(nodes, key, key + " '" + address + "' is not a web address",
                        "write the whole address, starting with https://");
            }
        }
    }

    private void contactError(Map<String, Node> nodes, String key, String message, String hint) {
        diagnostics.error("data.invalid", CLINIC_FILE, line(nodes.get(key).getStartMark()), message, hint);
    }

    /** An absolute http or https address with a host, as a link or a canonical address needs. */
    public static boolean isWebAddress(String value) {
        try {
            java.net.URI uri = new java.net.URI(value.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** schema.org's days, as the page and its OpeningHoursSpecification name them. */
    private static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday", "PublicHolidays");

    /**
     * An opening's days and times as patients read them on the page and search engines in its
     * OpeningHoursSpecification: known days, 24-hour times, closing after opening. A time the theme
     * could not read failed the bake as a template error in the theme's file; an unknown day or
     * 25:00 was published.
     */
    private void checkOpening(Map<String, Object> opening, Map<String, Node> nodes) {
        if (opening.get("days") instanceof List<?> days) {
            for (Object day : days) {
                if (!DAYS.contains(String.valueOf(day))) {
                    diagnostics.error("data.invalid", CLINIC_FILE, line(nodes.get("days").getStartMark()),
                            "'" + day + "' is not a day of the week", "write days in full, e.g. [Monday, Tuesday], or PublicHolidays");
                }
            }
        }
        java.time.LocalTime opens = time(opening, nodes, "opens");
        java.time.LocalTime closes = time(opening, nodes, "closes");
        if (opens != null && closes != null && !closes.isAfter(opens)) {
            diagnostics.error("data.invalid", CLINIC_FILE, line(nodes.get("closes").getStartMark()),
                    "the clinic closes at " + closes + ", not after it opens at " + opens, "check the two times of this opening");
        }
    }

    private java.time.LocalTime time(Map<String, Object> opening, Map<String, Node> nodes, String key) {
        Object text = opening.get(key);
        if (text == null) {
            return null;
        }
        try {
            return java.time.LocalTime.parse(String.valueOf(text).strip(), java.time.format.DateTimeFormatter.ofPattern("HH:mm"));
        } catch (java.time.format.DateTimeParseException e) {
            diagnostics.error("data.invalid", CLINIC_FILE, line(nodes.get(key).getStartMark()),
                    "hours' " + key + " '" + text + "' is not a time of day like \"08:30\"", "write 24-hour times in quotes, e.g. opens: \"08:30\"");
            opening.put(key, null); // reported; templates see it as missing
            return null;
        }
    }

    private void wrongShape(String file, Node node, String what, String expected) {
        String found = node instanceof SequenceNode ? "a list" : node instanceof MappingNode ? "a mapping" : "'" + scalar(node) + "'";
        diagnostics.error("data.invalid", file, line(node.getStartMark()), what + " must be " + expected + ", not " + found,
                "check the brackets and indentation here: `[...]` or `- ` lines make a list, `{...}` or indented `key: value` lines a mapping");
    }

    private static java.math.BigDecimal decimal(String text) {
        try {
            return new java.math.BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, Object> toJava(MappingNode mapping) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            values.put(scalar(entry.getKeyNode()), toJava(entry.getValueNode()));
        }
        return values;
    }

    private static Object toJava(Node node) {
        if (node instanceof MappingNode mapping) {
            return Collections.unmodifiableMap(toJava(mapping));
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> items = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                items.add(toJava(item));
            }
            return Collections.unmodifiableList(items);
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        String tag = scalar.getTag().getValue();
        if (tag.endsWith(":null")) {
            return null;
        }
        if (tag.endsWith(":bool")) {
            // YAML 1.1: yes, true and on are true (Boolean.valueOf would make `yes` false).
            return Set.of("yes", "true", "on").contains(value.toLowerCase(java.util.Locale.ROOT));
        }
        if (tag.endsWith(":int")) {
            // YAML 1.1 ints include 0x1F, 1_000 and base 60 (17:00); those stay the text written.
            try {
                return Long.valueOf(value);
            } catch (NumberFormatException e) {
                return value;
            }
        }
        if (tag.endsWith(":float")) {
            // BigDecimal keeps the digits as written: 32.71570 stays five decimals (Google asks for five).
            java.math.BigDecimal decimal = decimal(value);
            return decimal != null ? decimal : value; // .inf, .nan, 1_000.5
        }
        return value;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : String.valueOf(node);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }

    private record YamlDocument(MappingNode root, Map<String, Object> values) {
    }
}
