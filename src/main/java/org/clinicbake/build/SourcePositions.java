package org.clinicbake.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clinicbake.diag.Diagnostic;
import org.jbake.model.DocumentModel;
import org.jbake.model.DocumentTypes;

/**
 * Moves a problem the output checks found on an article's page to the line of the article that
 * wrote it. The checks read baked HTML, so they name the page and its HTML line
 * ({@code guides/aftercare.html:235}); an editor fixes the article. A problem whose message quotes
 * an address or file that the article spells out ({@code link:../files/sheet.pdf[]},
 * {@code image::x.png[]}, the ID of {@code video::ID[youtube]}) is reported at that line of the
 * article, with the page's position kept in the message, and so is a problem with what a header
 * attribute says (a review falling due, at {@code :med-last-reviewed:}); any other problem of the
 * page stays where the check found it.
 *
 * <p>In a bake the pages are mapped to their articles by the store; {@code clinicbake check}, which
 * reads an output folder without baking, maps them by JBake's naming ({@link #ofContent}).
 */
public final class SourcePositions {

    /** The first quoted value of a message: every output check quotes the address it is about. */
    private static final Pattern QUOTED = Pattern.compile("'([^'\\s]+)'");

    private final Map<String, Path> pageSources;
    private final Path siteDir;

    private SourcePositions(Map<String, Path> pageSources, Path siteDir) {
        this.pageSources = pageSources;
        this.siteDir = siteDir;
    }

    /** The source file of every page in the store, by the page's path in the output. */
    static SourcePositions of(MemoryContentStore store, Path siteDir) {
        Map<String, Path> sources = new HashMap<>();
        for (String type : DocumentTypes.getDocumentTypes()) {
            for (DocumentModel document : store.getAllContent(type)) {
                if (document.getUri() != null && document.getFile() != null) {
                    sources.put(document.getUri(), Path.of(document.getFile()).toAbsolutePath().normalize());
                }
            }
        }
        return new SourcePositions(Map.copyOf(sources), siteDir.toAbsolutePath().normalize());
    }

    /**
     * The source file of every article in the site's content folder, by the page JBake makes of it
     * (its path there, with the output extension): for {@code clinicbake check}, which reads an
     * output folder without baking, so has no store to ask.
     */
    public static SourcePositions ofContent(Path siteDir) {
        PageNaming naming = PageNaming.of(siteDir);
        Map<String, Path> sources = new HashMap<>();
        if (naming.content().startsWith(naming.site()) && Files.isDirectory(naming.content())) {
            try (java.util.stream.Stream<Path> walk = org.clinicbake.io.FileTrees.walk(naming.content())) {
                walk.filter(Files::isRegularFile).forEach(file -> naming.pageOf(file).ifPresent(page -> sources.put(page, file)));
            } catch (IOException | java.io.UncheckedIOException e) {
                // Unreadable content: every problem stays at its page, where the check found it.
            }
        }
        return new SourcePositions(Map.copyOf(sources), naming.site());
    }

    /**
     * How JBake names the page of an article, read from the site's settings: its path in the content
     * folder, with the output extension.
     */
    public record PageNaming(Path site, Path content, String extension) {

        public static PageNaming of(Path siteDir) {
            Path site = siteDir.toAbsolutePath().normalize();
            java.util.Properties settings = SiteConfiguration.readSiteFile(site);
            return new PageNaming(site, site.resolve(settings.getProperty("content.folder", "content").strip()).normalize(),
                    settings.getProperty("output.extension", ".html").strip());
        }

        /**
         * A name every host serves as it is, made from {@code text}: lower-case ASCII letters and digits
         * joined by single hyphens ({@code Ciática Pain} becomes {@code ciatica-pain}); empty when it has none.
         */
        public static String webName(String text) {
            return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        }

        /** The page of an article ({@code conditions/sciatica.html}); empty for a file that is no article of the content folder. */
        public java.util.Optional<String> pageOf(Path file) {
            Path article = file.toAbsolutePath().normalize();
            if (!article.startsWith(content) || !org.clinicbake.content.AsciidocEngine.isArticle(article)) {
                return java.util.Optional.empty();
            }
            String relative = content.relativize(article).toString().replace('\\', '/');
            return java.util.Optional.of(relative.substring(0, relative.lastIndexOf('.')) + extension);
        }
    }

    /** The article of each page, by the page's path in the output ({@code conditions/sciatica.html}). */
    public Map<String, Path> pageSources() {
        return pageSources;
    }

    /**
     * Problems of the output about what a header attribute says, by code: the page shows the
     * attribute's value (the next review date, from :med-last-reviewed:), the editor changes the attribute.
     */
    private static final Map<String, String> HEADER_ATTRIBUTES = Map.of("medical.review-date", ":med-last-reviewed:");

    /**
     * The problem at its line in the article, when the article spells out what it quotes or holds the
     * header attribute it is about; else as it was.
     */
    public Diagnostic relocate(Diagnostic problem) {
        Path source = pageSources.get(problem.path());
        if (source == null || !source.startsWith(siteDir)) {
            return problem;
        }
        String attribute = HEADER_ATTRIBUTES.get(problem.code());
        Matcher quoted = QUOTED.matcher(problem.message());
        Optional<Integer> line = attribute != null ? lineWhere(source, text -> text.startsWith(attribute))
                : quoted.find() ? lineMentioning(source, quoted.group(1))
                        .or(() -> videoMacro(quoted.group(1)).flatMap(macro -> lineMentioning(source, macro)))
                : Optional.empty();
        return line.map(at -> new Diagnostic(problem.severity(), problem.code(), siteDir.relativize(source).toString().replace('\\', '/'),
                        at, problem.message() + " (on " + problem.path() + (problem.line() > 0 ? ":" + problem.line() : "") + ")",
                        problem.hint()))
                .orElse(problem);
    }

    /**
     * Asciidoctor writes {@code video::ID[youtube]} (or vimeo) as a frame of the service's address, which
     * the article does not spell out but which ends in the ID the macro names.
     */
    private static Optional<String> videoMacro(String address) {
        if (!address.startsWith("https://") && !address.startsWith("http://")) {
            return Optional.empty();
        }
        String path = address.replaceFirst("[?#].*$", "");
        String id = path.substring(path.lastIndexOf('/') + 1);
        return id.isEmpty() ? Optional.empty() : Optional.of("video::" + id);
    }

    private static Optional<Integer> lineMentioning(Path source, String text) {
        return lineWhere(source, line -> line.contains(text));
    }

    /** The first line of the file that is {@code wanted}, empty when none is or the file cannot be read. */
    static Optional<Integer> lineWhere(Path source, java.util.function.Predicate<String> wanted) {
        try {
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (wanted.test(lines.get(i))) {
                    return Optional.of(i + 1);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Changed or gone since it was read: the page's own position is still right.
        }
        return Optional.empty();
    }
}
