package org.clinicbake.reliability;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture plus a clinic page, baked once (output A), then with one article changed
 * (so a new bake produces output B).
 * Features tested: the output folder is replaced atomically. A bake in another JVM, killed with
 * SIGKILL at any moment, leaves the output folder holding A or B exactly, never a mix; if the kill
 * falls between the two renames of the swap, A is kept beside it as {@code .out.previous}. The next
 * bake recovers: it publishes B and leaves no staging or previous folder behind. A bake that fails
 * with content errors, including one that starts from an interrupted swap, leaves the last output.
 */
class KillDuringBakeTest {

    private static final int TRIALS = 12;
    private static final int STRATIFIED_TRIALS = 8;
    private static final long SEED = 20261125L;
    private static final String OLD_TEXT = "A nerve block is a shot of numbing medicine.";
    private static final String NEW_TEXT = "A nerve block is a shot of numbing medicine near a nerve. CHANGED FOR OUTPUT B.";


    @TempDir
    Path temp;

    @Test
    void aBakeKilledAtAnyMomentLeavesTheOldOrTheNewOutputAndTheNextBakeRecovers() throws Exception {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + SiteFixture.CLINIC_PAGE);
        Path out = temp.resolve("out");
        Path referenceA = temp.resolve("reference-a");
        Path referenceB = temp.resolve("reference-b");

        assertPublished(ClinicBake.bake(site, out, SiteFixture.options()));
        SiteFixture.copy(out, referenceA, path -> false);
        changeTheArticle(site);
        // Baking B once also puts B's conversion in the site's cache, so the killed bakes below skip
        // JRuby and spend their time in what this test is about: rendering, writing and the swap.
        assertPublished(ClinicBake.bake(site, referenceB, SiteFixture.options()));
        assertTrue(OutputTrees.firstDifference(referenceA, referenceB).isPresent(), "A and B must differ");

