package org.clinicbake.publish;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.clinicbake.BakeResult;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sites: a fixture site with a stylesheet and a script of its own, baked. Features tested: the
 * {@code [[headers]]} of the repository's netlify.toml against the addresses of the files the bake
 * wrote, with each {@code for} path read as Netlify reads it and as a glob.
 */
class NetlifyHeadersTest {

    private static final Path TOML = Path.of("").toAbsolutePath().resolve("netlify.toml");
    private static final String YEAR = "public, max-age=31536000, immutable";
    /** The name asset() gives a copy: the file's name, a dot and ten hex digits of its hash, its extension. */
    private static final Pattern HASHED = Pattern.compile("/(css|js)/[^/]+\\.[0-9a-f]{10}\\.(css|js)");

    @TempDir
    Path temp;

    /** One {@code [[headers]]} block: its {@code for} path and its values. */
    record Rule(String forPath, Map<String, String> values) {
    }

    @Test
    void onlyTheContentHashedCopiesAreCachedForAYearAsNetlifyMatchesPaths() throws IOException {
        List<String> paths = bakedPaths();
        assertTrue(paths.stream().anyMatch(path -> HASHED.matcher(path).matches()), paths::toString);
        assertTrue(paths.containsAll(List.of("/css/site.css", "/js/search.js", "/css/print.css", "/js/menu.js")), paths::toString);

        for (Reading reading : Reading.values()) {
            for (String path : paths) {
                String cache = headersFor(path, reading).get("Cache-Control");
                if (HASHED.matcher(path).matches()) {
                    assertEquals(YEAR, cache, reading + " " + path);
                } else {
                    // A file under its own name changes under it: kept a year, a patient saw last year's page style.
                    assertFalse(YEAR.equals(cache), reading + " " + path);
                }
            }
        }
    }

    @Test
    void noHeaderIsSentTwiceForAnyAddressOfTheSite() throws IOException {
        List<String> paths = new ArrayList<>(bakedPaths());
        paths.addAll(List.of("/", "/about", "/procedures/", "/a/b/missing"));
        for (Reading reading : Reading.values()) {
            for (String path : paths) {
                Map<String, Integer> count = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                rules().stream().filter(rule -> reading.pattern(rule.forPath()).matcher(path).matches())
                        .forEach(rule -> rule.values().keySet().forEach(name -> count.merge(name, 1, Integer::sum)));
                // Netlify joins the values of a header that two matching blocks set with a comma.
                count.forEach((name, times) -> assertEquals(1, times, reading + " " + path + " " + name));
                assertTrue(count.containsKey("Content-Security-Policy"), reading + " " + path);
            }
        }
    }

    @Test
    void theReadmeGivesAClinicsOwnSiteNetlifyTomlsHeadersAsAHeadersFile() throws IOException {
        // A clinic's repository has no netlify.toml of ours, and Netlify never reads one from the
        // published folder: the README's _headers, copied to assets/, is what its site is served with.
        List<String> readme = Files.readAllLines(TOML.resolveSibling("README.md"));
        int intro = readme.indexOf("this `netlify.toml` (a test keeps the two the same):");
        assertTrue(intro >= 0, "the README does not say what a clinic's own site copies");
        assertEquals("```text", readme.get(intro + 2));
        List<Rule> headersFile = new ArrayList<>();
        for (String line : readme.subList(intro + 3, readme.size())) {
            if (line.equals("```")) {
                break;
            }
            if (line.startsWith("/")) {
                headersFile.add(new Rule(line, new LinkedHashMap<>()));
            } else {
                // Netlify's _headers parser: an indented "Name: value" under its path.
                int colon = line.indexOf(':');
                assertTrue(line.startsWith("  ") && colon > 2 && !headersFile.isEmpty(), line);
                headersFile.get(headersFile.size() - 1).values().put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        assertEquals(rules(), headersFile);
    }

    /** How a {@code for} path is matched against a request's path. */
    enum Reading {
        /**
         * @netlify/headers-parser's getForRegExp, which the CLI matches with and which it says matches
         * production: only {@code *} and {@code :name} segments are rewritten, the rest of a segment
         * holding a {@code *} is left as regular expression.
         */
        NETLIFY {
            @Override
            Pattern pattern(String forPath) {
                List<String> parts = new ArrayList<>();
                for (String part : forPath.split("/")) {
                    String trimmed = part.stripTrailing();
                    if (trimmed.isEmpty()) {
                        continue;
                    }
                    if (trimmed.startsWith(":")) {
                        parts.add("([^/]+)");
                    } else if (trimmed.equals("*")) {
                        parts.add("?(.*)");
                    } else if (trimmed.contains("*")) {
                        parts.add(trimmed.replace("*", "(.*)"));
                    } else {
                        parts.add(Pattern.quote(trimmed));
                    }
                }
                return Pattern.compile("^/" + String.join("/", parts) + "/?$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            }
        },
        /** A glob: {@code *} any characters, {@code /} too, {@code [...]} one of a set, the rest literal. */
        GLOB {
            @Override
            Pattern pattern(String forPath) {
                StringBuilder regex = new StringBuilder();
                Matcher token = Pattern.compile("\\*|\\[[^\\]]+]|[^*\\[]+").matcher(forPath);
                while (token.find()) {
                    String text = token.group();
                    regex.append(text.equals("*") ? ".*" : text.startsWith("[") ? text : Pattern.quote(text));
                }
                return Pattern.compile(regex.toString());
            }
        };

        abstract Pattern pattern(String forPath);
    }

    private static Map<String, String> headersFor(String path, Reading reading) throws IOException {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Rule rule : rules()) {
            if (reading.pattern(rule.forPath()).matcher(path).matches()) {
                rule.values().forEach((name, value) -> headers.merge(name, value, (a, b) -> a + ", " + b));
            }
        }
        return headers;
    }

    /** The [[headers]] blocks of netlify.toml, which holds only one-line strings (NetlifyBuildScriptTest checks it). */
    static List<Rule> rules() throws IOException {
        List<Rule> rules = new ArrayList<>();
        Pattern keyValue = Pattern.compile("([A-Za-z0-9_-]+) = \"([^\"\\\\]*)\"");
        String table = "";
        for (String raw : Files.readAllLines(TOML)) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                table = line;
                if (line.equals("[[headers]]")) {
                    rules.add(new Rule(null, new LinkedHashMap<>()));
                }
                continue;
            }
            Matcher matcher = keyValue.matcher(line);
            if (!matcher.matches()) {
                continue;
            }
            if (table.equals("[[headers]]") && matcher.group(1).equals("for")) {
                Rule last = rules.remove(rules.size() - 1);
                rules.add(new Rule(matcher.group(2), last.values()));
            } else if (table.equals("[headers.values]")) {
                rules.get(rules.size() - 1).values().put(matcher.group(1), matcher.group(2));
            }
        }
        assertFalse(rules.isEmpty(), "netlify.toml has no [[headers]]");
        return rules;
    }

    /** The address of every file a bake wrote, with a stylesheet and a script the site links by their own names. */
    private List<String> bakedPaths() throws IOException {
        BakeResult result = SiteFixture.bake(temp, MINIMAL_SITE + """
                -- assets/css/print.css --
                p { color: black; }
                -- assets/js/menu.js --
                console.log("menu");
                """);
        assertTrue(result.published(), result.diagnostics()::toString);
        Path out = temp.resolve("out");
        try (Stream<Path> files = Files.walk(out)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> "/" + out.relativize(file).toString().replace('\\', '/'))
                    .filter(path -> !path.startsWith("/."))
                    .sorted().toList();
        }
    }
}
