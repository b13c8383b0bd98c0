package org.clinicbake.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.clinicbake.BakeOptions;
import org.clinicbake.BakeResult;
import org.clinicbake.content.ArticleReadability;
import org.clinicbake.ClinicBake;
import org.clinicbake.diag.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bake", mixinStandardHelpOptions = true,
        description = "Bake a site into a static folder. The output folder is replaced only when the bake succeeds.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the site was published", "1:the content has errors; the output folder is unchanged",
                "2:wrong usage (an option it does not know, a site folder that is not there)", "3:internal or I/O error"})
final class BakeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SiteOptions site;

    @Option(names = "--timings", description = "Also print where the time went, CPU time and peak memory (for benchmarks).")
    private boolean timings;

    @Option(names = "--report", description = "Also print the reading level of every clinical article.")
    private boolean report;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path siteDir = site.siteDir;
        LocalDate today = site.today;
        Path output = site.output();
        BakeOptions options = BakeOptions.publishing();
        if (today != null) {
            options = options.withToday(today);
        }
        BakeResult result = ClinicBake.bake(siteDir, output, options);
        noteClassesWorthArchiving(result);
        for (Diagnostic diagnostic : result.diagnostics()) {
            err.println(diagnostic.format());
        }
        if (report) {
            printReadability(result, out);
        }
        if (timings) {
            out.println(Timings.line(result));
        }
        // Numbers in the machine's locale were "in 10,7 s" on a Turkish one and Arabic-Indic digits on an
        // Egyptian one: these lines are read by scripts and CI logs, and the messages around them are English.
        if (result.hasErrors()) {
            err.printf(java.util.Locale.ROOT, "Bake failed with %d error(s); %s was left unchanged.%n", result.errors().size(), result.outputDir());
            err.flush();
            // A site folder that is not there is a mistyped command, not content with errors.
            boolean noSite = result.errors().stream().allMatch(problem -> problem.code().equals("site.missing"));
            return noSite ? ExitCode.USAGE.code() : ExitCode.CONTENT_ERRORS.code();
        }
        if (result.phases().containsKey(org.clinicbake.build.SiteBuild.UP_TO_DATE)) {
            out.printf(java.util.Locale.ROOT, "Up to date: nothing changed since the last bake of %d pages into %s (checked in %.1f s)%n",
                    result.pages(), result.outputDir(), result.duration().toMillis() / 1000.0);
        } else {
            out.printf(java.util.Locale.ROOT, "Baked %d pages in %.1f s into %s%n", result.pages(), result.duration().toMillis() / 1000.0,
                    result.outputDir());
        }
        java.nio.file.Path home = result.outputDir().resolve("index.html");
        if (java.nio.file.Files.isRegularFile(home)) { // render.index=false writes no home page
            out.printf("Open %s in a browser.%n", home.toUri());
        }
        out.flush();
        err.flush();
        return ExitCode.OK.code();
    }

    /**
     * The launcher records the classes a bake loads into a class-data archive that every later run
     * starts from, and asks, through this property, whether they are worth keeping: only a bake that
     * converted an article and rendered the site loaded JRuby and the renderer. A bake that found
     * nothing to convert would leave an archive without them, and every later bake would boot JRuby
     * about a second slower until the class path changed.
     */
    private static void noteClassesWorthArchiving(BakeResult result) {
        String marker = System.getProperty("clinicbake.archive-marker");
        if (marker != null && !result.hasErrors() && result.work().converted() > 0) {
            try {
                java.nio.file.Files.writeString(Path.of(marker), "");
            } catch (java.io.IOException e) {
                // Without the marker the launcher only records again on the next bake.
            }
        }
    }

    private static void printReadability(BakeResult result, PrintWriter out) {
        if (result.readability().isEmpty()) {
            out.println("Reading level: no clinical article was scored (the site has none, or it is not in English: the grades are measured on English pages only).");
            return;
        }
        out.println("Reading level of clinical articles (US school grade; body text without references and tables):");
        out.printf("%6s %6s %6s  %s%n", "FK", "SMOG", "words", "article");
        for (ArticleReadability article : result.readability()) {
            out.printf(java.util.Locale.ROOT, "%6.1f %6.1f %6d  %s%n", article.fleschKincaidGrade(), article.smogGrade(),
                    article.words(), article.path());
        }
        result.readability().stream().mapToDouble(ArticleReadability::fleschKincaidGrade).max().ifPresent(highest ->
                out.printf(java.util.Locale.ROOT, "Highest Flesch-Kincaid grade: %.1f over %d articles.%n", highest,
                        result.readability().size()));
    }
}
