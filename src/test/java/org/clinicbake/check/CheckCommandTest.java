package org.clinicbake.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.clinicbake.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clinicbake check} through the command line, as a user runs it. */
class CheckCommandTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void cleanOutputExitsZeroAndPrintsTheSummary() {
        OutputFixture output = SiteCheckerTest.cleanOutput(temp);

        int code = run("check", output.site.toString(), "--today", "2026-11-25");

        assertEquals(0, code, err.toString());
        assertEquals("", err.toString());
        assertEquals("Checked 3 pages: 0 error(s), 0 warning(s).\n", out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void errorsArePrintedInTheDiagnosticFormatAndExitOne() {
        OutputFixture output = new OutputFixture(temp).page("index.html", "<p><a href=\"missing.html\">x</a></p>");

        int code = run("check", output.site.toString(), "-o", output.out.toString());

        assertEquals(1, code);
        assertEquals(String.join("\n",
                "index.html:10: error[link.broken]: link 'missing.html' points to 'missing.html', which is not in the output",
                "  hint: fix the address or publish the missing file; between articles, write an AsciiDoc xref to the "
                        + ".adoc file (xref:../conditions/sciatica.adoc[sciatica]) so the bake checks it",
                ""), err.toString().replace(System.lineSeparator(), "\n"));
        assertEquals("Checked 1 pages: 1 error(s), 0 warning(s).\n", out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void warningsAloneExitZero() {
        OutputFixture output = new OutputFixture(temp).page("index.html", "<script>track();</script>");

        int code = run("check", output.site.toString());

        assertEquals(0, code, err.toString());
        assertTrue(err.toString().startsWith("index.html:10: warning[privacy.script]: inline script runs on this page"),
                err.toString());
        assertEquals("Checked 1 pages: 0 error(s), 1 warning(s).\n", out.toString().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aTimeZoneThatIsNotOneIsAnErrorAtItsLine() throws java.io.IOException {
        OutputFixture output = SiteCheckerTest.cleanOutput(temp);
        java.nio.file.Files.writeString(output.site.resolve("jbake.properties"), "site.host=https://clinic.example.org\nsite.timezone=Mars/Base\n");

        int code = run("check", output.site.toString(), "--today", "2026-11-25");

        assertEquals(1, code, err.toString());
        assertTrue(err.toString().startsWith("jbake.properties:2: error[config.invalid]: site.timezone 'Mars/Base' is not a time zone"),
                err.toString());
    }

    @Test
    void todayOptionMovesTheReviewDeadline() {
        OutputFixture output = new OutputFixture(temp).page("index.html", """
                <script type="application/ld+json">{"@context": "https://schema.org", "@type": "MedicalWebPage", "name": "Home", "lastReviewed": "2026-01-01"}</script>
                <p class="review">Next review due: <time datetime="2027-01-01">January 1, 2027</time></p>""");

        assertEquals(0, run("check", output.site.toString(), "--today", "2026-01-02"), err.toString());
        assertEquals(1, run("check", output.site.toString(), "--today", "2027-01-02"));
        assertTrue(err.toString().contains("index.html:11: error[medical.review-date]: medical review of this page was "
                + "due on 2027-01-01, 1 day(s) ago"), err.toString());
    }

    @Test
    void aProblemAnArticleCausedIsReportedAtItsLineInTheArticle() throws java.io.IOException {
        OutputFixture output = new OutputFixture(temp).page("procedures/nerve-block.html", """
                <script type="application/ld+json">{"@context": "https://schema.org", "@type": "MedicalWebPage", "name": "Test page", "lastReviewed": "2026-01-01"}</script>
                <p class="review"><span>Last reviewed: <time datetime="2026-01-01">January 1, 2026</time></span> <span>Next review due: <time datetime="2027-01-01">January 1, 2027</time></span></p>
                <p><a href="../files/aftercare.pdf">Aftercare</a> <a href="../missing.html">Home</a></p>""");
        java.nio.file.Files.createDirectories(output.site.resolve("content/procedures"));
        java.nio.file.Files.writeString(output.site.resolve("content/procedures/nerve-block.adoc"), """
                = Nerve Block
                :jbake-type: procedure
                :med-last-reviewed: 2026-01-01

                See link:../files/aftercare.pdf[Aftercare].
                """);

        assertEquals(1, run("check", output.site.toString(), "--today", "2027-01-02"));

        assertEquals(java.util.List.of(
                "content/procedures/nerve-block.adoc:3: error[medical.review-date]: medical review of this page was due on 2027-01-01, "
                        + "1 day(s) ago (on procedures/nerve-block.html:11)",
                "content/procedures/nerve-block.adoc:5: error[link.broken]: link '../files/aftercare.pdf' points to 'files/aftercare.pdf', "
                        + "which is not in the output (on procedures/nerve-block.html:12)",
                "procedures/nerve-block.html:12: error[link.broken]: link '../missing.html' points to 'missing.html', which is not in the output"),
                err.toString().lines().filter(line -> !line.startsWith("  hint")).sorted().toList());
    }

    @Test
    void missingOutputFolderSaysToBakeFirstAndExitsOne() throws java.io.IOException {
        Path site = java.nio.file.Files.createDirectories(temp.resolve("site"));

        int code = run("check", site.toString());

        assertEquals(1, code);
        assertEquals(String.join("\n",
                site.resolve("output") + ": error[check.no-output]: there is no output folder to check",
                "  hint: run `clinicbake bake " + site + "` first, or name the baked folder with -o OUT",
                ""), err.toString().replace(System.lineSeparator(), "\n"));
        assertEquals("", out.toString());
    }

    @Test
    void aFolderWithoutPagesIsNotPassed() throws java.io.IOException {
        Path site = java.nio.file.Files.createDirectories(temp.resolve("site"));
        Path notBaked = java.nio.file.Files.createDirectories(temp.resolve("downloads"));
        java.nio.file.Files.writeString(notBaked.resolve("notes.txt"), "not a site");

        int code = run("check", site.toString(), "-o", notBaked.toString());

        assertEquals(1, code);
        assertTrue(err.toString().startsWith(notBaked + ": error[check.no-pages]: there are no pages (.html files) in this folder to check"),
                err.toString());
    }

    @Test
    void badDateIsAUsageErrorWithExitTwo() {
        OutputFixture output = SiteCheckerTest.cleanOutput(temp);

        assertEquals(2, run("check", output.site.toString(), "--today", "tomorrow"));
        assertEquals(2, run("check", "--no-such-option"));
    }
}
