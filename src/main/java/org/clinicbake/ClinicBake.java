package org.clinicbake;

import java.io.IOException;
import java.nio.file.Path;

import org.clinicbake.build.SiteBuild;

/**
 * ClinicBake's front door for Java callers.
 *
 * <pre>{@code
 * BakeResult result = ClinicBake.bake(Path.of("site"), Path.of("site/output"));
 * result.diagnostics().forEach(d -> System.err.println(d.format()));
 * }</pre>
 */
public final class ClinicBake {

    /** The system property that, set to true, prints the stack trace of a failure ClinicBake cannot explain. */
    public static final String STACK_TRACE_PROPERTY = "clinicbake.stacktrace";

    private ClinicBake() {
    }

    /**
     * Bakes the site in {@code siteDir} into {@code outputDir}. The output folder is replaced only
     * when the bake has no errors; otherwise it is left exactly as it was.
     *
     * @throws IOException when the output cannot be written (disk full, permissions)
     */
    public static BakeResult bake(Path siteDir, Path outputDir) throws IOException {
        return bake(siteDir, outputDir, BakeOptions.publishing());
    }

    /** Bakes with explicit options (drafts, the date the review rules use). */
    public static BakeResult bake(Path siteDir, Path outputDir, BakeOptions options) throws IOException {
        return new SiteBuild(siteDir, outputDir, options).run();
    }

    /** The default output folder of a site: {@code output/} inside it, as in JBake. */
    public static Path defaultOutput(Path siteDir) {
        return siteDir.resolve("output");
    }
}
