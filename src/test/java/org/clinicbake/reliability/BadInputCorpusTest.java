package org.clinicbake.reliability;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.diag.Diagnostic;
import org.clinicbake.testing.SiteFixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: {@code src/test/resources/bad-inputs/site}, one bad file per case, plus the cases whose bytes
 * cannot be committed as text (written here): Latin-1 bytes, a byte-order mark, CR LF line ends, an
 * empty file, a 5 MB article, 30 levels of nested lists, an include of a file outside the site and a
 * symlink loop. The expected diagnostics are in {@code bad-inputs/expected.txt}.
 * Features tested: one bake reports every case together, each in the one diagnostic format with its
 * line; nothing crashes (no exception escapes {@code ClinicBake.bake}, no stack trace is printed);
 * the cases that are not errors bake, unharmed, once the errors are removed; no byte of a file
 * outside the site reaches the output.
 */
class BadInputCorpusTest {

    private static final String SECRET_TEXT = "PATIENT-RECORDS-SECRET-4711";
    private static final String PAGE_HEADER = ":jbake-type: page\n:jbake-status: published\n:jbake-date: 2026-01-10\n\n";
    private static final int BIG_ARTICLE_BYTES = 5 * 1024 * 1024;
    private static final int LIST_DEPTH = 30;
    private static final String SCRIPT_TITLE = "Pain </script><script>alert(1)</script> & <b>\"Relief\"</b>";
    private static final String SCRIPT_DESCRIPTION = "Escaping </script><!-- & \"quotes\" 'too' <img src=x onerror=alert(2)>";
    /** The case files that are errors; the second bake leaves them out. */
    private static final List<String> ERROR_CASES = List.of("content/cases/empty.adoc", "content/cases/include-missing.adoc",
            "content/cases/include-outside.adoc", "content/cases/invalid-date.adoc", "content/cases/latin1.adoc",
            "content/cases/malformed-header.adoc", "content/cases/unknown-kind.adoc", "content/cases/xref-missing.adoc",
            "content/cases/duplicate.ad", "content/cases/duplicate.adoc", "content/cases/template-syntax.adoc",
            "content/cases/template-variable.adoc", "data/broken.yml");

    @TempDir
    static Path temp;
    static Path site;
    static Path secret;
    static String bigLastLine;

    static BakeResult corpus;
    static Duration corpusTime;
    static List<String> printed = Collections.synchronizedList(new ArrayList<>());
    static List<LogRecord> loggedThrowables = Collections.synchronizedList(new ArrayList<>());

    static BakeResult good;
    static Path goodOut;

    @BeforeAll
    static void bakeTheCorpusThenTheCasesThatAreNotErrors() throws Exception {
        site = writeCorpus(temp.resolve("site"));
        long started = System.nanoTime();
        corpus = watchingForStackTraces(() -> assertTimeoutPreemptively(Duration.ofMinutes(4),
                () -> assertDoesNotThrow(() -> ClinicBake.bake(site, temp.resolve("corpus-out"), SiteFixture.options()),
                        "an exception escaped ClinicBake.bake"), "the corpus bake hangs"));
        corpusTime = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("BadInputCorpusTest: the corpus baked in " + corpusTime.toMillis() + " ms (" + corpus.work()
                + "), reporting:");
        corpus.diagnostics().forEach(diagnostic -> System.out.println("  " + diagnostic.format().replace("\n", "\n  ")));

        for (String errorCase : ERROR_CASES) {
            Files.delete(site.resolve(errorCase));
        }
        goodOut = temp.resolve("good-out");
        good = assertDoesNotThrow(() -> ClinicBake.bake(site, goodOut, SiteFixture.options()));
    }

    @Test
    @DisplayName("one bake reports every bad input together, exactly the diagnostics in expected.txt")
    void reportsEveryCaseTogetherInOneRun() throws IOException {
        List<String> expected = expectedLines();
        List<String> actual = corpus.diagnostics().stream().map(BadInputCorpusTest::firstLine).toList();

        assertEquals(String.join("\n", expected), String.join("\n", actual));
        assertFalse(corpus.published(), "a bake with errors publishes nothing");
        assertFalse(Files.exists(temp.resolve("corpus-out")), "a failed bake creates no output folder");
        assertEquals(List.of(), OutputTrees.siblingsStartingWith(temp, ".corpus-out."), "no staging folder is left behind");
    }

