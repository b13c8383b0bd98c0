package org.clinicbake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feature tested: a site file's content hash is taken again only when its size, time stamp or
 * file (inode) changed since the last bake, and never trusted for a file written just before it
 * was hashed.
 * "Same stamp, other bytes" is made on purpose here (written, then its time stamp set back), to
 * tell a remembered hash from a new one.
 */
class FileHashesTest {

    private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));

    @TempDir
    Path site;
    Path article;

    @BeforeEach
    void writeArticle() throws IOException {
        article = site.resolve("content/a.adoc");
        Files.createDirectories(article.getParent());
        Files.writeString(article, "= One\n");
        Files.setLastModifiedTime(article, AN_HOUR_AGO);
    }

    @Test
    void theHashIsTheFilesSha256() throws IOException {
        assertEquals(Fingerprint.CONTENT.of(article, attributes(article)), hash(FileHashes.of(site), article));
    }

    @Test
    void aFileWithTheSameStampIsNotHashedAgain() throws IOException {
        String first = remembered(article);

        rewriteKeepingStamp(article, "= Two\n");

        assertEquals(first, hash(FileHashes.of(site), article), "the stamp did not change, so the remembered hash is used");
        assertNotEquals(first, Fingerprint.CONTENT.of(article, attributes(article)));
    }

    @Test
    void aNewTimeStampOrSizeMeansANewHash() throws IOException {
        String first = remembered(article);

        Files.writeString(article, "= Two\n");
        Files.setLastModifiedTime(article, FileTime.from(AN_HOUR_AGO.toInstant().plusSeconds(1)));
        String second = hash(FileHashes.of(site), article);
        assertNotEquals(first, second, "the time stamp changed");

        Files.writeString(article, "= Three, longer\n");
        Files.setLastModifiedTime(article, FileTime.from(AN_HOUR_AGO.toInstant().plusSeconds(1)));
        assertNotEquals(second, hash(FileHashes.of(site), article), "the size changed");
    }

    @Test
    void aFileReplacedByAnotherWithTheSameSizeAndTimeStampIsHashedAgain() throws IOException {
        String first = remembered(article);
        FileTime stamp = Files.getLastModifiedTime(article);

        Path replacement = site.resolve("content/a.adoc.new");
        Files.writeString(replacement, "= Two\n");
        Files.setLastModifiedTime(replacement, stamp);
        Files.move(replacement, article, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        org.junit.jupiter.api.Assumptions.assumeTrue(attributes(article).fileKey() != null, "the file system tells files apart");
        assertNotEquals(first, hash(FileHashes.of(site), article), "a new file, as an editor's save by rename makes");
    }

    @Test
    void aFileWrittenJustBeforeItWasHashedIsHashedAgainNextTime() throws IOException {
        Files.writeString(article, "= Now\n");
        remembered(article);

        rewriteKeepingStamp(article, "= Not\n");

        assertEquals(Fingerprint.CONTENT.of(article, attributes(article)), hash(FileHashes.of(site), article),
                "a stamp taken within two seconds of the hash could hide a second write, so it is not trusted");
    }

    @Test
    void filesNoLongerAskedForAreForgotten() throws IOException {
        Path other = site.resolve("content/b.adoc");
        Files.writeString(other, "= B\n");
        Files.setLastModifiedTime(other, AN_HOUR_AGO);
        FileHashes first = FileHashes.of(site);
        hash(first, article);
        hash(first, other);
        first.save();

        FileHashes second = FileHashes.of(site);
        hash(second, article);
        second.save();

        String saved = Files.readString(site.resolve(".clinicbake/hashes"));
        assertTrue(saved.contains("content/a.adoc"), saved);
        assertFalse(saved.contains("content/b.adoc"), saved);
    }

    @Test
    void aNameWithALineBreakIsNeverWrittenSoItCannotForgeAnEntry() throws IOException {
        Path target = site.resolve("b.adoc");
        Files.writeString(target, "= B\n");
        Files.setLastModifiedTime(target, AN_HOUR_AGO);
        BasicFileAttributes stamp = attributes(target);
        String forgedLine = stamp.size() + " " + stamp.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS) + " "
                + String.valueOf(stamp.fileKey()).replace(' ', '_') + " forged b.adoc";
        Path odd;
        try {
            odd = Files.writeString(site.resolve("odd\n" + forgedLine), "= Odd\n");
        } catch (IOException | java.nio.file.InvalidPathException e) {
            org.junit.jupiter.api.Assumptions.abort("the file system refuses line breaks in names");
            return;
        }
        Files.setLastModifiedTime(odd, AN_HOUR_AGO);
        FileHashes hashes = FileHashes.of(site);
        String real = hash(hashes, target);
        hash(hashes, odd);
        hashes.save();

        assertEquals(real, hash(FileHashes.of(site), target), "the other file's name did not become an entry");
    }

    @Test
    void anUnreadableFileOfHashesOnlyCostsHashing() throws IOException {
        Files.createDirectories(site.resolve(".clinicbake"));
        Files.writeString(site.resolve(".clinicbake/hashes"), "clinicbake-hashes-2\nnot a number 1234 content/a.adoc\n");

        assertEquals(Fingerprint.CONTENT.of(article, attributes(article)), hash(FileHashes.of(site), article));
    }

    /** Hashes the file with a fresh instance and saves, as a bake does. */
    private String remembered(Path file) throws IOException {
        FileHashes hashes = FileHashes.of(site);
        String hash = hash(hashes, file);
        hashes.save();
        return hash;
    }

    private static String hash(FileHashes hashes, Path file) throws IOException {
        return (String) hashes.of(file, attributes(file));
    }

    private static void rewriteKeepingStamp(Path file, String sameLength) throws IOException {
        FileTime stamp = Files.getLastModifiedTime(file);
        assertEquals(Files.size(file), sameLength.length());
        Files.writeString(file, sameLength);
        Files.setLastModifiedTime(file, stamp);
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class);
    }
}
