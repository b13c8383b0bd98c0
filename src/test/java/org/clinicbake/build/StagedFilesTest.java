package org.clinicbake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feature tested: a bake's page with the bytes the output it replaces already holds becomes that
 * file (a hard link), made once every writer is done; the output being replaced is never written to.
 */
class StagedFilesTest {

    @TempDir
    Path temp;
    Path published;
    Path staging;

    @BeforeEach
    void publishTwoPages() throws IOException {
        published = Files.createDirectories(temp.resolve("out"));
        staging = Files.createDirectories(temp.resolve(".out.staging"));
        Files.createDirectories(published.resolve("articles"));
        Files.writeString(published.resolve("articles/sciatica.html"), "<p>Sciatica</p>");
        Files.writeString(published.resolve("about.html"), "<p>About us</p>");
    }

    @Test
    void aPageWithThePublishedBytesBecomesThePublishedFile() throws IOException {
        StagedFiles files = new StagedFiles(published);
        files.write(staging, "articles/sciatica.html", bytes("<p>Sciatica</p>"));
        assertFalse(Files.exists(staging.resolve("articles/sciatica.html")), "linked only once the writers are done");

        files.linkUnchanged(staging);

        assertEquals(fileKey(published.resolve("articles/sciatica.html")), fileKey(staging.resolve("articles/sciatica.html")));
    }

    @Test
    void aChangedPageIsANewFileAndThePublishedOneStaysAsItWas() throws IOException {
        StagedFiles files = new StagedFiles(published);
        files.write(staging, "about.html", bytes("<p>About our clinic</p>"));
        files.write(staging, "articles/sciatica.html", bytes("<p>Sciatica.</p>"));
        files.linkUnchanged(staging);

        assertNotEquals(fileKey(published.resolve("about.html")), fileKey(staging.resolve("about.html")));
        assertEquals("<p>About our clinic</p>", Files.readString(staging.resolve("about.html")));
        assertEquals("<p>About us</p>", Files.readString(published.resolve("about.html")));
        assertEquals("<p>Sciatica</p>", Files.readString(published.resolve("articles/sciatica.html")), "same length, other bytes");
    }

    @Test
    void aLaterWriterAtTheSamePathWinsWithoutWritingIntoThePublishedFile() throws IOException {
        StagedFiles files = new StagedFiles(published);
        files.write(staging, "about.html", bytes("<p>About us</p>"));
        // JBake renders a site-wide page by opening its path and truncating whatever is there.
        try (FileOutputStream later = new FileOutputStream(staging.resolve("about.html").toFile())) {
            later.write(bytes("<p>Home</p>"));
        }
        files.linkUnchanged(staging);

        assertEquals("<p>Home</p>", Files.readString(staging.resolve("about.html")));
        assertEquals("<p>About us</p>", Files.readString(published.resolve("about.html")));
    }

