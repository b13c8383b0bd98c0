package org.clinicbake.build;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.commons.io.FilenameUtils;
import org.clinicbake.content.AsciidocEngine;
import org.jbake.parser.Engines;

/**
 * One look at the content folder, with one file-system call per entry: the files JBake's crawler
 * takes (in its order, by its rules), the attributes each was seen with, and the stamps of the
 * other files (images, data...) that a page's render context depends on.
 *
 * <p>JBake's own file filter asks the file system two to four times per entry, and the preview then
 * asked again for each file's time stamp and walked the folder once more for the render context;
 * on a 1,000-article site that was most of a text edit's rebuild.
 *
 * <p>JBake's rules, kept: names starting with a dot are left out, except that folders are entered
 * whatever their name; a folder holding the ignore file ({@code .jbakeignore}) is left out; only
 * files with an extension some engine reads are taken. ClinicBake's rule: a link to a folder is not
 * followed (it can lead back to itself), and is reported.
 */
final class ContentListing {

    private final List<File> files = new ArrayList<>();
    private final Map<Path, BasicFileAttributes> seen = new HashMap<>();
    private final SortedMap<String, Object> otherStamps = new TreeMap<>();

    private ContentListing() {
    }

    /** Lists the content folder of {@code config}, reporting links to folders as warnings. */
    static ContentListing of(SiteConfiguration config) {
        ContentListing listing = new ContentListing();
        Path root = config.getContentFolder().toPath();
        if (Files.isDirectory(root)) {
            listing.visit(root, config, true, false, true);
        }
        return listing;
    }

    /** The files to crawl, in JBake's sorted order. */
    List<File> files() {
        return files;
    }

    /** The attributes a crawled file was listed with, or null. */
    BasicFileAttributes attributes(File file) {
        return seen.get(file.toPath());
    }

    /**
     * The stamp of every file in the content folder but articles and hidden ones, by path relative
     * to {@code siteDir}, as {@link Fingerprint#STAMP} describes files.
     */
    SortedMap<String, Object> otherStamps(Path siteDir) {
        SortedMap<String, Object> relative = new TreeMap<>();
        otherStamps.forEach((path, stamp) -> relative.put(
                siteDir.relativize(Path.of(path).toAbsolutePath().normalize()).toString(), stamp));
        return relative;
    }

    private static void unreadableName(SiteConfiguration config, Path entry) {
        config.session().diagnostics().error("content.file-name", config.session().relativePath(entry), 0,
                org.clinicbake.io.FileTrees.unreadableNameMessage(), org.clinicbake.io.FileTrees.unreadableNameHint());
    }

    private static boolean isArticleInOtherCase(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && AsciidocEngine.EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    private void visit(Path folder, SiteConfiguration config, boolean crawledAbove, boolean hidden, boolean root) {
        List<Path> listed = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                listed.add(entry);
            }
        } catch (IOException e) {
            return;
        }
        // By name as JBake sorts them; two names read alike (each with a byte no charset reads) by their bytes.
        listed.sort(java.util.Comparator.comparing((Path entry) -> entry.getFileName().toString()).thenComparing(java.util.Comparator.naturalOrder()));
        // As in JBake, the ignore file leaves out the folders under the content folder that hold it.
        boolean crawled = crawledAbove && (root || listed.stream().noneMatch(entry -> entry.getFileName().toString().equalsIgnoreCase(config.getIgnoreFileName())));
        for (Path entry : listed) {
            String name = entry.getFileName().toString();
            boolean hiddenEntry = hidden || name.startsWith(".");
            if (!org.clinicbake.io.FileTrees.nameReadable(entry)) {
                // Its name, read back, was another file: an article in Latin-1 (from an old zip) vanished from
                // the site without a word, and in a POSIX locale (ASCII) one named Ciática.adoc failed the
                // whole bake as a ClinicBake bug.
                if (!hiddenEntry && crawled) {
                    unreadableName(config, entry);
                }
                continue;
            }
            BasicFileAttributes link;
            try {
                link = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                if (!hiddenEntry) {
                    otherStamps.put(entry.toString(), "unreadable");
                }
                continue;
            }
            if (link.isDirectory()) {
                visit(entry, config, crawled, hiddenEntry, false);
                continue;
            }
            BasicFileAttributes target = link;
            if (link.isSymbolicLink()) {
                try {
                    target = Files.readAttributes(entry, BasicFileAttributes.class);
                } catch (IOException e) {
                    target = link; // a broken link: neither a file nor a folder to JBake
                }
            }
            boolean article = AsciidocEngine.isArticle(entry);
            if (!hiddenEntry && !article) {
                otherStamps.put(entry.toString(), Fingerprint.stamp(link));
            }
            if (!crawled) {
                continue;
            }
            if (!hiddenEntry && !article && isArticleInOtherCase(name)) {
                // Engines go by the exact extension: FAQ.ADOC was copied into the output as it is, its
                // AsciiDoc source (a draft's too) published at an address no page links to.
                String extension = name.substring(name.lastIndexOf('.') + 1);
                config.session().diagnostics().error("content.file-name", config.session().relativePath(entry.toFile()), 0,
                        "the file ends in ." + extension + ", which is not read as an article, so its source would be published as it is",
                        "write the extension in lower case: " + name.substring(0, name.length() - extension.length())
                                + extension.toLowerCase(java.util.Locale.ROOT));
                continue;
            }
            if (target.isDirectory()) {
                // A linked folder can lead back to itself (content/loop -> content) or out of the site.
                config.session().diagnostics().warning("content.symlink-skipped",
                        config.session().relativePath(entry.toFile()), 0, "a link to a folder is not followed",
                        "move or copy the folder into content/ instead of linking it");
            } else if (!name.startsWith(".") && target.isRegularFile()
                    && Engines.getRecognizedExtensions().contains(FilenameUtils.getExtension(name))) {
                files.add(entry.toFile());
                seen.put(entry, target);
            }
        }
    }
}
