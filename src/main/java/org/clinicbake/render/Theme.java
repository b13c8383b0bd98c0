package org.clinicbake.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.utils.PathUtils;

/**
 * Where templates and theme assets come from: the site's own {@code templates/} folder first, then
 * the default theme inside the ClinicBake jar.
 *
 * <p>A template name prefixed with {@code theme:} skips the site's folder, so a site template can
 * extend the theme template it overrides ({@code {% extends "theme:article.peb" %}}) without
 * extending itself.
 */
public final class Theme implements Loader<String> {

    /** Prefix of a template name that always resolves in the built-in theme. */
    public static final String THEME_PREFIX = "theme:";
    static final String BUILT_IN = "org/clinicbake/theme/default/";

    private final Path siteTemplates;

    /** @param siteTemplates the site's {@code templates/} folder; it need not exist */
    public Theme(Path siteTemplates) {
        this.siteTemplates = siteTemplates.toAbsolutePath().normalize();
    }

    /** Where a template name resolves, as shown in diagnostics: {@code templates/x.peb} or {@code theme:default/x.peb}. */
    public String describe(String templateName) {
        if (templateName == null) {
            return "<template>";
        }
        return siteFile(templateName)
                .map(file -> "templates/" + siteTemplates.relativize(file).toString().replace('\\', '/'))
                .orElse("theme:default/" + stripPrefix(templateName));
    }

    @Override
    public Reader getReader(String templateName) {
        java.util.Optional<Path> siteFile = siteFile(templateName);
        try {
            if (siteFile.isPresent()) {
                return Files.newBufferedReader(siteFile.get(), StandardCharsets.UTF_8);
            }
            InputStream builtIn = Theme.class.getClassLoader().getResourceAsStream(builtInTemplate(templateName));
            if (builtIn == null) {
                throw new LoaderException(null, "template '" + stripPrefix(templateName)
                        + "' is neither in the site's templates/ folder nor in the default theme");
            }
            return new InputStreamReader(builtIn, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean resourceExists(String templateName) {
        return siteFile(templateName).isPresent()
                || Theme.class.getClassLoader().getResource(builtInTemplate(templateName)) != null;
    }

    @Override
    public String createCacheKey(String templateName) {
        return templateName;
    }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        if (relativePath.startsWith(THEME_PREFIX)) {
            return relativePath;
        }
        return PathUtils.resolveRelativePath(stripPrefix(relativePath), stripPrefix(anchorPath), '/');
    }

    @Override
    public void setCharset(String charset) {
        // Templates are always UTF-8.
    }

    @Override
    public void setPrefix(String prefix) {
        // Locations are fixed: the site's templates/ folder, then the built-in theme.
    }

    @Override
    public void setSuffix(String suffix) {
        // Template names carry their extension.
    }

    /** Copies the theme's assets (css/...) into the output folder; the site's own assets are copied after. */
    public void copyAssets(Path outputDir) throws IOException {
        URL assets = Theme.class.getClassLoader().getResource(BUILT_IN + "assets");
        if (assets == null) {
            return;
        }
        URI uri;
        try {
            uri = assets.toURI();
        } catch (URISyntaxException e) {
            throw new IOException("bad theme location " + assets, e);
        }
        if ("jar".equals(uri.getScheme())) {
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                copyTree(jar.provider().getPath(uri), outputDir);
            }
        } else {
            copyTree(Path.of(uri), outputDir);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            Path target = to.resolve(from.relativize(file).toString());
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private java.util.Optional<Path> siteFile(String templateName) {
        if (templateName == null || templateName.startsWith(THEME_PREFIX)) {
            return java.util.Optional.empty();
        }
        Path file = siteTemplates.resolve(templateName).normalize();
        if (!file.startsWith(siteTemplates) || !Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(file);
    }

    private static String builtInTemplate(String templateName) {
        String name = stripPrefix(templateName);
        if (name.contains("..")) {
            throw new LoaderException(null, "template names cannot leave the templates folder: " + name);
        }
        return BUILT_IN + "templates/" + name;
    }

    private static String stripPrefix(String templateName) {
        if (templateName == null) {
            return null;
        }
        String name = templateName.startsWith(THEME_PREFIX) ? templateName.substring(THEME_PREFIX.length()) : templateName;
        return name.startsWith("/") ? name.substring(1) : name;
    }
}
