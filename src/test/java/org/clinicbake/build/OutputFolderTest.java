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

    @Test
    void theOldOutputIsBackInPlaceWhenTheNewOneCannotBeMovedIn() throws Exception {
        Path out = Files.createDirectories(temp.resolve("out"));
        Files.writeString(out.resolve("index.html"), "old");
        Files.writeString(out.resolve(OutputFolder.MARKER), "");
        OutputFolder output = new OutputFolder(out, (from, to) -> {
            if (from.getFileName().toString().contains(".staging-")) {
                throw new java.nio.file.FileSystemException(from.toString(), to.toString(), "Operation not permitted");
            }
            Files.move(from, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        });
        Path staging = output.createStaging();
        Files.writeString(staging.resolve("index.html"), "new");

        org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> output.publish(staging));

        assertEquals("old", Files.readString(out.resolve("index.html")));
        assertFalse(Files.exists(temp.resolve(".out.previous")), "the old output was left beside the output folder");
    }

    @Test
    void aBakeWhoseOutputFolderCannotBeRenamedSaysSoAndLeavesTheOldOutput() throws Exception {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        Path out = temp.resolve("out");
        assertTrue(ClinicBake.bake(site, out, SiteFixture.options()).published());
        SiteFixture.edit(site, "content/procedures/nerve-block.adoc", "X-ray guidance", "ultrasound guidance");
        // An immutable folder cannot be renamed, even by root, whom permissions do not stop.
        org.junit.jupiter.api.Assumptions.assumeTrue(run("chattr", "+i", out.toString()), "chattr +i is not available here");
        BakeResult result;
        try {
            result = ClinicBake.bake(site, out, SiteFixture.options());
        } finally {
            run("chattr", "-i", out.toString());
        }

        assertFalse(result.published());
        assertEquals(java.util.List.of("output.unwritable"), result.errors().stream().map(org.clinicbake.diag.Diagnostic::code).toList());
        assertTrue(result.errors().get(0).format().startsWith(out + ": error[output.unwritable]: cannot put the new output in place"
                + " of the old one: "), result.errors().get(0).format());
        assertTrue(Files.readString(out.resolve("procedures/nerve-block.html")).contains("X-ray guidance"), "the old output is as it was");
        try (var beside = Files.list(temp)) {
            assertEquals(java.util.List.of("out", "site"), beside.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void anOutputFolderThatIsAMountPointIsRefusedBeforeBaking() throws Exception {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        Path out = Files.createDirectories(temp.resolve("out"));
        org.junit.jupiter.api.Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", out.toString()),
                "cannot mount a file system here");
        BakeResult result;
        try {
            result = ClinicBake.bake(site, out, SiteFixture.options());
        } finally {
            run("umount", "-l", out.toString());
        }

        assertFalse(result.published());
        assertEquals(java.util.List.of(out + ": error[output.unwritable]: the output folder is a mount point, which a bake cannot"
                + " replace: it publishes by renaming a new folder into its place"),
                result.errors().stream().map(problem -> problem.format().lines().findFirst().orElseThrow()).toList());
    }

    private static boolean run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
