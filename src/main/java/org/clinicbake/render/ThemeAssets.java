package org.clinicbake.render;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

import org.clinicbake.build.SiteConfiguration;
import org.jbake.app.Asset;
import org.jbake.parser.Engines;

/**
 * Copies the theme's assets first and the site's {@code assets/} over them, so a site file wins;
 * then the files of {@code content/} that are not articles (images beside the article that shows
 * them). JBake's own copy follows a link to a folder, so {@code assets/loop -> .} published the
 * folder inside itself forty times over; here such a link is reported and not followed, and a
 * link that leads nowhere is reported instead of skipped in silence.
 */
public final class ThemeAssets extends Asset {

    private final SiteConfiguration config;

    public ThemeAssets(SiteConfiguration config) {
        super(config);
        this.config = config;
    }

    @Override
    public void copy() {
        // The document pages say which assets they ask for (fingerprinted copies, scaled images).
        config.session().awaitPages();
        long started = System.nanoTime();
        try {
            config.session().theme().copyAssets(config.getDestinationFolder().toPath());
        } catch (IOException e) {
            config.session().diagnostics().error("theme.assets", "theme:default/assets", 0,
                    "cannot copy the theme's assets: " + e.getMessage(), "check that the output folder is writable");
        }
        copySiteFiles(config.getAssetFolder().toPath(), false);
        writeFingerprintedCopies();
        writeImageVariants();
        config.session().times().add("write-assets", started);
    }

    @Override
    public void copy(File folder) {
        copySiteFiles(folder.toPath(), false);
    }

    @Override
    public void copyAssetsFromContent(File contentFolder) {
        copySiteFiles(contentFolder.toPath(), true);
    }

    /**
     * Copies the files under {@code root} into the output at the same relative paths, in sorted
     * order, as JBake does: hidden files only when {@code asset.ignore} allows them (never from
     * content; ClinicBake's default leaves them out, but for {@code assets/.well-known/}), no folder
     * that holds the ignore file, and no article from content. A link to a file is copied as the
     * file; a link to a folder is not followed (it can lead back to itself or out of the site).
     */
    private void copySiteFiles(Path root, boolean content) {
        if (Files.isDirectory(root)) {
            copyFolder(root, root, content);
        }
    }

