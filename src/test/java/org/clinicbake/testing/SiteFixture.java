package org.clinicbake.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clinicbake.BakeOptions;
import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.diag.Diagnostic;

/**
 * Writes a small site from one text block in txtar style: each file starts with a line
 * {@code -- path --} and runs to the next such line.
 */
public final class SiteFixture {

    private static final Pattern FILE_LINE = Pattern.compile("(?m)^-- (.+?) --\\n");

    /** A valid therapy article and provider data, to start fixtures from. */
    public static final String MINIMAL_SITE = """
            -- jbake.properties --
            site.host=https://clinic.example.org
            -- data/clinic.yml --
            name: Test Spine Clinic
            description: A test clinic.
            telephone: "+1-555-010-0100"
            telephone_display: (555) 010-0100
            address:
              street: 1 Example Way
              locality: Springfield
              region: CA
              postal_code: "90000"
              country: US
            -- data/providers.yml --
            ann-lee:
              name: Ann Lee
              honorific_prefix: Dr.
              honorific_suffix: MD
              job_title: Pain Physician
            -- content/procedures/nerve-block.adoc --
            = Nerve Block
            :jbake-type: therapy
            :jbake-status: published
            :jbake-date: 2026-01-10
            :jbake-tags: procedures
            :description: What a nerve block is and how it is done.
            :med-author: ann-lee
            :med-reviewer: ann-lee
            :med-last-reviewed: 2026-02-01
            :med-entity-type: MedicalTherapy

            A nerve block is a shot of numbing medicine.

            [#how-performed]
            == How is it done?

            The doctor uses X-ray guidance.

            [bibliography]
            == References

            * [[[nb,1]]] Example Health Library. Nerve blocks. 2025. https://health.example.org/nerve-blocks
            """;

    /** A draft clinic page, to add to a fixture: previewed, never published. */
    public static final String DRAFT_PAGE = """
            -- content/news-draft.adoc --
            = Coming Soon
            :jbake-type: page
            :jbake-status: draft
            :jbake-date: 2026-01-10

            Not ready yet.
            """;

    /** The day fixture sites are baked on, so their review dates never fall due during a test run. */
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    /**
     * Publishing options with {@link #TODAY} as today, and one Asciidoctor shared by every test in
     * the JVM (as the preview server shares one between rebuilds): starting JRuby for each of a
     * hundred fixture bakes would be most of the test run.
     */
    public static BakeOptions options() {
        // Output checks off: each fixture tests one thing, often with a bare template of its own.
        return new BakeOptions(false, Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
                SharedAsciidoctor.INSTANCE, false);
    }

    /** Started on first use, stopped with the JVM. */
    private static final class SharedAsciidoctor {
        static final org.asciidoctor.Asciidoctor INSTANCE = org.asciidoctor.Asciidoctor.Factory.create();
    }

    private SiteFixture() {
    }

    /** Writes {@code txtar} as a site under {@code temp/site} and bakes it into {@code temp/out}. */
    public static BakeResult bake(Path temp, String txtar) throws IOException {
        Path site = write(temp.resolve("site"), txtar);
        return ClinicBake.bake(site, temp.resolve("out"), options());
    }

    /** The one diagnostic of a bake; fails, listing them, when there is not exactly one. */
    public static Diagnostic single(BakeResult result) {
        org.junit.jupiter.api.Assertions.assertEquals(1, result.diagnostics().size(), () -> "diagnostics: " + result.diagnostics());
        return result.diagnostics().get(0);
    }

    /** The first line of every diagnostic: {@code path:line: severity[code]: message}. */
    public static List<String> firstLines(BakeResult result) {
        return result.diagnostics().stream().map(SiteFixture::firstLine).toList();
    }

    public static String firstLine(Diagnostic diagnostic) {
        return diagnostic.format().lines().findFirst().orElseThrow();
    }

    /** Writes the files of {@code txtar} under {@code root} and returns {@code root}. */
    public static Path write(Path root, String txtar) {
        Matcher matcher = FILE_LINE.matcher(txtar);
        String path = null;
        int start = 0;
        try {
            while (matcher.find()) {
                if (path != null) {
                    writeFile(root.resolve(path), txtar.substring(start, matcher.start()));
                }
                path = matcher.group(1);
                start = matcher.end();
            }
            if (path != null) {
                writeFile(root.resolve(path), txtar.substring(start));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    private static void writeFile(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