    @Test
    @DisplayName("no case crashes: no exception escapes, no stack trace is printed or logged, no 'bake.failed'")
    void noCaseCrashes() {
        assertAll(
                () -> assertEquals(List.of(), corpus.diagnostics().stream().filter(d -> d.code().equals("bake.failed")).toList()),
                () -> assertEquals(List.of(), corpus.diagnostics().stream().map(Diagnostic::format)
                        .filter(text -> text.contains("Exception") || text.contains("\tat ")).toList()),
                () -> assertEquals(List.of(), printed.stream().filter(line -> line.matches("\\s+at [\\w$.]+\\(.*\\)\\s*")
                        || line.contains("Exception in thread")).toList(), "stack trace lines printed during the bake"),
                () -> assertEquals(List.of(), loggedThrowables.stream().map(r -> r.getLoggerName() + ": " + r.getThrown()).toList(),
                        "exceptions logged during the bake"),
                () -> assertTrue(corpus.diagnostics().stream().allMatch(d -> d.hint() != null && !d.hint().isBlank()),
                        "every diagnostic has a hint"));
    }

    @Test
    @DisplayName("without the error cases, the site bakes with no diagnostic but the skipped folder link")
    void theCasesThatAreNotErrorsBakeCleanly() {
        assertEquals(List.of("content/symlink-loop/again: warning[content.symlink-skipped]: a link to a folder is not followed"),
                good.diagnostics().stream().map(BadInputCorpusTest::firstLine).toList());
        assertTrue(good.published());
        for (String page : List.of("cases/bom.html", "cases/crlf.html", "cases/big.html", "cases/deep-lists.html",
                "cases/script-title.html", "symlink-loop/page.html", "good/nerve-block.html")) {
            assertTrue(Files.isRegularFile(goodOut.resolve(page)), page);
        }
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheText() throws IOException {
        Document page = page("cases/bom.html");
        assertEquals("Byte Order Mark", page.selectFirst("h1").text());
        assertTrue(page.select(".prose p").text().contains("BOM-BODY"));
        assertFalse(Files.readString(goodOut.resolve("cases/bom.html")).contains("\uFEFF"));
    }

    @Test
    void crLfLineEndsReadLikeLfLineEnds() throws IOException {
        Document page = page("cases/crlf.html");
        assertEquals("Crlf Lines", page.selectFirst("h1").text());
        assertEquals("Section", page.selectFirst(".prose h2").text());
        assertTrue(page.select(".prose p").text().contains("CRLF-BODY text."));
        assertFalse(Files.readString(goodOut.resolve("cases/crlf.html")).contains("\r"), "no CR reaches the page");
    }

    @Test
    @DisplayName("a 5 MB article bakes whole, in reasonable time")
    void aFiveMegabyteArticleBakes() throws IOException {
        assertTrue(Files.size(site.resolve("content/cases/big.adoc")) >= BIG_ARTICLE_BYTES);
        String html = Files.readString(goodOut.resolve("cases/big.html"));
        assertTrue(html.length() >= BIG_ARTICLE_BYTES, "page size " + html.length());
        assertTrue(html.contains(bigLastLine), "the last line of the article is on the page");
        // Generous bounds: the corpus bake boots JRuby and converts 5 MB; on an idle 2-core machine it
        // takes well under half of this. A quadratic step on 5 MB would take many minutes.
        assertTrue(corpusTime.compareTo(Duration.ofSeconds(150)) < 0, "corpus bake took " + corpusTime);
        assertTrue(good.duration().compareTo(Duration.ofSeconds(60)) < 0, "second bake took " + good.duration());
    }

    @Test
    void deeplyNestedListsKeepEveryLevel() {
        Document page = page("cases/deep-lists.html");
        Element deepest = page.select(".prose li").last();
        assertEquals("level " + LIST_DEPTH, deepest.selectFirst("p").text());
        assertEquals(LIST_DEPTH, deepest.parents().stream().filter(parent -> parent.tagName().equals("ul")).count());
    }

    @Test
    @DisplayName("</script> and HTML in a title and description stay text in the HTML and in the JSON-LD")
    void htmlInTheHeaderStaysText() throws IOException {
        String html = Files.readString(goodOut.resolve("cases/script-title.html"));
        Document page = Jsoup.parse(html);

        assertEquals(SCRIPT_TITLE, page.selectFirst("h1").text());
        assertTrue(page.title().startsWith(SCRIPT_TITLE), page.title());
        assertEquals(SCRIPT_DESCRIPTION, page.selectFirst("meta[name=description]").attr("content"));
        assertEquals(List.of("application/ld+json"), page.select("script").stream().map(s -> s.attr("type")).toList(),
                "the only script element is the JSON-LD");
        assertTrue(page.select("b, img").isEmpty(), "no element came from the header's text");

        int open = html.indexOf("<script type=\"application/ld+json\">");
        String script = html.substring(open + "<script type=\"application/ld+json\">".length(),
                html.indexOf("</script>", open));
        assertFalse(script.contains("<"), "no '<' inside the script element");
        JsonNode page0 = new ObjectMapper().readTree(script).get("@graph").get(0);
        assertEquals(SCRIPT_TITLE, page0.get("name").asText());
        assertEquals(SCRIPT_DESCRIPTION, page0.get("description").asText());
    }

    @Test
    @DisplayName("an include of a file outside the site is an error, and its text reaches no file")
    void anIncludeOutsideTheSiteLeaksNothing() throws IOException {
        assertTrue(corpus.diagnostics().stream().filter(d -> d.path().equals("content/cases/include-outside.adoc"))
                .allMatch(d -> d.code().equals("asciidoc.include")));
        assertFalse(corpus.diagnostics().stream().anyMatch(d -> d.format().contains(SECRET_TEXT)));
        try (Stream<Path> files = Files.walk(temp)) {
            List<Path> leaking = files.filter(Files::isRegularFile).filter(file -> !file.equals(secret))
                    .filter(BadInputCorpusTest::containsSecret).toList();
            assertEquals(List.of(), leaking, "files holding the secret (site, cache, staging, output)");
        }
    }

    @Test
    @DisplayName("a symlink loop in content does not hang the bake")
    void aSymlinkLoopDoesNotHang() {
        assertTrue(Files.isSymbolicLink(site.resolve("content/symlink-loop/again")));
        assertTrue(corpusTime.compareTo(Duration.ofMinutes(4)) < 0);
        assertTrue(Files.isRegularFile(goodOut.resolve("symlink-loop/page.html")));
    }

    // ---- Bugs found by the corpus: each is a small reproduction of one case, disabled until fixed. ----

    @Test
    void twoArticlesWithTheSameOutputPathAreAnError(@TempDir Path dir) throws IOException {
        Path small = SiteFixture.write(dir.resolve("site"), MINIMAL_SITE + """
                -- content/procedures/nerve-block.ad --
                = Another Nerve Block
                :jbake-type: page
                :jbake-status: published
                :jbake-date: 2026-01-10

                Same folder, same base name, another extension.
                """);
        BakeResult result = ClinicBake.bake(small, dir.resolve("out"), SiteFixture.options());

        assertFalse(result.published(), "published although two pages claim procedures/nerve-block.html: " + result.diagnostics());
        assertTrue(result.errors().stream().anyMatch(d -> d.path().startsWith("content/procedures/nerve-block.ad")
                && (d.message().contains("nerve-block.html") || d.message().contains("nerve-block.ad"))), result.errors()::toString);
    }

    @Test
    void aSymlinkLoopIsNotFollowed(@TempDir Path dir) throws IOException {
        Path small = SiteFixture.write(dir.resolve("site"), MINIMAL_SITE);
        Files.createSymbolicLink(small.resolve("content/loop"), small.resolve("content").toAbsolutePath());

        BakeResult result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> ClinicBake.bake(small, dir.resolve("out"), SiteFixture.options()));

        assertEquals(1, result.work().converted() + result.work().reused(), "articles baked: " + result.work());
        assertFalse(Files.exists(dir.resolve("out/loop")), "pages were published under loop/");
        assertTrue(result.diagnostics().stream().noneMatch(d -> d.path().startsWith("content/loop/")), result.diagnostics()::toString);
    }

