package org.clinicbake.build;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.builder.FileBasedConfigurationBuilder;
import org.apache.commons.configuration2.builder.fluent.Parameters;
import org.apache.commons.configuration2.convert.DefaultListDelimiterHandler;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.clinicbake.diag.Diagnostics;

/**
 * Reads a site's configuration the JBake way, in three layers, first wins: the site's
 * {@code jbake.properties}, ClinicBake's defaults ({@code clinicbake-defaults.properties}, which
 * select the Pebble theme templates), then JBake's own {@code default.properties}.
 *
 * <p>Unlike JBake, system properties are not a layer: a bake must not depend on the machine.
 */
final class SiteConfigLoader {

    static final String SITE_FILE = "jbake.properties";
    static final String DEFAULTS = "org/clinicbake/clinicbake-defaults.properties";
    private static final String JBAKE_DEFAULTS = "default.properties";

    private final Diagnostics diagnostics;

    SiteConfigLoader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * The site's own {@code jbake.properties} as plain properties (empty when missing or unreadable),
     * for the few settings read before the configuration is: whether the output is up to date, and
     * whether to start JRuby early. The loaded configuration reports what is wrong with the file.
     */
    static java.util.Properties readSiteFile(Path siteDir) {
        java.util.Properties settings = new java.util.Properties();
        Path file = siteDir.resolve(SITE_FILE);
        if (Files.isRegularFile(file)) {
            try (java.io.Reader reader = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
                reader.mark(1);
                if (reader.read() != BYTE_ORDER_MARK) {
                    reader.reset();
                }
                settings.load(reader);
            } catch (java.io.IOException | IllegalArgumentException e) {
                return new java.util.Properties();
            }
        }
        return settings;
    }

    /** The configuration, writing into {@code destination}; empty when it cannot be read (reported). */
    Optional<SiteConfiguration> load(Path siteDir, Path destination) {
        CompositeConfiguration layers = new CompositeConfiguration();
        layers.setListDelimiterHandler(new DefaultListDelimiterHandler(','));
        Path siteFile = siteDir.resolve(SITE_FILE);
        try {
            if (Files.exists(siteFile)) {
                layers.addConfiguration(withoutByteOrderMark(properties(siteFile.toUri().toURL())));
            }
            layers.addConfiguration(properties(resource(DEFAULTS)));
            layers.addConfiguration(properties(resource(JBAKE_DEFAULTS)));
        } catch (ConfigurationException | java.net.MalformedURLException e) {
            diagnostics.error("config.invalid", SITE_FILE, 0, "cannot read the configuration: " + rootMessage(e),
                    "each line is `key=value`; see README.md for the keys ClinicBake uses");
            return Optional.empty();
        }
        if (!settingsUsable(layers, siteFile)) {
            return Optional.empty();
        }
        if (!SiteConfiguration.checkTimeZone(siteDir, layers.getString("site.timezone", "UTC"), diagnostics)) {
            return Optional.empty();
        }
        SiteConfiguration config = new SiteConfiguration(siteDir.toFile(), layers);
        config.setDestinationFolder(destination.toFile());
        if (!Files.isDirectory(config.getContentFolder().toPath())) {
            diagnostics.error("site.missing-content", siteDir.relativize(config.getContentFolder().toPath()).toString(), 0,
                    "the site has no content folder", "put the articles (.adoc files) in " + config.getContentFolder().getName() + "/");
            return Optional.empty();
        }
        if (!Files.isDirectory(config.getTemplateFolder().toPath())) {
            // JBake insists the template folder exists and fingerprints it; a site without its own
            // templates uses the built-in theme, so point JBake at the (still empty) staging folder.
            config.setTemplateFolder(destination.toFile());
        }
        return Optional.of(config);
    }

    /** Settings that name a file or folder the bake writes: each must stay inside the output folder. */
    static final List<String> OUTPUT_PATHS = List.of("index.file", "archive.file", "feed.file", "sitemap.file", "error404.file", "tag.path");
    /** How many articles are converted and pages rendered at once; one per core unless set. */
    static final String THREADS = "clinicbake.threads";
    /** JBake's settings it reads as whole numbers. */
    static final List<String> WHOLE_NUMBERS = List.of("index.posts_per_page", "server.port", "markdown.maxParsingTimeInMillis");
    /** Settings that name a folder of the site the bake reads: each must stay inside the site folder. */
    static final List<String> SITE_PATHS = List.of("content.folder", "asset.folder", "data.folder", "template.folder");
    /** JBake's switch for pages at NAME/index.html, which ClinicBake's links do not follow. */
    static final String NO_EXTENSION = "uri.noExtension";

