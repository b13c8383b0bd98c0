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
                .map(document -> clinic(document.values(), true))
                .orElseGet(() -> {
                    if (!Files.exists(siteDir.resolve(CLINIC_FILE))) {
                        diagnostics.error("data.missing-file", CLINIC_FILE, 0, "the site has no clinic data",
                                "create data/clinic.yml with the clinic's name, description, telephone, "
                                        + "telephone_display and address (see README.md)");
                    }
                    // Already reported; every key present keeps templates from adding errors of their own.
                    return clinic(Map.of(), false);
                });
        SortedMap<String, Provider> providers = readMapping(siteDir, PROVIDERS_FILE)
                .map(this::providers)
                .orElse(new TreeMap<>());
        return new SiteData(Collections.unmodifiableMap(clinic), Collections.unmodifiableSortedMap(providers));
    }

    private Map<String, Object> clinic(Map<String, Object> values, boolean reportMissing) {
        Map<String, Object> clinic = new LinkedHashMap<>(values);
        for (String key : REQUIRED_CLINIC_KEYS) {
            if (reportMissing && isBlank(clinic.get(key))) {
                diagnostics.error("data.missing-field", CLINIC_FILE, 1, "clinic.yml has no " + key,
                        "add `" + key + ": ...`; pages show the clinic's name, description, phone and address");
            }
        }
        if (clinic.get("address") instanceof Map<?, ?> address) {
            for (String key : REQUIRED_ADDRESS_KEYS) {
                if (isBlank(address.get(key))) {
                    diagnostics.error("data.missing-field", CLINIC_FILE, 1, "clinic.yml's address has no " + key,
                            "add `" + key + ": ...` under `address:`");
                }
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
            Map<String, Object> values = toJava(fields);
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
                return java.util.Optional.empty();
            }
            if (!(root instanceof MappingNode mapping)) {
                diagnostics.error("data.invalid", relative, line(root.getStartMark()),
                        "expected a mapping of `key: value` lines at the top level", null);
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new YamlDocument(mapping, toJava(mapping)));
        } catch (MarkedYAMLException e) {
            diagnostics.report(invalidYaml(relative, e));
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                diagnostics.error("data.encoding", relative, 0, "the file is not valid UTF-8",
                        "save the file with UTF-8 encoding");
            } else {
                diagnostics.error("data.invalid-yaml", relative, 0, "invalid YAML: " + firstLine(e.getMessage()),
                        "check the indentation and quoting");
            }
        } catch (CharacterCodingException e) {
            diagnostics.error("data.encoding", relative, 0, "the file is not valid UTF-8",
                    "save the file with UTF-8 encoding");
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
        return Diagnostic.error("data.invalid-yaml", path, mark == null ? 0 : line(mark),
                "invalid YAML: " + firstLine(problem),
                "check the indentation and quoting on this line; values with `:` or `#` need quotes");
    }

    private static int line(Mark mark) {
        return mark.getLine() + 1;
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
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
        if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode sequence) {
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
            return Boolean.valueOf(value);
        }
        if (tag.endsWith(":int")) {
            return Long.valueOf(value);
        }
        if (tag.endsWith(":float")) {
            // BigDecimal keeps the digits as written: 32.71570 stays five decimals (Google asks for five).
            return new java.math.BigDecimal(value);
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