    @Test
    void anIncludeOutsideTheSiteIsReportedOnceAtItsLine(@TempDir Path dir) throws IOException {
        Path outside = Files.writeString(dir.resolve("secret.txt"), SECRET_TEXT);
        Path small = SiteFixture.write(dir.resolve("site"), MINIMAL_SITE.replace("The doctor uses X-ray guidance.",
                "include::" + outside.toAbsolutePath() + "[]"));

        BakeResult result = ClinicBake.bake(small, dir.resolve("out"), SiteFixture.options());

        assertEquals(1, result.diagnostics().size(), result.diagnostics()::toString);
        Diagnostic only = result.diagnostics().get(0);
        assertEquals("asciidoc.include", only.code());
        assertEquals(17, only.line(), only::format);
    }

    // ---- The corpus ----

    /** Copies the committed corpus and adds the cases that cannot be committed as text. */
    private static Path writeCorpus(Path target) throws IOException, URISyntaxException {
        Path committed = Path.of(BadInputCorpusTest.class.getResource("/bad-inputs/site").toURI());
        SiteFixture.copy(committed, target, path -> false);
        Path cases = target.resolve("content/cases");

        // Non-UTF-8 bytes: an e-acute in Latin-1 (0xE9) on line 6.
        Files.write(cases.resolve("latin1.adoc"),
                ("= Latin One\n" + PAGE_HEADER + "Caf\u00e9 au lait.\n").getBytes(StandardCharsets.ISO_8859_1));
        Files.write(cases.resolve("bom.adoc"),
                ("\uFEFF= Byte Order Mark\n" + PAGE_HEADER + "BOM-BODY text.\n").getBytes(StandardCharsets.UTF_8));
        Files.write(cases.resolve("crlf.adoc"), ("= Crlf Lines\n" + PAGE_HEADER + "CRLF-BODY text.\n\n== Section\n\nMore text.\n")
                .replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        Files.write(cases.resolve("empty.adoc"), new byte[0]);

        StringBuilder big = new StringBuilder("= Big Article\n" + PAGE_HEADER);
        int line = 0;
        String last = "";
        while (big.length() < BIG_ARTICLE_BYTES) {
            last = "Line " + line + " of a long plain article about rest, heat and gentle walking every day.";
            big.append(last).append('\n');
            if (++line % 25 == 0) {
                big.append('\n');
            }
        }
        bigLastLine = last;
        Files.writeString(cases.resolve("big.adoc"), big);

        StringBuilder deep = new StringBuilder("= Deep Lists\n" + PAGE_HEADER);
        for (int level = 1; level <= LIST_DEPTH; level++) {
            deep.append("*".repeat(level)).append(" level ").append(level).append('\n');
        }
        Files.writeString(cases.resolve("deep-lists.adoc"), deep);

        secret = Files.writeString(temp.resolve("secret.txt"), SECRET_TEXT + "\n");
        Files.writeString(cases.resolve("include-outside.adoc"),
                "= Include Outside\n" + PAGE_HEADER + "include::" + secret.toAbsolutePath() + "[]\n");

        Files.createSymbolicLink(target.resolve("content/symlink-loop/again"), Path.of("."));
        return target;
    }

    private static List<String> expectedLines() throws IOException {
        String text = new String(BadInputCorpusTest.class.getResourceAsStream("/bad-inputs/expected.txt").readAllBytes(),
                StandardCharsets.UTF_8);
        return text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.replace("${SITE}", site.toAbsolutePath().normalize().toString())
                        .replace("${SECRET}", secret.toAbsolutePath().normalize().toString()))
                .toList();
    }

    private static Document page(String uri) {
        try {
            return Jsoup.parse(Files.readString(goodOut.resolve(uri)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean containsSecret(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(SECRET_TEXT);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String firstLine(Diagnostic diagnostic) {
        return diagnostic.format().lines().findFirst().orElseThrow();
    }

    /** Runs the bake while copying stdout and stderr into {@link #printed} and JUL records with a throwable. */
    private static <T> T watchingForStackTraces(java.util.concurrent.Callable<T> bake) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getThrown() != null) {
                    loggedThrowables.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        System.setOut(new PrintStream(new Tee(out, copy), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, copy), true, StandardCharsets.UTF_8));
        try {
            return bake.call();
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(handler);
            printed.addAll(copy.toString(StandardCharsets.UTF_8).lines().toList());
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            first.write(bytes, offset, length);
            second.write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
        }
    }
}