    /**
     * Reports every setting of the site's file that the bake could not use: a path that leaves the
     * output or site folder (JBake would write {@code feed.file=../../feed.xml} beside the output, or
     * anywhere), a switch that is not true or false, a date format that is no pattern; JBake only
     * failed on these half-way through the bake, without saying where.
     */
    private boolean settingsUsable(CompositeConfiguration layers, Path siteFile) {
        // Only errors make the settings unusable: a warning (config.local-host) is told, and the bake goes on.
        long before = errorCount();
        reportRepeatedKeys(siteFile);
        for (String key : OUTPUT_PATHS) {
            String value = layers.getString(key, "");
            if (!isPathInside(value)) {
                invalid(siteFile, key, key + " '" + value + "' is not a path inside the output folder",
                        "name a file or folder relative to the output folder, without '..', e.g. " + key + "=" + defaultOf(layers, key));
            }
        }
        for (String key : SITE_PATHS) {
            String value = layers.getString(key, "");
            if (!isPathInside(value)) {
                invalid(siteFile, key, key + " '" + value + "' is not a folder inside the site folder",
                        "name a folder relative to the site folder, without '..', e.g. " + key + "=" + defaultOf(layers, key));
            }
        }
        String extension = layers.getString("output.extension", "");
        if (!extension.matches("\\.[A-Za-z0-9]+")) {
            invalid(siteFile, "output.extension", "output.extension '" + extension + "' is not a file extension",
                    "write a dot and letters, e.g. output.extension=.html");
        }
        String noExtension = layers.getString(NO_EXTENSION, "false");
        if (isSwitch(noExtension) && SWITCH_ON.contains(switchWord(noExtension))) {
            // JBake moves the pages under the prefix to NAME/index.html, one folder deeper than the
            // article: the relative addresses Asciidoctor writes in it (xrefs, images beside it) then
            // lead nowhere, and the canonical links, sitemap and feed name NAME/index.html, not the
            // NAME/ a visitor was promised. Without a prefix it changes nothing at all.
            invalid(siteFile, NO_EXTENSION, NO_EXTENSION + " is not supported: links, the sitemap and the feed address every page as NAME"
                            + layers.getString("output.extension", ".html"),
                    "remove " + NO_EXTENSION + " (and " + NO_EXTENSION + ".prefix); for addresses without the extension, let the "
                            + "host answer /NAME with NAME.html, as Netlify does");
        }
        java.util.Iterator<String> keys = layers.getKeys();
        while (keys.hasNext()) {
            String key = keys.next();
            String defaultValue = defaultOf(layers, key);
            if (("true".equals(defaultValue) || "false".equals(defaultValue)) && !isSwitch(layers.getString(key))) {
                invalid(siteFile, key, key + " must be true or false, not '" + layers.getString(key) + "'",
                        "write " + key + "=true or " + key + "=false");
            } else if (WHOLE_NUMBERS.contains(key) && !layers.getString(key, "").strip().matches("\\d+")) {
                invalid(siteFile, key, key + " must be a whole number, not '" + layers.getString(key) + "'",
                        "write a number, e.g. " + key + "=" + defaultValue);
            }
        }
        String threads = layers.getString(THREADS, null);
        if (threads != null && !threads.strip().matches("0*[1-9]\\d{0,3}")) {
            // Read as a number deep in the bake, 'two' stopped it as an internal error, naming no file.
            invalid(siteFile, THREADS, THREADS + " must be a whole number from 1, not '" + threads + "'",
                    "write how many articles to convert at once, e.g. " + THREADS + "=2, or leave it out for one per core");
        }
        for (String key : List.of("readability.warn-above", "readability.fail-above")) {
            try {
                layers.getDouble(key, 0);
            } catch (org.apache.commons.configuration2.ex.ConversionException e) {
                invalid(siteFile, key, key + " must be a number, not '" + layers.getString(key) + "'",
                        "write a US school grade, e.g. " + key + "=8");
            }
        }
        String host = layers.getString("site.host", "").strip();
        if (!host.isEmpty() && !org.clinicbake.data.SiteDataLoader.isWebAddress(host)) {
            invalid(siteFile, "site.host", "site.host '" + host + "' is not a web address",
                    "write the address the site is published at, e.g. site.host=https://www.example-clinic.org");
        } else if (isThisComputer(host)) {
            // JBake's default: a clinic that never set it published canonical links, a sitemap and
            // structured data that send search engines and patients to an address no one can reach.
            diagnostics.warning("config.local-host", SITE_FILE, lineOf(siteFile, "site.host"),
                    "site.host is " + host + ": canonical links, the sitemap, the feed and the structured data name this computer",
                    "set the address the site is published at, e.g. site.host=https://www.example-clinic.org");
        } else if (host.replaceAll("/+$", "").equalsIgnoreCase(org.clinicbake.scaffold.Scaffold.PLACEHOLDER_HOST)) {
            // A site made by init and published as it came sent search engines, by its canonical links, to example.org.
            diagnostics.warning("config.placeholder-host", SITE_FILE, lineOf(siteFile, "site.host"),
                    "site.host is still " + host + ", the placeholder clinicbake init wrote: canonical links, the sitemap, "
                            + "the feed and the structured data name that address",
                    "set the address the site will be published at, e.g. site.host=https://www.example-clinic.org");
        }
        for (String entry : layers.getList(String.class, "site.nav", List.of())) {
            // An entry without its bar was dropped in silence: the menu just lost an item.
            int bar = entry.indexOf('|');
            if (bar <= 0 || entry.substring(bar + 1).isBlank()) {
                invalid(siteFile, "site.nav", "site.nav entry '" + entry.strip() + "' is not Label|address",
                        "write each entry as a label, a bar and the page's address, separated by commas, e.g. "
                                + "site.nav=Conditions|tags/conditions.html, Contact|contact.html");
            }
        }
        String language = layers.getString("site.lang", "").strip();
        if (!language.isEmpty() && !isLanguageTag(language)) {
            // It becomes <html lang> and the JSON-LD's inLanguage: screen readers choose their voice by it.
            invalid(siteFile, "site.lang", "site.lang '" + language + "' is not a language tag",
                    "write a language and region as web pages name them, e.g. site.lang=en-US or site.lang=es-US");
        }
        String locale = layers.getString("jvm.locale", null);
        if (locale != null && !locale.isBlank()) {
            try {
                org.apache.commons.lang3.LocaleUtils.toLocale(locale.strip());
            } catch (IllegalArgumentException e) {
                invalid(siteFile, "jvm.locale", "jvm.locale '" + locale + "' is not a locale",
                        "write a language and country as JBake reads them, e.g. jvm.locale=en_US, or leave it out");
            }
        }
        String dateFormat = layers.getString("date.format", "");
        try {
            java.time.format.DateTimeFormatter.ofPattern(dateFormat);
            new java.text.SimpleDateFormat(dateFormat);
        } catch (IllegalArgumentException e) {
            invalid(siteFile, "date.format", "date.format '" + dateFormat + "' is not a date pattern: " + e.getMessage(),
                    "write a pattern such as date.format=yyyy-MM-dd");
        }
        return errorCount() == before;
    }