        long duration = measureOneBake(site, temp.resolve("measured"), referenceB);
        Random random = new Random(SEED);
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> trials = new ArrayList<>();
        for (int trial = 0; trial < TRIALS; trial++) {
            resetTo(referenceA, out);
            Process bake = startBake(site, out, trial);
            String when;
            if (trial < STRATIFIED_TRIALS) {
                // Stratified over the measured duration (plus half, since bakes on a busy machine run
                // slower), so the kills cover start-up, rendering and publishing rather than clustering.
                long delay = (long) (duration * 1.5 * (trial + random.nextDouble()) / STRATIFIED_TRIALS);
                boolean ended = bake.waitFor(delay, TimeUnit.MILLISECONDS);
                when = ended ? "after it ended, before " + delay + " ms" : delay + " ms after start";
            } else {
                // Aimed at the end: the theme's assets are the last files written before the swap.
                long delayMicros = random.nextInt(40_000);
                boolean seen = awaitStagingWith(out, "css/site.css", bake);
                java.util.concurrent.locks.LockSupport.parkNanos(delayMicros * 1000);
                when = (seen ? delayMicros + " us after the assets were staged" : "after the bake ended");
            }
            bake.destroyForcibly();
            assertTrue(bake.waitFor(60, TimeUnit.SECONDS), "the killed bake ended");

            String trialName = "trial " + trial + " (killed " + when + ", exit " + bake.exitValue() + ")";
            String state = assertOldOrNewOrBetweenRenames(out, referenceA, referenceB, trialName);
            outcomes.merge(state, 1, Integer::sum);
            trials.add(trialName + ": " + state);

            assertPublished(ClinicBake.bake(site, out, SiteFixture.options()));
            OutputTrees.assertSameTree(referenceB, out, trialName + ": the bake after the kill publishes B");
            assertEquals(List.of(), leftovers(out), trialName + ": no staging or previous folder is left");
        }
        trials.forEach(line -> System.out.println("KillDuringBakeTest: " + line));
        System.out.println("KillDuringBakeTest: one bake takes " + duration + " ms; states right after the kill: " + outcomes);
    }

    @Test
    void theNextBakeRecoversFromAKillBetweenTheTwoRenamesOfTheSwap() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + SiteFixture.CLINIC_PAGE);
        Path out = temp.resolve("out");
        Path referenceA = temp.resolve("reference-a");
        assertPublished(ClinicBake.bake(site, out, SiteFixture.options()));
        SiteFixture.copy(out, referenceA, path -> false);

        // The state a kill leaves right after `out -> .out.previous`, before `staging -> out`.
        Path previous = temp.resolve(".out.previous");
        Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
        Path staging = Files.createDirectories(temp.resolve(".out.staging-1234567890"));
        Files.writeString(staging.resolve("index.html"), "<p>half-written");

        // A bake that fails first: the old output must come back, untouched.
        SiteFixture.write(site, "-- content/about.adoc --\n= About Us\n:jbake-type: nonsense\n");
        BakeResult failed = ClinicBake.bake(site, out, SiteFixture.options());
        assertFalse(failed.published());
        assertTrue(failed.errors().stream().anyMatch(d -> d.code().equals("header.unknown-type")), failed.errors()::toString);
        OutputTrees.assertSameTree(referenceA, out, "a failed bake after an interrupted swap restores A");
        assertEquals(List.of(), leftovers(out));

        // Interrupt the swap again; this time the bake succeeds and publishes the new site.
        Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
        SiteFixture.write(site, SiteFixture.CLINIC_PAGE.replace("We treat back and neck pain.", "We treat all kinds of pain."));
        assertPublished(ClinicBake.bake(site, out, SiteFixture.options()));
        assertTrue(Files.readString(out.resolve("about.html")).contains("We treat all kinds of pain."));
        assertEquals(List.of(), leftovers(out));
    }

    @Test
    void aBakeWithContentErrorsLeavesThePublishedOutputUntouched() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + SiteFixture.CLINIC_PAGE);
        Path out = temp.resolve("out");
        Path referenceA = temp.resolve("reference-a");
        assertPublished(ClinicBake.bake(site, out, SiteFixture.options()));
        SiteFixture.copy(out, referenceA, path -> false);

        changeTheArticle(site);
        SiteFixture.write(site, "-- content/about.adoc --\n= About Us\n:jbake-type: page\n:jbake-status: published\n"
                + ":jbake-date: 2026-02-30\n\nText.\n");
        BakeResult failed = ClinicBake.bake(site, out, SiteFixture.options());

        assertFalse(failed.published());
        assertEquals(List.of("content/about.adoc:4: error[header.invalid-date]: '2026-02-30' is not a date like 2026-01-31"),
                failed.diagnostics().stream().map(d -> d.format().lines().findFirst().orElseThrow()).toList());
        OutputTrees.assertSameTree(referenceA, out, "a failed bake leaves A");
        assertEquals(List.of(), leftovers(out));
    }

    /** Checks the state right after a kill; returns which of the allowed states it is. */
    private String assertOldOrNewOrBetweenRenames(Path out, Path referenceA, Path referenceB, String trial) {
        Path previous = out.resolveSibling(".out.previous");
        if (!Files.exists(out)) {
            assertTrue(Files.isDirectory(previous), trial + ": the output folder is gone and no .out.previous holds A");
            OutputTrees.assertSameTree(referenceA, previous, trial + ": with the output folder gone, .out.previous must be A");
            return "between-renames";
        }
        Optional<String> notA = OutputTrees.firstDifference(referenceA, out);
        if (notA.isEmpty()) {
            return "A";
        }
        Optional<String> notB = OutputTrees.firstDifference(referenceB, out);
        if (notB.isEmpty()) {
            // Killed while the old output was being deleted: a partial .out.previous may remain for the next bake.
            return Files.exists(previous) ? "B+previous" : "B";
        }
        fail(trial + ": the output folder is neither A nor B.\n  vs A: " + notA.get() + "\n  vs B: " + notB.get());
        return "mixed";
    }

    /** Waits until a staging folder beside {@code out} holds {@code file}; false if the bake ended first. */
    private static boolean awaitStagingWith(Path out, String file, Process bake) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (bake.isAlive() && System.nanoTime() < deadline) {
            try (var stagings = Files.newDirectoryStream(out.getParent(), "." + out.getFileName() + ".staging-*")) {
                for (Path staging : stagings) {
                    if (Files.exists(staging.resolve(file))) {
                        return true;
                    }
                }
            } catch (java.nio.file.NoSuchFileException | java.io.UncheckedIOException e) {
                // the staging folder moved while being listed
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
        return false;
    }

    /** Runs one bake in another JVM to the end; returns its wall time in milliseconds. */
    private long measureOneBake(Path site, Path out, Path referenceB) throws Exception {
        long started = System.nanoTime();
        Process bake = startBake(site, out, -1);
        assertTrue(bake.waitFor(180, TimeUnit.SECONDS), "the measured bake ended");
        long duration = (System.nanoTime() - started) / 1_000_000;
        assertEquals(0, bake.exitValue(), () -> "the measured bake succeeds: " + log(-1));
        OutputTrees.assertSameTree(referenceB, out, "the command line bakes the same site as ClinicBake.bake");
        return duration;
    }

    private Process startBake(Path site, Path out, int trial) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(),
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.base/java.io=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                "org.clinicbake.cli.Main", "bake", site.toString(), "-o", out.toString(), "--today", "2026-11-25"));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("bake-" + trial + ".log").toFile())
                .start();
    }

    private String log(int trial) {
        try {
            return Files.readString(temp.resolve("bake-" + trial + ".log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Puts output A back as the published output, with no leftovers from the previous trial. */
    private static void resetTo(Path referenceA, Path out) {
        OutputTrees.delete(out);
        for (String leftover : leftovers(out)) {
            OutputTrees.delete(out.resolveSibling(leftover));
        }
        SiteFixture.copy(referenceA, out, path -> false);
    }

    private static List<String> leftovers(Path out) {
        return OutputTrees.siblingsStartingWith(out.getParent(), "." + out.getFileName() + ".");
    }

    private static void changeTheArticle(Path site) throws IOException {
        Path article = site.resolve("content/procedures/nerve-block.adoc");
        String text = Files.readString(article);
        assertTrue(text.contains(OLD_TEXT));
        Files.writeString(article, text.replace(OLD_TEXT, NEW_TEXT));
    }

    private static void assertPublished(BakeResult result) {
        assertEquals(List.of(), result.errors());
        assertTrue(result.published(), "published");
    }
}