    private void copyFolder(Path root, Path folder, boolean content) {
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            problem(content, "unreadable", folder, "cannot read the folder: " + e.getMessage(), "check the folder's permissions");
            return;
        }
        if (!folder.equals(root) && entries.stream().anyMatch(entry -> entry.getFileName().toString().equalsIgnoreCase(config.getIgnoreFileName()))) {
            return;
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            boolean leftOut = content ? name.startsWith(".") : config.getAssetIgnoreHidden() && isHidden(name, folder.equals(root));
            if (leftOut || isEditorLeftover(name)) {
                continue;
            }
            if (!org.clinicbake.io.FileTrees.nameReadable(entry)) {
                // Copied under its name as read, it was published under another name, or failed the bake.
                // content/ reports it when it is crawled (content.file-name).
                if (!content) {
                    config.session().diagnostics().error("asset.unreadable", config.session().relativePath(entry), 0,
                            org.clinicbake.io.FileTrees.unreadableNameMessage(), org.clinicbake.io.FileTrees.unreadableNameHint());
                }
                continue;
            }
            BasicFileAttributes link;
            BasicFileAttributes target;
            try {
                link = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                target = link.isSymbolicLink() ? followed(entry) : link;
            } catch (IOException e) {
                problem(content, "unreadable", entry, "cannot read the file: " + e.getMessage(), "check the file's permissions");
                continue;
            }
            if (link.isDirectory()) {
                copyFolder(root, entry, content);
            } else if (target == null) {
                problem(content, "symlink-broken", entry, "a link to a file that does not exist: nothing is published for it",
                        "point the link at an existing file, or delete it");
            } else if (target.isDirectory()) {
                // content/ reports its linked folders when it is crawled (content.symlink-skipped).
                if (!content) {
                    problem(content, "symlink-skipped", entry, "a link to a folder is not followed", "move or copy the folder into assets/ instead of linking it");
                }
            } else if (target.isRegularFile() && !(content && isContentFile(entry))) {
                copyFile(content, entry, config.getDestinationFolder().toPath().resolve(root.relativize(entry).toString()), target);
            }
        }
    }

    private static BasicFileAttributes followed(Path link) {
        try {
            return Files.readAttributes(link, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Whether an entry of {@code assets/} with this name is hidden, so left out; {@code atTop} when
     * it is directly in {@code assets/}. {@code /.well-known/} (RFC 8615) is where hosts, browsers and search consoles look for
     * security.txt, app links and domain checks: the one hidden folder a site publishes on purpose.
     * Every other hidden file of {@code assets/} is left behind, as it was put there by a tool
     * ({@code .DS_Store}, {@code .git/}, {@code .env} with a key in it), not for patients to download.
     */
    static boolean isHidden(String name, boolean atTop) {
        return name.startsWith(".") && !(atTop && name.equals(".well-known"));
    }

    /**
     * Whether a file of a theme's {@code assets/}, by its path there, is published: not when it or a
     * folder above it is hidden (but for {@code .well-known/}), nor an editor's leftover.
     */
    static boolean isPublishedThemeAsset(String relativePath) {
        String[] segments = relativePath.split("/");
        for (int i = 0; i < segments.length; i++) {
            if (isHidden(segments[i], i == 0 && segments.length > 1) || isEditorLeftover(segments[i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * A file an editor leaves beside the one it edits: a backup ({@code risks.adoc~}, {@code risks.adoc.bak},
     * {@code .orig} from a merge), an autosave ({@code #risks.adoc#}) or a swap file. Published, a backup of
     * a draft put its unreviewed text on the web. The names are those Jekyll and Hugo leave out too.
     */
    static boolean isEditorLeftover(String name) {
        if (name.endsWith("~") || name.startsWith("#")) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 && LEFTOVER_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    private static final java.util.Set<String> LEFTOVER_EXTENSIONS = java.util.Set.of("bak", "orig", "rej", "swp", "swo", "tmp");

    /** A file JBake would read as content (an article, a data file) rather than publish as it is. */
    private static boolean isContentFile(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && Engines.getRecognizedExtensions().contains(name.substring(dot + 1));
    }

    private void copyFile(boolean content, Path from, Path to, BasicFileAttributes attributes) {
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
            // As JBake's copy: the published file keeps its time, which hosts send as Last-Modified.
            Files.setLastModifiedTime(to, attributes.lastModifiedTime());
        } catch (IOException e) {
            problem(content, "unreadable", from, "cannot copy the file into the output: " + e.getMessage(),
                    "check that the file is readable and the output folder writable");
        }
    }

    /** Reports a problem with a file of {@code assets/} or {@code content/}: a copy that failed is an error, a link left out a warning. */
    private void problem(boolean content, String kind, Path file, String message, String hint) {
        String where = config.session().relativePath(file);
        String code = (content ? "content." : "asset.") + kind;
        if (kind.equals("unreadable")) {
            config.session().diagnostics().error(code, where, 0, message, hint);
        } else {
            config.session().diagnostics().warning(code, where, 0, message, hint);
        }
    }

    /** The smaller copies image() offered in a srcset, scaled from the image as published. */
    private void writeImageVariants() {
        new ImageVariants(config.session().imageCache())
                .write(config.getDestinationFolder().toPath(), config.session().imageVariants(), config.session().diagnostics(),
                        config.session().threads());
    }

    /** The copies templates asked for with asset(): same bytes, a name with their hash. */
    private void writeFingerprintedCopies() {
        java.nio.file.Path out = config.getDestinationFolder().toPath();
        config.session().fingerprints().forEach((path, fingerprinted) -> {
            try {
                java.nio.file.Files.copy(out.resolve(path), out.resolve(fingerprinted),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                config.session().diagnostics().error("theme.assets", path, 0,
                        "cannot write the fingerprinted copy of the asset: " + e.getMessage(), "check the output folder");
            }
        });
    }
}
