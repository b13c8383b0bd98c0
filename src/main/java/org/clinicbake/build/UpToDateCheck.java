package org.clinicbake.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.clinicbake.BakeOptions;
import org.clinicbake.content.ArticleReadability;
import org.clinicbake.diag.Diagnostic;

/**
 * Whether the output folder already holds what this bake would write, as {@code make} and Gradle
 * ask before doing work: the same site files (compared by content), the same ClinicBake and Java,
 * the same options and day (review dates depend on it), and an output folder no one has changed
 * since. Then the bake is skipped, and the problems the last bake found are reported again, so an
 * up-to-date bake says exactly what the full one said.
 *
 * <p>What the last bake recorded is kept in {@code .clinicbake/bakes/} in the site folder, one file
 * per output folder. A failed bake removes it, so the next bake always runs in full.
 */
final class UpToDateCheck {

    private static final String FORMAT = "clinicbake-up-to-date-1";

    /** What a successful bake recorded. */
    record Recorded(String inputs, String output, int pages, List<Diagnostic> diagnostics,
                    List<ArticleReadability> readability) {
    }

    private final Path siteDir;
    private final Path outputDir;
    private final BakeOptions options;
    private final RecordFile<Recorded> record;
    private String inputs;
    private FileHashes fileHashes;
    private Properties settings;

    UpToDateCheck(Path siteDir, Path outputDir, BakeOptions options) {
        this.siteDir = siteDir;
        this.outputDir = outputDir;
        this.options = options;
        Fingerprint name = new Fingerprint().add(outputDir.toString());
        this.record = new RecordFile<>(siteDir.resolve(".clinicbake/bakes").resolve(name.hex().substring(0, 16) + ".json"),
                Recorded.class);
    }

    /** What the last bake recorded, when nothing it depended on changed since. */
    Optional<Recorded> unchanged() {
        Optional<Recorded> last = Files.isDirectory(outputDir) ? record.read() : Optional.empty();
        try {
            return last.isPresent() && last.get().inputs().equals(inputs()) && last.get().output().equals(outputStamp())
                    ? last : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable input only costs a full bake
        }
    }

    /** Records a published bake: its inputs as read before it started, and the output as it is now. */
    void remember(int pages, List<Diagnostic> diagnostics, List<ArticleReadability> readability) {
        try {
            record.write(new Recorded(inputs(), outputStamp(), pages, diagnostics, readability));
        } catch (IOException | RuntimeException e) {
            forget();
        }
    }

    /** After a failed bake: the next one runs in full. */
    void forget() {
        record.delete();
    }

    /**
     * Everything a bake reads, fingerprinted: the site's files by content (hashed again only when
     * their stamp changed, see {@link FileHashes}; hidden folders such as {@code .clinicbake} and
     * {@code .git}, and the output folder, left out), ClinicBake's class path by size and time, the
     * Java version, the options, today in the site's time zone, and the owner and permissions a new
     * file gets. Taken once, before the bake reads
     * anything, so a file saved during the bake makes the next one run.
     */
    synchronized String inputs() throws IOException {
        if (inputs == null) {
            Properties settings = settings();
            Fingerprint fingerprint = new Fingerprint()
                    .add(FORMAT)
                    .add(System.getProperty("java.version"))
                    .add(options.includeDrafts())
                    .add(options.outputChecks())
                    .add(today(settings).toString())
                    .add(outputDir.toString())
                    .add(newFileOwnership());
            fingerprint.addClassPath();
            fingerprint.addFiles(siteDir, siteDir, false, path -> !path.equals(outputDir), fileHashes());
            inputs = fingerprint.hex();
            fileHashes().save();
        }
        return inputs;
    }

    /** The site files' content hashes, taken again only for files whose stamp changed (shared with {@link PageMemory}). */
    synchronized FileHashes fileHashes() {
        if (fileHashes == null) {
            fileHashes = FileHashes.of(siteDir);
        }
        return fileHashes;
    }

    /** Whether the site asked for every bake to start from nothing ({@code clinicbake.cache=false}). */
    boolean enabled() throws IOException {
        return SiteBuild.cacheEnabled(settings().getProperty("clinicbake.cache", "true"));
    }

    /**
     * Another umask, user or group writes every page with other permissions or owner; were the bake
     * skipped, the output would keep the old ones (a site baked once under umask 077 stayed unreadable
     * to the web server). Read where the staging folder will be made; where no file can be made
     * there, the bake fails when it makes its staging folder, and says why.
     */
    private String newFileOwnership() {
        try {
            return String.valueOf(new java.util.TreeMap<>(java.util.Objects.requireNonNullElse(
                    StagedFiles.newFileOwnership(outputDir.getParent()), java.util.Map.of())));
        } catch (IOException e) {
            return "unknown";
        }
    }

    private String outputStamp() throws IOException {
        return new Fingerprint().addFiles(outputDir, outputDir, true, path -> true, Fingerprint.STAMP).hex();
    }

    private synchronized Properties settings() {
        if (settings == null) {
            settings = SiteConfigLoader.readSiteFile(siteDir);
        }
        return settings;
    }

    private LocalDate today(Properties settings) {
        ZoneId zone = SiteConfiguration.zoneNamed(settings.getProperty("site.timezone")).orElse(java.time.ZoneOffset.UTC);
        return LocalDate.now(options.clock().withZone(zone));
    }
}
