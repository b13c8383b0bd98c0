package org.clinicbake.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.clinicbake.diag.Diagnostic;
import org.clinicbake.schema.SchemaVocabulary;
import org.clinicbake.testing.SiteFixture;

/**
 * A hand-written output folder for the check tests: small HTML, CSS and XML files written straight into a temporary
 * site's {@code output/}, so no test needs a bake.
 */
final class OutputFixture {

    /** The day the checks judge review dates on. */
    static final LocalDate TODAY = SiteFixture.TODAY;

    /** Line of the first line of {@code body} in a {@link #page(String)}. */
    static final int BODY_LINE = 10;

    private static SchemaVocabulary vocabulary;

    final Path site;
    final Path out;

    OutputFixture(Path temp) {
        site = temp.resolve("site");
        out = site.resolve("output");
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vocabulary is immutable and takes a moment to read, so the tests share one. */
    static synchronized SchemaVocabulary vocabulary() {
        if (vocabulary == null) {
            vocabulary = SchemaVocabulary.load();
        }
        return vocabulary;
    }

    /** A clean page: language, title, one h1 on line 9, then {@code body} from line {@value #BODY_LINE}, then a disclaimer. */
    static String page(String body) {
        return """
                <!DOCTYPE html>
                <html lang="en-US">
                <head>
                <meta charset="utf-8">
                <title>Test page</title>
                </head>
                <body>
                <main id="main">
                <h1>Test page</h1>
                """ + body + """

                <aside class="disclaimer"><p>This page does not replace advice from your own doctor.</p></aside>
                </main>
                </body>
                </html>
                """;
    }

    /** Writes a file of the output. */
    OutputFixture file(String path, String content) {
        write(out.resolve(path), content);
        return this;
    }

    /** Writes a clean {@link #page(String)} with this body. */
    OutputFixture page(String path, String body) {
        return file(path, page(body));
    }

    /** Writes the site's jbake.properties. */
    OutputFixture properties(String properties) {
        write(site.resolve("jbake.properties"), properties);
        return this;
    }

    CheckResult check() {
        try {
            return new SiteChecker(SiteChecker.builtInChecks(), OutputFixture::vocabulary).check(site, out, TODAY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of every diagnostic: {@code path:line: severity[code]: message}. */
    List<String> firstLines() {
        return check().diagnostics().stream().map(OutputFixture::firstLine).toList();
    }

    static String firstLine(Diagnostic diagnostic) {
        return diagnostic.format().lines().findFirst().orElseThrow();
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
