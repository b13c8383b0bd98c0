package org.clinicbake.cli;

import java.nio.file.Path;
import java.time.LocalDate;

import org.clinicbake.ClinicBake;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code bake} and {@code check} share: the site, its output folder, and the day review dates are judged on. */
final class SiteOptions {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SITE_DIR", defaultValue = ".",
            description = "Site folder with jbake.properties and content/ (default: the current folder).")
    Path siteDir;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Output folder (default: SITE_DIR/output).")
    Path outputDir;

    @Option(names = "--today", paramLabel = "YYYY-MM-DD",
            description = "Judge review dates as of this day instead of today, e.g. to see what falls due next month.")
    LocalDate today;

    Path output() {
        return outputDir != null ? outputDir : ClinicBake.defaultOutput(siteDir);
    }
}
