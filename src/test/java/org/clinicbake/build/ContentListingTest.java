package org.clinicbake.build;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import org.clinicbake.content.ConversionCache;
import org.clinicbake.data.SiteDataLoader;
import org.clinicbake.diag.Diagnostics;
import org.clinicbake.render.Theme;
import org.clinicbake.testing.SiteFixture;
import org.jbake.app.FileUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture plus a content folder with every kind of entry JBake's crawler treats
 * specially (hidden files and folders, an ignored folder, unknown extensions, links to a file and to
 * a folder). Feature tested: the one-pass listing takes the files JBake's own filter takes, in the
 * same order, and stamps the same other files as a walk of the folder.
 */
class ContentListingTest {

    @TempDir
    Path temp;

    @Test
    void takesTheFilesJBakesFilterTakesAndStampsTheOthers() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE);
        Path content = site.resolve("content");
        String article = Files.readString(content.resolve("procedures/nerve-block.adoc"));
        write(content.resolve("b/second.adoc"), article);
        write(content.resolve("b/a-first.asciidoc"), article);
        write(content.resolve("b/notes.txt"), "not content");
        write(content.resolve("b/picture.svg"), "<svg/>");
        write(content.resolve(".hidden.adoc"), article);
        write(content.resolve(".drafts/in-hidden-folder.adoc"), article);
        write(content.resolve("ignored/.jbakeignore"), "");
        write(content.resolve("ignored/left-out.adoc"), article);
        write(content.resolve("ignored/image.png"), "png");
        write(content.resolve("data.yml"), "a: 1\n");
        Files.createSymbolicLink(content.resolve("linked.adoc"), content.resolve("b/second.adoc"));
        Files.createSymbolicLink(content.resolve("loop"), content);

        SiteConfiguration config = new SiteConfigLoader(new Diagnostics()).load(site, temp.resolve("out")).orElseThrow();
        Diagnostics diagnostics = new Diagnostics();
        try (BuildSession session = new BuildSession(site, config, new SiteDataLoader(diagnostics).load(site),
                Theme.forSite(site, "default"), diagnostics, SiteFixture.options(), new PhaseTimes(),
                new ConversionCache(null, ""), AsciidoctorBoot.of(SiteFixture.options()), Plugins.load(getClass().getClassLoader(), diagnostics).orElseThrow())) {
            OvenRun.useClinicBakeEngines();
            ContentListing listing = ContentListing.of(config);

            assertEquals(jbakeCrawlOrder(config, config.getContentFolder()), listing.files());
            assertTrue(listing.files().stream().anyMatch(file -> file.getPath().contains(".drafts")),
                    "JBake enters hidden folders (its filter tests the name of files only)");
            assertEquals(walkedStamps(site, content), listing.otherStamps(site));
            assertEquals(List.of("content/loop: warning[content.symlink-skipped]: a link to a folder is not followed"),
                    diagnostics.all().stream().map(found -> found.format().lines().findFirst().orElseThrow()).toList());
            for (File file : listing.files()) {
                assertEquals(Files.getLastModifiedTime(file.toPath()), listing.attributes(file).lastModifiedTime());
            }
        }
    }

    /** JBake's crawler: its file filter, folders sorted, links to folders left out (ClinicBake's rule). */
    private static List<File> jbakeCrawlOrder(SiteConfiguration config, File folder) {
        List<File> files = new ArrayList<>();
        File[] entries = folder.listFiles(FileUtil.getFileFilter(config));
        Arrays.sort(entries);
        for (File entry : entries) {
            if (entry.isFile()) {
                files.add(entry);
            } else if (entry.isDirectory() && !Files.isSymbolicLink(entry.toPath())) {
                files.addAll(jbakeCrawlOrder(config, entry));
            }
        }
        return files;
    }

    /** The content folder's files but articles and hidden ones, stamped as a walk of the site stamps files. */
    private static SortedMap<String, Object> walkedStamps(Path site, Path content) throws IOException {
        Set<String> articles = Set.of("adoc", "asciidoc", "ad");
        return new TreeMap<>(Fingerprint.files(content, site, false,
                path -> !articles.contains(path.getFileName().toString().replaceFirst("^.*\\.", "")), Fingerprint.STAMP));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
