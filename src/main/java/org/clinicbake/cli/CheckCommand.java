package org.clinicbake.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.clinicbake.ClinicBake;
import org.clinicbake.check.CheckResult;
import org.clinicbake.check.SiteChecker;
import org.clinicbake.check.OutputCheck;
import org.clinicbake.build.Plugins;
import org.clinicbake.diag.Diagnostics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clinicbake.diag.Diagnostic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a baked output folder: links and anchors, accessibility basics, third-party requests, "
                + "JSON-LD, empty or colliding files and review dates. Reads the output only; bake first.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no errors (warnings allowed)", "1:the output has errors, or there is no output folder",
                "2:wrong usage", "3:internal or I/O error"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SiteOptions site;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path siteDir = site.siteDir;
        LocalDate today = site.today;
        Path output = site.output();
        if (!Files.isDirectory(siteDir)) {
            // With -o the output was found, and the check ran on default settings: no site.host, no
            // allowed origins, no articles to point problems at, and it passed a deploy it should not have.
            err.println(org.clinicbake.build.SiteBuild.missingSite(siteDir).format());
            err.flush();
            return ExitCode.USAGE.code();
        }
        if (!Files.isDirectory(output)) {
            err.println(Diagnostic.error("check.no-output", output.toString(), 0, "there is no output folder to check",
                    "run `clinicbake bake " + siteDir + "` first, or name the baked folder with -o OUT").format());
            err.flush();
            return ExitCode.CONTENT_ERRORS.code();
        }
        Diagnostics pluginProblems = new Diagnostics();
        Optional<Plugins> plugins = Plugins.load(CheckCommand.class.getClassLoader(), pluginProblems);
        if (plugins.isEmpty()) {
            pluginProblems.all().forEach(problem -> spec.commandLine().getErr().println(problem.format()));
            return ExitCode.CONTENT_ERRORS.code();
        }
        List<OutputCheck> checks = new ArrayList<>(SiteChecker.builtInChecks());
        checks.addAll(plugins.get().checks());
        CheckResult result = new SiteChecker(checks).check(siteDir, output, today);
        if (result.pages() == 0) {
            // A folder with no page is not a baked site: passing it would let a mistyped -o pass a deploy's check.
            err.println(Diagnostic.error("check.no-pages", output.toString(), 0, "there are no pages (.html files) in this folder to check",
                    "name the baked output folder with -o OUT, or run `clinicbake bake " + siteDir + "` first").format());
            err.flush();
            return ExitCode.CONTENT_ERRORS.code();
        }
        // An editor fixes the article, not the page baked from it.
        org.clinicbake.build.SourcePositions sources = org.clinicbake.build.SourcePositions.ofContent(siteDir);
        for (Diagnostic diagnostic : result.diagnostics()) {
            err.println(sources.relocate(diagnostic).format());
        }
        err.flush();
        out.printf(java.util.Locale.ROOT, "Checked %d pages: %d error(s), %d warning(s).%n", result.pages(), result.errors().size(),
                result.warnings().size());
        out.flush();
        return result.hasErrors() ? ExitCode.CONTENT_ERRORS.code() : ExitCode.OK.code();
    }
}
