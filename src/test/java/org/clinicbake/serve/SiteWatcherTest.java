package org.clinicbake.serve;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Site: a content folder with one subfolder, watched as {@code clinicbake serve} watches it; each change is one signal. */
class SiteWatcherTest {

    @TempDir
    Path site;
    final BlockingQueue<String> changes = new LinkedBlockingQueue<>();
    SiteWatcher watcher;

    @BeforeEach
    void watch() throws IOException {
        SiteFixture.writeFile(site.resolve("jbake.properties"), "site.host=https://clinic.example.org\n");
        SiteFixture.writeFile(site.resolve("content/guides/faq.adoc"), "= FAQ\n");
        watcher = new SiteWatcher(site, () -> changes.add("changed"));
    }

    @AfterEach
    void stop() throws IOException {
        watcher.close();
    }

    @Test
    void aFolderMadeInsideARenamedFolderIsWatched() throws Exception {
        Files.move(site.resolve("content/guides"), site.resolve("content/help"));
        settle();
        Files.createDirectory(site.resolve("content/help/after-surgery"));
        settle();

        // The watch service handed back the renamed folder's key under its old name, so the new
        // folder was looked for at content/guides/after-surgery, never watched, and saves in it never
        // reached the preview.
        SiteFixture.writeFile(site.resolve("content/help/after-surgery/walking.adoc"), "= Walking after surgery\n");
        assertNotNull(changes.poll(30, TimeUnit.SECONDS), "a new article in the new folder");
        drain();
        SiteFixture.writeFile(site.resolve("content/help/after-surgery/walking.adoc"), "= Walking after your surgery\n");
        assertNotNull(changes.poll(30, TimeUnit.SECONDS), "a save of it");
    }

    @Test
    void aFolderMovedIntoAnotherFolderOfTheSiteIsWatchedThere() throws Exception {
        Files.createDirectory(site.resolve("content/procedures"));
        settle();
        Files.move(site.resolve("content/guides"), site.resolve("content/procedures/guides"));
        settle();
        Files.createDirectory(site.resolve("content/procedures/guides/spine"));
        settle();

        SiteFixture.writeFile(site.resolve("content/procedures/guides/spine/injections.adoc"), "= Injections\n");
        assertNotNull(changes.poll(30, TimeUnit.SECONDS), "a new article in the new folder");
    }

    /** Waits for the change just made to be signalled, then for the signals to stop. */
    private void settle() throws InterruptedException {
        assertNotNull(changes.poll(30, TimeUnit.SECONDS), "the change was signalled");
        drain();
    }

    /** Waits for more signals of a change already seen (a write may give one or several) to stop. */
    private void drain() throws InterruptedException {
        while (changes.poll(500, TimeUnit.MILLISECONDS) != null) {
            // more signals of the same change
        }
    }
}