    private long errorCount() {
        return diagnostics.all().stream().filter(problem -> problem.severity() == org.clinicbake.diag.Severity.ERROR).count();
    }

    /**
     * A key set on two lines keeps both values, and the bake reads the first (of a list, both): a clinic that added its
     * real site.host below the placeholder clinicbake init wrote published the placeholder's address
     * in every canonical link, with no word. (java.util.Properties would have kept the last.)
     */
    private void reportRepeatedKeys(Path siteFile) {
        record Repeat(String key, int first, int again) {
        }
        List<Repeat> repeats = new java.util.ArrayList<>();
        settingLines(siteFile).forEach((key, lines) -> lines.subList(1, lines.size())
                .forEach(again -> repeats.add(new Repeat(key, lines.get(0), again))));
        repeats.sort(java.util.Comparator.comparingInt(Repeat::again));
        for (Repeat repeat : repeats) {
            diagnostics.error("config.repeated", SITE_FILE, repeat.again(), repeat.key() + " is set again here, after line " + repeat.first(),
                    "write " + repeat.key() + " once: a setting takes the value of its first line (a list such as site.nav, "
                            + "every line's entries), so delete this line or line " + repeat.first());
        }
    }

    /**
     * The lines of {@code file} that set each key, in order, read as a properties file is: comments
     * and continuation lines set nothing, and a byte order mark is not part of the first key. Empty
     * when the file cannot be read (a missing file sets nothing; an unreadable one is reported where it is loaded).
     */
    private static Map<String, List<Integer>> settingLines(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | RuntimeException e) {
            return Map.of();
        }
        Map<String, List<Integer>> keyLines = new java.util.LinkedHashMap<>();
        boolean continuation = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String text = (i == 0 ? line.replace(String.valueOf(BYTE_ORDER_MARK), "") : line).strip();
            boolean startsEntry = !continuation;
            boolean comment = startsEntry && (text.startsWith("#") || text.startsWith("!"));
            continuation = !comment && endsWithOddBackslashes(line);
            if (startsEntry && !comment && !text.isEmpty()) {
                keyLines.computeIfAbsent(text.split("(?<!\\\\)[=:\\s]", 2)[0], key -> new java.util.ArrayList<>()).add(i + 1);
            }
        }
        return keyLines;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int count = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }

    /** Reports a setting of the site's file the bake cannot use, at its line. */
    private void invalid(Path siteFile, String key, String message, String hint) {
        diagnostics.error("config.invalid", SITE_FILE, lineOf(siteFile, key), message, hint);
    }

    private static boolean isThisComputer(String address) {
        String host;
        try {
            host = java.net.URI.create(address.strip()).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        return host != null && (host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }

    /** A relative path that names something inside its base folder: not empty, not absolute, no '..' or backslash. */
    static boolean isPathInside(String value) {
        String path = value.strip();
        if (path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0 || path.indexOf(':') >= 0) {
            return false;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** A well-formed BCP 47 tag whose language is an ISO 639 code: {@code en-US}, {@code es}, not {@code en_US} or {@code english}. */
    static boolean isLanguageTag(String value) {
        java.util.Locale locale = java.util.Locale.forLanguageTag(value);
        String language = locale.getLanguage();
        boolean known = language.length() == 2 ? java.util.Arrays.asList(java.util.Locale.getISOLanguages()).contains(language)
                : language.length() == 3;
        return known && locale.toLanguageTag().equalsIgnoreCase(value);
    }

    /** Whether commons-configuration reads the value as a boolean, as JBake asks for it. */
    private static boolean isSwitch(String value) {
        return value != null && (SWITCH_ON.contains(switchWord(value)) || SWITCH_OFF.contains(switchWord(value)));
    }

    private static final java.util.Set<String> SWITCH_ON = java.util.Set.of("true", "yes", "on");
    private static final java.util.Set<String> SWITCH_OFF = java.util.Set.of("false", "no", "off");

    private static String switchWord(String value) {
        return value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * ClinicBake's own switches read every value the check above lets through, as JBake reads its
     * own: {@code check.on-bake=yes} passed that check and then turned the checks off in silence.
     */
    static boolean switchedOn(String value) {
        return value != null && SWITCH_ON.contains(switchWord(value));
    }

    /** As {@link #switchedOn}, for a switch that is on unless turned off ({@code clinicbake.cache}). */
    static boolean switchedOff(String value) {
        return value != null && SWITCH_OFF.contains(switchWord(value));
    }

    /** The value ClinicBake's or JBake's defaults give the key (the two last layers), or null. */
    private static String defaultOf(CompositeConfiguration layers, String key) {
        // The composite keeps an in-memory layer of its own after the ones added. Counted with it,
        // "ours" was JBake's layer, so a switch only ClinicBake defines (check.on-bake=maybe) was never checked.
        List<org.apache.commons.configuration2.Configuration> added = new java.util.ArrayList<>();
        for (int i = 0; i < layers.getNumberOfConfigurations(); i++) {
            if (layers.getConfiguration(i) != layers.getInMemoryConfiguration()) {
                added.add(layers.getConfiguration(i));
            }
        }
        String ours = added.get(added.size() - 2).getString(key, null);
        return ours != null ? ours : added.get(added.size() - 1).getString(key, null);
    }

    /** The line of {@code file} that sets {@code key} (the first, as the configuration reads it), or 0. */
    static int lineOf(Path file, String key) {
        return settingLines(file).getOrDefault(key, List.of(0)).get(0);
    }

    /**
     * Notepad and other Windows editors start a UTF-8 file with a byte order mark, which the
     * properties reader keeps as part of the first key: a first line site.host=... was not site.host.
     */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private static PropertiesConfiguration withoutByteOrderMark(PropertiesConfiguration settings) {
        java.util.List<String> marked = new java.util.ArrayList<>();
        settings.getKeys().forEachRemaining(key -> {
            if (key.charAt(0) == BYTE_ORDER_MARK) {
                marked.add(key);
            }
        });
        for (String key : marked) {
            Object value = settings.getProperty(key);
            settings.clearProperty(key);
            settings.setProperty(key.substring(1), value);
        }
        return settings;
    }

    private static PropertiesConfiguration properties(URL url) throws ConfigurationException {
        return new FileBasedConfigurationBuilder<>(PropertiesConfiguration.class)
                .configure(new Parameters().properties()
                        .setURL(url)
                        .setEncoding("UTF-8")
                        .setListDelimiterHandler(new DefaultListDelimiterHandler(','))
                        .setIncludesAllowed(false))
                .getConfiguration();
    }

    private static URL resource(String name) {
        URL url = SiteConfigLoader.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing resource " + name + " on the class path");
        }
        return url;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
