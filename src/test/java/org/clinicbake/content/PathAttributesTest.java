package org.clinicbake.content;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sites: the minimal fixture site with a clinic page that writes the intrinsic attributes
 * {@code {docdir}}, {@code {docfile}} and {@code {user-home}}, in its text, in an AsciiDoc table cell
 * (a document of its own to Asciidoctor) and in a file it includes, beside includes, images,
 * {@code :imagesdir:} and {@code :data-uri:} relative to the page, some of them written with
 * {@code {docdir}}. Features tested: the pages show {@code .}, the page's path in the site and
 * {@code ~}, never a folder of the computer that baked them; includes and images still resolve from
 * the page's folder; and the same site baked from two folders gives byte-identical output.
 */
class PathAttributesTest {

    /** Each attribute between markers, so that a test reads exactly what it shows. */
    private static final String SHOWN = "Folder [{docdir}], file [{docfile}], home [{user-home}].";

    private static final String PAGE_PATHS = "Folder [.], file [content/visit/where.adoc], home [~].";

    /** A clinic page (no reading-level rule to trip over the long paths) in a folder of its own, with {@code body} as its text. */
    private static String site(String header, String body, String moreFiles) {
        return MINIMAL_SITE + """
                -- content/visit/where.adoc --
                = Where to Find Us
                :jbake-type: page
                :jbake-status: published
                :jbake-date: 2026-01-05
                """ + header + "\n" + body + "\n" + moreFiles;
    }

    @TempDir
    Path temp;

    @Test
    void aPageShowsPathsOfTheSiteAndNoFolderOfTheComputer() throws IOException {
        String site = site("", SHOWN + "\n\n"
                + "[cols=1a,options=header]\n|===\n|Where\n|" + SHOWN + "\n|===\n\n"
                + "include::partials/where.adoc[]\n", """
                -- content/visit/partials/.jbakeignore --
                -- content/visit/partials/where.adoc --
                Included: Folder [{docdir}], file [{docfile}], home [{user-home}].
                """);

        BakeResult result = bake(temp.resolve("a"), site);

        String page = Files.readString(result.outputDir().resolve("visit/where.html"));
        // The text, the table cell (a document of its own) and the included file all read the attributes.
        assertEquals(3, occurrences(page, PAGE_PATHS), page);
        assertTrue(page.contains("Included: " + PAGE_PATHS), page);
        assertNoMachinePath(result.outputDir(), temp.resolve("a"));
    }

    @Test
    void pathsWrittenWithDocdirStillResolveFromThePagesFolder() throws IOException {
        String site = MINIMAL_SITE + SiteFixture.CLINIC_PAGE
                .replace(":description: Who we are.", ":description: Who we are.\n:imagesdir: {docdir}/images")
                .replace("We treat back and neck pain.", "We treat back and neck pain.\n\n" + SHOWN
                        + "\n\ninclude::{docdir}/partials/team.adoc[]\n\nimage::team.png[Our team at the front desk]") + """
                -- content/partials/.jbakeignore --
                -- content/partials/team.adoc --
                Our nurses answer the phone.
                -- content/images/team.png --
                not really a picture
                """;

        BakeResult result = bake(temp.resolve("a"), site);

        String page = Files.readString(result.outputDir().resolve("about.html"));
        assertTrue(page.contains("Folder [.], file [content/about.adoc], home [~]."), page);
        assertTrue(page.contains("Our nurses answer the phone."), page);
        // Relative, so the published page finds the image the bake copied beside it.
        assertTrue(page.contains("<img src=\"./images/team.png\" alt=\"Our team at the front desk\">"), page);
        assertTrue(Files.isRegularFile(result.outputDir().resolve("images/team.png")));
        assertNoMachinePath(result.outputDir(), temp.resolve("a"));
    }

    @Test
    void includesAndImagesStillResolveFromThePagesFolder() throws IOException {
        String site = site(":imagesdir: images\n", SHOWN + "\n\ninclude::partials/steps.adoc[]\n\n"
                + "image::map.png[A map of the car park]\n", """
                -- content/visit/partials/.jbakeignore --
                -- content/visit/partials/steps.adoc --
                Park in the lot behind the clinic.
                -- content/visit/images/map.png --
                not really a picture
                """);

        BakeResult result = bake(temp.resolve("a"), site);

        String page = Files.readString(result.outputDir().resolve("visit/where.html"));
        assertTrue(page.contains("Park in the lot behind the clinic."), page);
        assertTrue(page.contains("<img src=\"images/map.png\" alt=\"A map of the car park\">"), page);
        assertTrue(Files.isRegularFile(result.outputDir().resolve("visit/images/map.png")));
        assertTrue(page.contains(PAGE_PATHS), page);
        assertNoMachinePath(result.outputDir(), temp.resolve("a"));
    }

