package org.clinicbake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.clinicbake.BakeOptions;
import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the sample site, edited again and again as an editor would (text, titles, topics, status,
 * data, settings, an article added and removed, a broken header and its fix). Feature tested: after
 * every edit, the preview's rebuild (its memory of the last one) and a one-shot bake into the same
 * output (its page and check memories and the conversion cache) publish exactly what a bake of a
 * fresh copy of the site publishes, with the same problems. The articles edited are drawn from a
 * fixed seed, so a failure is repeated by running the test again.
 */
class IncrementalEqualsFreshTest {

    @TempDir
    Path temp;

    private Path site;
    private final Random random = new Random(20261126);

    @Test
    void rebuildsAfterEachEditPublishWhatAFreshBakePublishes() throws IOException {
        site = temp.resolve("site");
        copySite(Path.of("site"), site);
        BuildMemory memory = new BuildMemory();
        List<String> done = new ArrayList<>();
        for (int i = 0; i < EDITS.size(); i++) {
            done.add(edit(EDITS.get(i)));
            Path fresh = temp.resolve("fresh-" + i);
            copySite(site, fresh);

            compare("preview after " + done, ClinicBake.bake(site, temp.resolve("preview"), preview(memory)), temp.resolve("preview"),
                    ClinicBake.bake(fresh, temp.resolve("fresh-preview-" + i), preview(null)), temp.resolve("fresh-preview-" + i));
            compare("bake after " + done, ClinicBake.bake(site, temp.resolve("out"), publishing()), temp.resolve("out"),
                    ClinicBake.bake(fresh, temp.resolve("fresh-out-" + i), publishing()), temp.resolve("fresh-out-" + i));
        }
    }

    private static BakeOptions preview(BuildMemory memory) {
        BakeOptions fixture = SiteFixture.options();
        return new BakeOptions(true, fixture.clock(), fixture.asciidoctor(), false, memory);
    }

    /** As `clinicbake bake`: no drafts, the fast checks on (the sample site sets check.on-bake). */
    private static BakeOptions publishing() {
        return SiteFixture.options().withOutputChecks(true);
    }

    private static void compare(String when, BakeResult rebuilt, Path rebuiltOutput, BakeResult fresh, Path freshOutput) throws IOException {
        assertEquals(SiteFixture.firstLines(fresh), SiteFixture.firstLines(rebuilt), "problems, " + when);
        assertEquals(fresh.published(), rebuilt.published(), "published, " + when);
        if (fresh.published()) {
            Map<String, String> expected = SiteFixture.files(freshOutput);
            Map<String, String> actual = SiteFixture.files(rebuiltOutput);
            assertEquals(expected.keySet(), actual.keySet(), "files, " + when);
            for (Map.Entry<String, String> file : expected.entrySet()) {
                assertEquals(file.getValue(), actual.get(file.getKey()), file.getKey() + ", " + when);
            }
        }
    }

    /**
     * The edits, in order: every kind once, and each one that breaks or hides a page undone later
     * (a draft published again, an added article deleted, a broken header fixed).
     */
    private static final List<String> EDITS = List.of("text", "title", "description", "topics", "status", "status again",
            "add", "text of added", "delete added", "clinic data", "language", "touch", "break header", "fix header");

    private Path lastArticle;
    private Path addedArticle;

    /** Makes one edit to an article drawn at random (or the one the edit undoes); returns what it did. */
    private String edit(String kind) throws IOException {
        List<Path> articles = articles();
        Path article = switch (kind) {
            case "status again", "fix header" -> lastArticle;
            case "text of added", "delete added" -> addedArticle;
            default -> articles.get(random.nextInt(articles.size()));
        };
        lastArticle = article;
        String text = Files.readString(article);
        switch (kind) {
            case "text", "text of added" -> replace(article, text, "(?m)^([A-Z][^\\n]*\\.)$", "$1 An added sentence.");
            case "title" -> replace(article, text, "\\A= .*", "= A New Title");
            case "description" -> setHeader(article, text, ":description:", "A new summary.");
            case "topics" -> setHeader(article, text, ":jbake-tags:", "guides, new topic");
            case "status", "status again" -> replace(article, text, "(?m)^:jbake-status: .*$",
                    ":jbake-status: " + (text.contains(":jbake-status: draft") ? "published" : "draft"));
            case "add" -> {
                addedArticle = article.resolveSibling("added-article.adoc");
                Files.writeString(addedArticle, text.replaceFirst("\\A= .*", "= An Added Article"));
            }
            case "delete added" -> Files.delete(article);
            case "clinic data" -> SiteFixture.edit(site, "data/clinic.yml", "telephone_display: \"", "telephone_display: \"1 ");
            case "language" -> SiteFixture.edit(site, "jbake.properties", "site.lang=en-US", "site.lang=en-GB");
            case "touch" -> Files.setLastModifiedTime(article, FileTime.fromMillis(Files.getLastModifiedTime(article).toMillis() + 5_000));
            case "break header" -> replace(article, text, "(?m)^:jbake-type: ", ":jbake-typ: ");
            case "fix header" -> replace(article, text, "(?m)^:jbake-typ: ", ":jbake-type: ");
            default -> throw new IllegalArgumentException(kind);
        }
        return kind + " (" + site.relativize(article) + ")";
    }

    /** Sets a header attribute, adding it under the title when the article has none. */
    private static void setHeader(Path file, String text, String attribute, String value) throws IOException {
        if (text.contains("\n" + attribute + " ")) {
            replace(file, text, "(?m)^" + attribute + " .*$", attribute + " " + value);
        } else {
            replace(file, text, "\\A(= .*)", "$1\n" + attribute + " " + value);
        }
    }

    private static void replace(Path file, String text, String regex, String replacement) throws IOException {
        String edited = text.replaceFirst(regex, replacement);
        if (edited.equals(text)) {
            throw new AssertionError("the edit '" + regex + "' changed nothing in " + file);
        }
        Files.writeString(file, edited);
    }

    private List<Path> articles() throws IOException {
        try (Stream<Path> walk = Files.walk(site.resolve("content"))) {
            return walk.filter(path -> path.toString().endsWith(".adoc")).sorted().toList();
        }
    }

    /** The site's sources, without what a bake keeps or writes in it. */
    private static void copySite(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.sorted(Comparator.naturalOrder()).toList()) {
                String relative = from.relativize(path).toString();
                if (relative.startsWith(".clinicbake") || relative.startsWith("output")) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
