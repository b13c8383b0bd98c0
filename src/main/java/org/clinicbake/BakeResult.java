package org.clinicbake;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.clinicbake.content.ArticleReadability;
import org.clinicbake.diag.Diagnostic;

/**
 * What a bake did.
 *
 * @param outputDir   the folder the site was published to (unchanged when the bake failed)
 * @param published   whether the output folder now holds this bake's site
 * @param pages       how many HTML pages were published
 * @param diagnostics every error and warning, in report order
 * @param readability the reading level of every clinical article, by path
 * @param phases      wall time of the stages (configure, convert, oven, write-assets, write-publish)
 * @param work        how many articles Asciidoctor converted, and how many came from the cache
 * @param duration    wall time of the bake
 */
public record BakeResult(Path outputDir, boolean published, int pages, List<Diagnostic> diagnostics,
                         List<ArticleReadability> readability, Map<String, Duration> phases, Work work,
                         Duration duration) {

    /** Articles converted by Asciidoctor, and articles whose conversion was reused from the cache. */
    public record Work(int converted, int reused) {
    }

    public static BakeResult of(Path outputDir, boolean published, int pages, List<Diagnostic> diagnostics,
                                List<ArticleReadability> readability, Map<String, Duration> phases, Work work,
                                long startedNanos) {
        return new BakeResult(outputDir, published, pages, List.copyOf(diagnostics), List.copyOf(readability),
                Map.copyOf(phases), work, Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