    @Test
    void anUnchangedPageWhosePermissionsAreNotThoseOfANewFileIsWrittenAnewWithThem() throws IOException {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> anew =
                Files.getPosixFilePermissions(Files.writeString(temp.resolve("new.html"), "new"));
        // As a bake under another umask (077, say) left it.
        java.util.Set<java.nio.file.attribute.PosixFilePermission> other = java.util.EnumSet.copyOf(anew);
        if (!other.remove(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
            other.add(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
        }
        Files.setPosixFilePermissions(published.resolve("about.html"), other);
        StagedFiles files = new StagedFiles(published);
        files.write(staging, "about.html", bytes("<p>About us</p>"));
        files.write(staging, "articles/sciatica.html", bytes("<p>Sciatica</p>"));
        files.keep("articles/sciatica.html", published.resolve("articles/sciatica.html"));
        files.linkUnchanged(staging);

        assertEquals(anew, Files.getPosixFilePermissions(staging.resolve("about.html")));
        assertEquals("<p>About us</p>", Files.readString(staging.resolve("about.html")));
        assertNotEquals(fileKey(published.resolve("about.html")), fileKey(staging.resolve("about.html")));
        assertEquals(other, Files.getPosixFilePermissions(published.resolve("about.html")), "the published file is as it was");
        assertEquals(fileKey(published.resolve("articles/sciatica.html")), fileKey(staging.resolve("articles/sciatica.html")),
                "a page with the permissions of a new file is still linked");
        try (var left = Files.list(staging)) {
            assertEquals(java.util.List.of("about.html", "articles"),
                    left.map(path -> path.getFileName().toString()).sorted().toList(), "nothing else is left in staging");
        }
    }

    @Test
    void aPageWrittenAgainWithOtherBytesIsNotLinkedAfterwards() throws IOException {
        StagedFiles files = new StagedFiles(published);
        files.write(staging, "about.html", bytes("<p>About us</p>"));
        files.write(staging, "about.html", bytes("<p>Edited</p>"));
        files.linkUnchanged(staging);

        assertEquals("<p>Edited</p>", Files.readString(staging.resolve("about.html")));
        assertNotEquals(fileKey(published.resolve("about.html")), fileKey(staging.resolve("about.html")));
    }

    @Test
    void aPublishedLinkIsNotFollowedAndWithoutAnOutputEveryPageIsWritten() throws IOException {
        Path elsewhere = Files.writeString(temp.resolve("elsewhere.html"), "<p>Sciatica</p>");
        Files.delete(published.resolve("articles/sciatica.html"));
        Files.createSymbolicLink(published.resolve("articles/sciatica.html"), elsewhere);
        StagedFiles files = new StagedFiles(published);
        files.write(staging, "articles/sciatica.html", bytes("<p>Sciatica</p>"));
        files.linkUnchanged(staging);
        assertNotEquals(fileKey(elsewhere), fileKey(staging.resolve("articles/sciatica.html")));
        assertFalse(Files.isSymbolicLink(staging.resolve("articles/sciatica.html")));

        Path fresh = Files.createDirectories(temp.resolve("fresh"));
        StagedFiles first = StagedFiles.writtenAnew();
        first.write(fresh, "about.html", bytes("<p>About us</p>"));
        first.linkUnchanged(fresh);
        assertEquals("<p>About us</p>", Files.readString(fresh.resolve("about.html")));
        assertNotEquals(fileKey(published.resolve("about.html")), fileKey(fresh.resolve("about.html")));
    }

    @Test
    void aFileAnotherWriterPutThereWithThePublishedBytesBecomesThePublishedFile() throws IOException {
        // As JBake's renderers write the home page and ThemeAssets copies a stylesheet: straight into staging.
        Files.writeString(published.resolve("index.html"), "<p>Home</p>");
        Files.writeString(staging.resolve("index.html"), "<p>Home</p>");
        Files.writeString(staging.resolve("about.html"), "<p>About them</p>");
        Files.createDirectories(published.resolve("css"));
        Files.writeString(published.resolve("css/site.css"), "p { margin: 0 }");
        Files.setPosixFilePermissions(published.resolve("css/site.css"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(staging.resolve("css"));
        Files.writeString(staging.resolve("css/site.css"), "p { margin: 0 }");

        new StagedFiles(published).linkUnchanged(staging);

        assertEquals(fileKey(published.resolve("index.html")), fileKey(staging.resolve("index.html")));
        assertNotEquals(fileKey(published.resolve("about.html")), fileKey(staging.resolve("about.html")), "other bytes");
        assertEquals("<p>About them</p>", Files.readString(staging.resolve("about.html")));
        assertEquals("<p>About us</p>", Files.readString(published.resolve("about.html")));
        assertNotEquals(fileKey(published.resolve("css/site.css")), fileKey(staging.resolve("css/site.css")),
                "the published file has other permissions than a new one");
        try (java.util.stream.Stream<Path> left = Files.list(staging)) {
            assertEquals(java.util.List.of("about.html", "css", "index.html"),
                    left.map(path -> path.getFileName().toString()).sorted().toList(), "no link left under another name");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }
}
