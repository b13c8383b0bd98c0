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
            ben-cho:
              name: Ben Cho
              honorific_prefix: Dr.
              honorific_suffix: DO
              job_title: Physiatrist
            -- content/procedures/nerve-block.adoc --
            = Nerve Block
            :jbake-type: therapy
            :jbake-status: published
            :jbake-date: 2026-01-10
            :jbake-tags: procedures
            :description: What a nerve block is, how the doctor does it, and how it may ease your pain.
            :med-author: ann-lee
            :med-reviewer: ben-cho
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

    /** A second therapy article that lists the first as related, to add to {@link #MINIMAL_SITE}. */
    public static final String SECOND_ARTICLE = """
            -- content/procedures/second-block.adoc --
            = Second Block
            :jbake-type: therapy
            :jbake-status: published
            :jbake-date: 2026-01-12
            :jbake-tags: procedures
            :description: Another nerve block: what it is, how it is done, and how it may help you.
            :med-author: ann-lee
            :med-reviewer: ben-cho
            :med-last-reviewed: 2026-02-01
            :med-entity-type: MedicalTherapy
            :med-related: nerve-block

            A second block is also a shot. It numbs the nerve for a while.

            [bibliography]
            == References

            * [[[nb,1]]] Example Health Library. Nerve blocks. 2025. https://health.example.org/nerve-blocks
            """;

    /** A published clinic page, to add to a fixture. */
    public static final String CLINIC_PAGE = """
            -- content/about.adoc --
            = About Us
            :jbake-type: page
            :jbake-status: published
            :jbake-date: 2026-01-05
            :description: Who we are.

            We treat back and neck pain.
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
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

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
        static final org.asciidoctor.Asciidoctor INSTANCE = org.clinicbake.content.AsciidoctorRuntime.create();
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

    /** Replaces {@code from} (which must be there) with {@code to} in a file of the site, as an editor's save does. */
    public static void edit(Path site, String file, String from, String to) throws IOException {
        Path path = site.resolve(file);
        String text = Files.readString(path);
        if (!text.contains(from)) {
            throw new AssertionError(file + " does not contain: " + from);
        }
        Files.writeString(path, text.replace(from, to));
    }

    /** Every file under {@code root} (an output folder) by relative path, with its text: two outputs compare equal when these do. */
    public static java.util.Map<String, String> files(Path root) throws IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    /** Writes one file of the site, creating its folders. */
    public static void writeFile(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Copies {@code from} to {@code to}, leaving out paths (relative to {@code from}) that {@code skip} accepts. */
    public static void copy(Path from, Path to, java.util.function.Predicate<Path> skip) {
        try (java.util.stream.Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path relative = from.relativize(source);
                if (!relative.toString().isEmpty() && skip.test(relative)) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