    @Test
    void anImageEmbeddedWithDataUriIsStillReadFromThePagesFolder() throws IOException {
        String site = site(":data-uri:\n:imagesdir: images\n", SHOWN + "\n\nimage::map.png[A map of the car park]\n", """
                -- content/visit/images/map.png --
                not really a picture
                """);

        BakeResult result = bake(temp.resolve("a"), site);

        String page = Files.readString(result.outputDir().resolve("visit/where.html"));
        String embedded = "data:image/png;base64,"
                + Base64.getEncoder().encodeToString("not really a picture\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(page.contains("<img src=\"" + embedded + "\""), page);
        assertTrue(page.contains(PAGE_PATHS), page);
        assertNoMachinePath(result.outputDir(), temp.resolve("a"));
    }

    @Test
    void theSameSiteBakedFromTwoFoldersGivesByteIdenticalPages() throws IOException {
        String site = site("", SHOWN + "\n\ninclude::partials/steps.adoc[]\n", """
                -- content/visit/partials/.jbakeignore --
                -- content/visit/partials/steps.adoc --
                Park in the lot behind the clinic, in {docdir}.
                """);

        BakeResult here = bake(temp.resolve("a"), site);
        BakeResult there = bake(temp.resolve("elsewhere/checkout-two"), site);

        Map<String, byte[]> first = files(here.outputDir());
        Map<String, byte[]> second = files(there.outputDir());
        assertTrue(first.containsKey("visit/where.html"), first::toString);
        assertEquals(first.keySet(), second.keySet());
        for (String file : first.keySet()) {
            assertArrayEquals(first.get(file), second.get(file), file);
        }
    }

    /** Bakes the fixture under {@code folder}, failing on any diagnostic: these articles are all valid. */
    private static BakeResult bake(Path folder, String txtar) throws IOException {
        Path site = SiteFixture.write(folder.resolve("site"), txtar);
        BakeResult result = ClinicBake.bake(site, folder.resolve("out"), SiteFixture.options());
        assertEquals(List.of(), SiteFixture.firstLines(result));
        assertTrue(result.published());
        return result;
    }

    /** No output file names the folder the site was baked in, however the path is spelt, nor the home folder. */
    private static void assertNoMachinePath(Path output, Path folder) throws IOException {
        List<String> paths = Stream.of(folder.toAbsolutePath().toString(), folder.toRealPath().toString(),
                System.getProperty("user.home")).filter(path -> path.length() > 1).distinct().toList();
        for (Map.Entry<String, byte[]> file : files(output).entrySet()) {
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            for (String path : paths) {
                assertFalse(text.contains(path), () -> file.getKey() + " shows " + path);
            }
        }
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    @Test
    void theClockAttributesShowTheBakesDayInTheSiteTimeZoneSoTwoBakesAreByteIdentical() throws Exception {
        String clock = "Printed [{localdate}] [{localtime}] [{localyear}], file [{docdate}] [{doctime}] [{docdatetime}].";
        String site = site(":description: Where we are.\n", clock, "").replace("site.host=https://clinic.example.org",
                "site.host=https://clinic.example.org\nsite.timezone=America/Los_Angeles");

        BakeResult first = SiteFixture.bake(temp.resolve("first"), site);
        Thread.sleep(1100); // a second later, as a second bake of the same site
        BakeResult second = SiteFixture.bake(temp.resolve("second"), site);
        BakeResult ownDate = SiteFixture.bake(temp.resolve("own"), site.replace(":description: Where we are.\n",
                ":description: Where we are.\n:docdate: 2026-05-01\n"));

        assertTrue(first.published() && second.published() && ownDate.published(), second.diagnostics()::toString);
        String page = Files.readString(temp.resolve("first/out/visit/where.html"));
        // The day of SiteFixture's clock in the site's zone, from its start: -0800 in November.
        assertTrue(page.contains("Printed [2026-11-27] [00:00:00 -0800] [2026], file [2026-11-27] [00:00:00 -0800]"
                + " [2026-11-27 00:00:00 -0800]."), page);
        assertEquals(page, Files.readString(temp.resolve("second/out/visit/where.html")));
        assertTrue(Files.readString(temp.resolve("own/out/visit/where.html")).contains("file [2026-05-01]"), "an article's own :docdate: wins");
        // The next day the page says so: its conversion is not taken from the cache.
        ClinicBake.bake(temp.resolve("first/site"), temp.resolve("first/out"), SiteFixture.options().withToday(SiteFixture.TODAY.plusDays(1)));
        assertTrue(Files.readString(temp.resolve("first/out/visit/where.html")).contains("Printed [2026-11-28]"), "cached from the day before");
    }
}
