package org.clinicbake.build;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bakes into one output folder take turns, whichever process runs them, and publish where the folder is. */
class OutputFolderTest {

    @TempDir
    Path temp;

    @Test
    void aSecondBakeIntoTheSameOutputWaitsForTheFirstToFinish() throws Exception {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        Path out = temp.resolve("out");
        OutputFolder output = new OutputFolder(out);
        org.clinicbake.BakeOptions options = SiteFixture.options(); // boots the shared Asciidoctor before the clock starts
        CompletableFuture<BakeResult> second;
        try (OutputFolder.Turn first = output.waitForTurn(site.resolve(".clinicbake/locks"))) {
            Path staging = output.createStaging(); // the first bake's work in progress
            second = CompletableFuture.supplyAsync(() -> {
                try {
                    return ClinicBake.bake(site, out, options);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

            Thread.sleep(1500);
            // Without turns, the second bake took this folder for a crashed bake's leftover and deleted it.
            assertFalse(second.isDone(), "the second bake did not wait");
            assertTrue(Files.isDirectory(staging), "the first bake's staging folder was deleted under it");
            org.clinicbake.io.FileTrees.delete(staging);
        }

        BakeResult result = second.get(2, TimeUnit.MINUTES);
        assertTrue(result.published(), result.diagnostics()::toString);
        assertEquals(java.util.List.of(), result.diagnostics());
    }

    @Test
    void anOutputThatIsALinkToAFolderIsBakedIntoThatFolderAndStaysALink() throws Exception {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        Path served = Files.createDirectories(temp.resolve("www/clinic")); // the folder a web server reads
        Path out = Files.createSymbolicLink(temp.resolve("out"), served);

        BakeResult first = ClinicBake.bake(site, out, SiteFixture.options());
        SiteFixture.edit(site, "content/procedures/nerve-block.adoc", "X-ray guidance", "ultrasound guidance");
        BakeResult second = ClinicBake.bake(site, out, SiteFixture.options());

        assertTrue(first.published() && second.published(), second.diagnostics()::toString);
        assertTrue(Files.isSymbolicLink(out), "the link was replaced by a folder");
        assertTrue(Files.readString(served.resolve("procedures/nerve-block.html")).contains("ultrasound guidance"),
                "the linked folder still has the first bake's page");
    }
}
