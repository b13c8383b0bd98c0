package org.clinicbake.cli;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void bakeSaysWhereTheOutputIsAndExitsZero() {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);

        int code = run("bake", site.toString(), "-o", temp.resolve("public").toString(), "--today", "2026-11-25");

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("into " + temp.resolve("public")), out.toString());
    }

    @Test
    void bakeWritesItsNumbersTheSameWayWhateverTheMachinesLocale() {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        java.util.Locale before = java.util.Locale.getDefault();
        int code;
        try {
            java.util.Locale.setDefault(new java.util.Locale("ar", "EG")); // Arabic-Indic digits, and a comma of its own
            code = run("bake", site.toString(), "-o", temp.resolve("public").toString(), "--today", "2026-11-25");
        } finally {
            java.util.Locale.setDefault(before);
        }

        assertEquals(0, code, err.toString());
        assertTrue(out.toString().matches("(?s)Baked [0-9]+ pages in [0-9]+\\.[0-9] s into .*"), out.toString());
    }

    @Test
    void contentErrorsArePrintedInTheDiagnosticFormatAndExitOne() {
        Path site = SiteFixture.write(temp.resolve("site"),
                MINIMAL_SITE.replace(":jbake-type: therapy", ":jbake-type: therapie"));

        int code = run("bake", site.toString(), "--today", "2026-11-25");

        assertEquals(1, code);
        String expected = String.join(System.lineSeparator(),
                "content/procedures/nerve-block.adoc:2: error[header.unknown-type]: unknown page type 'therapie'",
                "  hint: use one of: article, condition, page, post, procedure, provider, therapy",
                "Bake failed with 1 error(s); " + site.resolve("output") + " was left unchanged.",
                "");
        assertEquals(expected, err.toString());
    }

    @Test
    void todayIsTheDayGivenInTheSiteTimeZoneEvenEastOfUtcPlusTwelve() {
        // Kiritimati is UTC+14: noon UTC of the 27th is 2 a.m. on the 28th there.
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE
                .replace("site.host=https://clinic.example.org", "site.host=https://clinic.example.org\nsite.timezone=Pacific/Kiritimati")
                .replace(":jbake-date: 2026-01-10", ":jbake-date: 2026-11-28"));

        int code = run("bake", site.toString(), "-o", temp.resolve("public").toString(), "--today", "2026-11-27");

        assertEquals(1, code, out.toString());
        assertTrue(err.toString().startsWith("content/procedures/nerve-block.adoc:4: error[header.date-in-future]: "
                + "the publication date 2026-11-28 is in the future"), err.toString());
    }

    @Test
    void anInternalErrorSaysHowTheLauncherPrintsItsStackTrace() {
        int code = Main.internalError(new IllegalStateException("boom"), new PrintWriter(err, true));

        assertEquals(ExitCode.INTERNAL_ERROR.code(), code);
        assertTrue(err.toString().startsWith("clinicbake: error[internal]: java.lang.IllegalStateException: boom"), err.toString());
        // A -D given after the command would be taken for a clinicbake option; the launcher reads this variable.
        assertTrue(err.toString().contains("CLINICBAKE_JAVA_OPTS=-Dclinicbake.stacktrace=true"), err.toString());
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitTwo() {
        assertEquals(2, run("bake", "--no-such-option"));
        assertTrue(err.toString().contains("Unknown option: '--no-such-option'"), err.toString());
    }

    @Test
    void aDayThatIsNoDayIsAUsageErrorInTheErrorFormat() {
        assertEquals(2, run("bake", "site", "--today", "2026-13-45"));

        assertEquals(List.of("clinicbake: error[usage]: Invalid value for option '--today': '2026-13-45' is not a day written "
                        + "YYYY-MM-DD, e.g. 2026-11-25", "  hint: `clinicbake bake --help` lists what it takes"),
                err.toString().lines().toList());
    }

    @Test
    void aSiteFolderThatIsNotThereIsAUsageError() throws java.io.IOException {
        assertEquals(2, run("bake", temp.resolve("no-site").toString()));
        assertTrue(err.toString().startsWith(temp.resolve("no-site") + ": error[site.missing]"), err.toString());

        // check found the output through -o and ran on default settings, passing what it should not.
        java.nio.file.Path output = java.nio.file.Files.createDirectories(temp.resolve("out"));
        java.nio.file.Files.writeString(output.resolve("index.html"), "<!DOCTYPE html><html lang=\"en\"><title>Home</title><h1>Home</h1></html>");
        err.getBuffer().setLength(0);
        assertEquals(2, run("check", temp.resolve("no-site").toString(), "-o", output.toString()));
        assertTrue(err.toString().startsWith(temp.resolve("no-site") + ": error[site.missing]"), err.toString());
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(2, run());
    }

    @Test
    void printsVersionAndHelp() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("clinicbake "), out.toString());
        assertEquals(0, run("bake", "--help"));
        assertTrue(out.toString().contains("Exit codes:"), out.toString());
    }

    @Test
    void theHelpListsEveryCommandWhateverIsAskedFirst() {
        for (String[] args : List.of(new String[] {"--help"}, new String[] {"help"})) {
            out.getBuffer().setLength(0);
            assertEquals(0, run(args));
            for (String command : List.of("bake", "serve", "check", "init", "new", "help")) {
                assertTrue(out.toString().contains("  " + command + " "), command + " in " + out);
            }
        }
        out.getBuffer().setLength(0);
        assertEquals(0, run("help", "check"));
        assertTrue(out.toString().contains("Usage: clinicbake check"), out.toString());
    }

    @Test
    void theCommandListGivesEachCommandsWholeSummary() {
        assertEquals(0, run("--help"));
        // picocli lists only the first line of a description; a summary split over lines stopped mid-sentence.
        String listing = out.toString().replaceAll("\\s+", " ");
        assertTrue(listing.contains("serves it on 127.0.0.1, and reloads open pages after every save"), listing);
    }

    @Test
    void aMistypedCommandIsAUsageErrorThatSuggestsTheRightOne() {
        assertEquals(2, run("bak", "site"));
        assertEquals(List.of("clinicbake: error[usage]: 'bak' is not a command", "Did you mean: clinicbake bake?",
                "  hint: `clinicbake --help` lists what it takes"), err.toString().lines().toList());
    }

    @Test
    void onlyTheCommandAskedForIsBuilt() {
        assertEquals(List.of(BakeCommand.class), Main.commandsFor(new String[] {"bake", "site"}));
        assertEquals(List.of(ServeCommand.class), Main.commandsFor(new String[] {"serve"}));
        assertEquals(6, Main.commandsFor(new String[] {"--help"}).size(), "the help lists them all");
        assertEquals(6, Main.commandsFor(new String[] {"help", "bake"}).size());
        assertEquals(6, Main.commandsFor(new String[] {}).size());
    }
}
