package org.clinicbake.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.clinicbake.content.Placeholders;

/**
 * {@code clinicbake init} and {@code clinicbake new article}: a new site that bakes at once, and a
 * new article with every header attribute in place. Neither ever overwrites a file.
 */
public final class Scaffold {

    private static final String SITE = "org/clinicbake/scaffold/";

    /** The address {@code init} writes as {@code site.host} for the clinic to replace (its jbake.properties says so). */
    public static final String PLACEHOLDER_HOST = "https://www.example.org";

    private Scaffold() {
    }

    /**
     * Writes a starter clinic site into {@code dir}, dated today in the starter site's time zone:
     * the day its bakes judge dates on, whatever the zone of the machine that runs {@code init}.
     */
    public static List<String> init(Path dir, Clock clock) throws IOException {
        return init(dir, LocalDate.now(clock.withZone(zone(resource("site/jbake.properties")))));
    }

    /**
     * Writes a starter clinic site into {@code dir}, which must be missing or empty.
     *
     * @return the files written, relative to {@code dir}
     */
    public static List<String> init(Path dir, LocalDate today) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new java.nio.file.NotDirectoryException(dir.toString());
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new FileAlreadyExistsException(dir.toString(), null, "the folder is not empty");
                }
            }
        }
        List<String> files = resource("files.txt").lines().filter(line -> !line.isBlank()).toList();
        for (String file : files) {
            Path target = dir.resolve(file);
            Files.createDirectories(target.getParent());
            String text = resource("site/" + file).replace("{today}", today.toString());
            Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        }
        Files.writeString(dir.resolve(".gitignore"), "output/\n.clinicbake/\n", StandardOpenOption.CREATE_NEW);
        // Every file written, the .gitignore too: init counts them for the user, who would find one more.
        return java.util.stream.Stream.concat(files.stream(), Stream.of(".gitignore")).toList();
    }

    /** As {@link #newArticle(Path, String, String, String, String, LocalDate)}, dated today in the site's time zone. */
    public static Path newArticle(Path site, String title, String type, String provider, String fileName, Clock clock) throws IOException {
        Path settings = site.resolve("jbake.properties");
        String text = Files.isRegularFile(settings) ? Files.readString(settings, StandardCharsets.UTF_8) : "";
        return newArticle(site, title, type, provider, fileName, LocalDate.now(clock.withZone(zone(text))));
    }

    /** A request {@code new} cannot carry out as asked, with what to do instead. */
    public static final class InvalidRequest extends IllegalArgumentException {
        private final String hint;

        InvalidRequest(String message, String hint) {
            super(message);
            this.hint = hint;
        }

        public String hint() {
            return hint;
        }
    }

    /**
     * The zone a site's bakes judge dates in ({@code site.timezone}, UTC by default), from the text of
     * its {@code jbake.properties}.
     */
    static ZoneId zone(String properties) {
        java.util.Properties settings = new java.util.Properties();
        try {
            settings.load(new java.io.StringReader(properties));
            return org.clinicbake.build.SiteConfiguration.zoneNamed(settings.getProperty("site.timezone")).orElse(ZoneOffset.UTC);
        } catch (IOException | RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /**
     * Writes a new draft article under the site's {@code content/} and returns its path.
     *
     * @param type     therapy, procedure, condition or article
     * @param provider the id of the author (the first in providers.yml when null); the reviewer is the first
     *                 other clinician there, as medical review is a second clinician's check (the author when alone)
     * @param fileName the file's name without {@code .adoc} (the page's address), or null to make one from the title
     * @throws InvalidRequest when the title, type, provider or file name cannot be used
     */
    public static Path newArticle(Path site, String title, String type, String provider, String fileName, LocalDate today) throws IOException {
        String folder = switch (type) {
            case "therapy", "procedure" -> "procedures";
            case "condition" -> "conditions";
            case "article" -> "guides";
            default -> throw new InvalidRequest("unknown article type '" + type + "'",
                    "use --type therapy, procedure, condition or article");
        };
        if (title.isBlank() || title.lines().count() > 1) {
            // The title becomes the header's first line: a line break would end the header there.
            throw new InvalidRequest("the title must be one line of text", "give the title in quotes, e.g. clinicbake new article \"Neck Pain\"");
        }
        String name = fileName == null ? slug(title) : fileName;
        if (!name.matches(SLUG) || name.length() > SLUG_LENGTH) {
            throw new InvalidRequest("--slug '" + name + "' is not a file name of lower-case letters a-z, digits and hyphens, "
                    + "at most " + SLUG_LENGTH + " characters", "write the page's address in plain words, e.g. --slug spinal-stenosis");
        }
        java.util.Properties settings = siteSettings(site);
        Path file = siteFolder(site, settings, "content.folder", "content").resolve(folder).resolve(name + ".adoc");
        List<String> providers = providerIds(siteFolder(site, settings, "data.folder", "data"));
        if (provider != null && !providers.isEmpty() && !providers.contains(provider)) {
            // The draft would name an author no byline can show, found only at the first bake.
            throw new InvalidRequest("no provider '" + provider + "' in data/providers.yml",
                    "use --provider with one of: " + String.join(", ", providers));
        }
        Files.createDirectories(file.getParent());
        String author = provider != null ? provider : providers.isEmpty() ? "your-provider-id" : providers.get(0);
        String reviewer = providers.stream().filter(id -> !id.equals(author)).findFirst().orElse(author);
        Files.writeString(file, article(title.strip(), type, author, reviewer, dated(today, settings)),
                StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return file;
    }

    /**
     * The day as the site's bakes read :jbake-date: (date.format, JBake's SimpleDateFormat pattern): a
     * new draft dated otherwise failed the bake. A pattern that is no pattern is the bake's to report.
     */
    private static String dated(LocalDate day, java.util.Properties settings) {
        String pattern = settings.getProperty("date.format", "").strip();
        try {
            return pattern.isEmpty() ? day.toString() : day.format(java.time.format.DateTimeFormatter.ofPattern(pattern.replace('y', 'u'),
                    org.clinicbake.build.SiteConfiguration.dateLocale(settings.getProperty("jvm.locale"), settings.getProperty("site.lang"))));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return day.toString();
        }
    }

    static String article(String title, String type, String author, String reviewer, String date) {
        String entity = switch (type) {
            case "therapy" -> "MedicalTherapy";
            case "procedure" -> "TherapeuticProcedure";
            case "condition" -> "MedicalCondition";
            default -> null;
        };
        StringBuilder text = new StringBuilder("= ").append(title).append('\n')
                .append(":jbake-type: ").append(type).append('\n')
                .append("// A draft is previewed by `clinicbake serve` but never published; set it to published after review.\n")
                .append(":jbake-status: draft\n")
                .append(":jbake-date: ").append(date).append('\n')
                .append(":jbake-tags: ").append(type.equals("condition") ? "conditions" : type.equals("article") ? "guides" : "procedures").append('\n')
                .append(":description: ").append(Placeholders.DESCRIPTION).append('\n');
        if (entity != null) {
            text.append(":med-entity-type: ").append(entity).append('\n')
                    .append(":med-entity-name: ").append(title.toLowerCase(Locale.ROOT)).append('\n');
        }
        text.append(":med-author: ").append(author).append('\n')
                .append(":med-reviewer: ").append(reviewer).append('\n')
                // Left for the reviewer: a date written here now would say the page was reviewed before anyone read it.
                .append("// The medical reviewer sets this to the day of their review; the page cannot be published before.\n")
                .append(":med-last-reviewed:\n")
                .append(":med-review-interval: 12\n")
                .append(":med-audience: patient\n")
                .append('\n').append(Placeholders.SUMMARY).append("\n\n");
        List<String> sections = switch (type) {
            case "therapy", "procedure" -> List.of("overview|What is it?", "why-done|Who may it help?",
                    "how-performed|How is it done?", "preparation|How do I prepare?", "risks|What are the risks?",
                    "contraindications|Who should not have it?", "followup|What happens after?", "when-to-call|When to call us");
            case "condition" -> List.of("overview|What is it?", "symptoms|What are the symptoms?", "causes|What causes it?",
                    "risk-factors|Who gets it?", "diagnosis|How is it diagnosed?", "treatment|How is it treated?",
                    "when-to-call|When to call us");
            default -> List.of("overview|Overview", "when-to-call|When to call us");
        };
        for (String section : sections) {
            String[] parts = section.split("\\|");
            text.append("[#").append(parts[0]).append("]\n== ").append(parts[1]).append("\n\n").append(Placeholders.SECTION).append("\n\n");
        }
        text.append("[bibliography]\n[#references]\n== References\n\n")
                .append(Placeholders.REFERENCE).append('\n');
        return text.toString();
    }

    /** A file name from a title: lower case ASCII words joined by hyphens, whole words up to {@value #SLUG_LENGTH} characters. */
    static String slug(String title) {
        String slug = org.clinicbake.build.SourcePositions.PageNaming.webName(title);
        if (slug.isEmpty()) {
            throw new InvalidRequest("the title '" + title.strip() + "' has no letters a-z or digits to name the file after",
                    "name the file yourself, e.g. --slug spinal-stenosis");
        }
        if (slug.length() > SLUG_LENGTH) {
            // The file name is the page's address too; a long title made one the file system refused.
            int cut = slug.lastIndexOf('-', SLUG_LENGTH);
            slug = slug.substring(0, cut > 0 ? cut : SLUG_LENGTH);
        }
        return slug;
    }

    /** Lower-case words of letters a-z and digits, joined by single hyphens: a name every host serves as it is. */
    private static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    static final int SLUG_LENGTH = 60;

    /** The settings of the site in {@code site}; a folder without {@code jbake.properties} is no site to add to. */
    private static java.util.Properties siteSettings(Path site) throws IOException {
        Path file = site.resolve("jbake.properties");
        if (!Files.isRegularFile(file)) {
            // Run in the wrong folder, new would start a content/ folder there that no bake reads.
            throw new InvalidRequest("'" + site + "' is not a site: it has no jbake.properties",
                    "run it in the site's folder or give --site SITE_DIR; clinicbake init DIR creates a site");
        }
        // A malformed file is the bake's to report, at its line; new uses the default folders.
        return org.clinicbake.build.SiteConfiguration.readSiteFile(site);
    }

    /** The folder a setting such as {@code content.folder} names, when it stays inside the site (the bake reports one that does not). */
    private static Path siteFolder(Path site, java.util.Properties settings, String key, String defaultName) {
        Path base = site.toAbsolutePath().normalize();
        Path folder = base.resolve(settings.getProperty(key, defaultName).strip()).normalize();
        return site.resolve(folder.startsWith(base) && !folder.equals(base) ? base.relativize(folder).toString() : defaultName);
    }

    /** The provider ids of data/providers.yml, in the file's order (its top-level keys). */
    private static List<String> providerIds(Path data) throws IOException {
        Path providers = data.resolve("providers.yml");
        if (!Files.exists(providers)) {
            return List.of();
        }
        return Files.readAllLines(providers).stream().filter(line -> line.matches("[a-z0-9][a-z0-9-]*:\\s*"))
                .map(line -> line.substring(0, line.indexOf(':'))).toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Scaffold.class.getClassLoader().getResourceAsStream(SITE + name)) {
            if (in == null) {
                throw new IOException("missing scaffold resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
