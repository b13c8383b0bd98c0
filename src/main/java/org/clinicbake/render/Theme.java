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
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.utils.PathUtils;

/**
 * Where templates and assets come from, in layers; the first layer that has a file wins:
 * <ol>
 *   <li>{@code site}: the site's own {@code templates/} and {@code assets/};</li>
 *   <li>the theme chosen with {@code site.theme} in jbake.properties, then the theme it extends
 *       ({@code extends=} in its {@code theme.properties}), and so on;</li>
 *   <li>{@code default}: the theme inside the ClinicBake jar.</li>
 * </ol>
 * A theme is a folder {@code themes/<name>/} in the site, or {@code org/clinicbake/theme/<name>/}
 * on the class path (a jar), each holding {@code templates/}, {@code assets/} and {@code theme.properties}.
 *
 * <p>A name prefixed with a layer starts the lookup at that layer, so a template can extend the
 * one it overrides without extending itself: {@code {% extends "theme:article.peb" %}} (the chosen
 * theme and below), {@code "default:article.peb"}, or any theme's name. The table is in
 * src/docs/theme-lookup.md.
 */
public final class Theme implements Loader<String> {

    /** Prefix of a template name that skips the site's own templates. */
    public static final String THEME_PREFIX = "theme:";
    static final String DEFAULT = "default";
    private static final String CLASSPATH_THEMES = "org/clinicbake/theme/";

    private final List<Layer> layers;

    /**
     * A reference from one template to another: {@code extends}, {@code include}, {@code import},
     * {@code embed} or {@code from}, with the name as a string (group 2) or as an expression (group 3).
     */
    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile(
            "\\{%-?\\s*(?:extends|include|import|embed|from)\\s+(?:([\"'])([^\"']+)\\1|(\\S))");

    private final Map<String, String> dependencies = new java.util.concurrent.ConcurrentHashMap<>();

    private Theme(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    /**
     * A fingerprint of every template a page rendered from {@code templateName} can use: that
     * template and every one it extends, includes, imports or embeds, each as the layers resolve it,
     * by its text. A reference by expression ({@code {% include page.partial %}}) can name any
     * template, and then every template of every layer counts. The preview keeps a page whose
     * templates have this same fingerprint, so editing one template renders only the pages using it.
     */
    public String dependencies(String templateName) {
        return dependencies.computeIfAbsent(String.valueOf(templateName), this::fingerprintDependencies);
    }

    /** The site's own template folders (the built-in themes on the class path do not change while running). */
    public List<Path> templateFolders() {
        return layers.stream().map(Layer::templates).filter(java.util.Objects::nonNull).toList();
    }

    private String fingerprintDependencies(String root) {
        java.util.SortedMap<String, String> texts = new java.util.TreeMap<>();
        for (Map.Entry<String, Optional<String>> template : reachableFrom(root).entrySet()) {
            String name = template.getKey();
            Optional<String> text = template.getValue();
            texts.put(name, describe(name) + "\n" + text.orElse("(missing)"));
            java.util.regex.Matcher reference = REFERENCE.matcher(text.orElse(""));
            while (reference.find()) {
                if (reference.group(2) == null) {
                    return "every template\n" + fingerprintEveryTemplate();
                }
            }
        }
        return sha256(texts.toString());
    }

    private String fingerprintEveryTemplate() {
        StringBuilder all = new StringBuilder(String.join(",", layerNames()));
        for (Path folder : templateFolders()) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = org.clinicbake.io.FileTrees.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    all.append('\n').append(file).append('\n').append(Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                all.append("\nunreadable ").append(folder);
            }
        }
        return sha256(all.toString());
    }

    private Optional<String> text(String templateName) {
        try (Reader reader = getReader(templateName)) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int read = reader.read(buffer); read >= 0; read = reader.read(buffer)) {
                text.append(buffer, 0, read);
            }
            return Optional.of(text.toString());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the template has nothing but white space (or cannot be read). */
    boolean isBlank(String templateName) {
        return text(templateName).map(String::isBlank).orElse(true);
    }

    private static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of the bytes in lower-case hex: what names an asset's copy and a scaled image's cached copy. */
    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The layers for a site: its own folders, the chosen theme and its parents, the built-in theme.
     *
     * @throws IllegalArgumentException when a theme does not exist or its parents form a loop
     */
    public static Theme forSite(Path siteDir, String chosenTheme) {
        List<Layer> layers = new ArrayList<>();
        layers.add(Layer.folder("site", siteDir.resolve("templates"), siteDir.resolve("assets"), "templates/"));
        String name = chosenTheme == null || chosenTheme.isBlank() ? DEFAULT : chosenTheme.strip();
        List<String> seen = new ArrayList<>();
        // Who named the theme looked for next: the site's setting, then each theme's extends.
        String namedIn = "jbake.properties";
        String namedBy = "site.theme";
        while (name != null) {
            if (seen.contains(name)) {
                throw new UnknownTheme("themes extend each other in a loop: " + String.join(" -> ", seen) + " -> " + name, namedIn, namedBy);
            }
            seen.add(name);
            Layer layer = find(siteDir, name).orElseThrow(missing(name, siteDir, namedIn, namedBy));
            layers.add(layer);
            String parent = layer.parent();
            namedIn = layer.propertiesFile();
            namedBy = "extends";
            name = parent != null ? parent : DEFAULT.equals(name) ? null : DEFAULT;
        }
        return new Theme(layers);
    }

    /** A theme that cannot be found, or themes that extend each other, with the file and key that named it. */
    public static final class UnknownTheme extends IllegalArgumentException {
        private final String file;
        private final String key;

        UnknownTheme(String message, String file, String key) {
            super(message);
            this.file = file;
            this.key = key;
        }

        /** The file that named the theme, as diagnostics show it: {@code jbake.properties}, {@code themes/x/theme.properties}... */
        public String file() {
            return file;
        }

        /** The setting in it: {@code site.theme} or {@code extends}. */
        public String key() {
            return key;
        }
    }

    /** Only the site's {@code templates/} folder over the built-in theme. */
    public static Theme forSite(Path siteDir) {
        return forSite(siteDir, DEFAULT);
    }

    /** The names of the layers, first to last, e.g. {@code [site, harbor, default]}. */
    public List<String> layerNames() {
        return layers.stream().map(Layer::name).toList();
    }

    /** Where a template name resolves, as diagnostics show it: {@code templates/x.peb}, {@code theme:harbor/x.peb}... */
    public String describe(String templateName) {
        if (templateName == null) {
            return "<template>";
        }
        List<Layer> candidates = candidates(templateName);
        for (Layer layer : candidates) {
            if (layer.has(name(templateName))) {
                return layer.describe(name(templateName));
            }
        }
        // Missing: name the first place it was looked for, which is where a user would add it.
        return candidates.isEmpty() ? name(templateName) : candidates.get(0).describe(name(templateName));
    }

    @Override
    public Reader getReader(String templateName) {
        String name = name(templateName);
        if (name.contains("..") || name.startsWith("/")) {
            // Named like a file path rather than a template: reported, as a missing one is, at the line that names it.
            throw new MissingTemplate(templateName, "template names cannot leave the templates folder: " + name);
        }
        for (Layer layer : candidates(templateName)) {
            Optional<Reader> reader = layer.open(name);
            if (reader.isPresent()) {
                return reader.get();
            }
        }
        throw new MissingTemplate(templateName, "template '" + name + "' is in none of the layers " + layerNames(candidates(templateName)));
    }

    /** No layer has the template: Pebble reports it without saying which template asked for it, so the name is kept. */
    static final class MissingTemplate extends LoaderException {
        private static final long serialVersionUID = 1L;
        private final String templateName;

        MissingTemplate(String templateName, String message) {
            super(null, message);
            this.templateName = templateName;
        }

        /** The name as it was asked for, layer prefix included. */
        String templateName() {
            return templateName;
        }
    }

    /** A template whose bytes are not UTF-8 (saved as Windows-1252 by an editor, say), at the line of the first bad byte. */
    static final class NotUtf8 extends LoaderException {
        private static final long serialVersionUID = 1L;
        private final String where;
        private final int line;

        NotUtf8(String where, int line) {
            super(null, where + " is not valid UTF-8 (line " + line + ")");
            this.where = where;
            this.line = line;
        }

        /** The template as diagnostics show it. */
        String where() {
            return where;
        }

        int line() {
            return line;
        }
    }

    /**
     * The line of a tag ("{%" or "{{") opened before {@code line} and never closed: the next tag
     * opens before its "%}" or "}}". Pebble reads such a tag on into the lines
     * after it and reports where it could read no further, which can be anything lines below.
     */
    Optional<Integer> unclosedTagBefore(String templateName, int line) {
        String text = text(templateName).orElse("");
        int at = 0;
        while (true) {
            int open = nextOpening(text, at);
            if (open < 0) {
                return Optional.empty();
            }
            if (text.startsWith("{#", open)) {
                int end = text.indexOf("#}", open + 2);
                if (end < 0) {
                    return Optional.empty();
                }
                at = end + 2;
                continue;
            }
            String close = text.startsWith("{%", open) ? "%}" : "}}";
            int end = tagEnd(text, open + 2, close);
            if (end < 0) {
                int opened = lineAt(text, open);
                return opened < line ? Optional.of(opened) : Optional.empty();
            }
            at = end;
        }
    }

    private static int nextOpening(String text, int from) {
        for (int i = text.indexOf('{', from); i >= 0 && i + 1 < text.length(); i = text.indexOf('{', i + 1)) {
            char next = text.charAt(i + 1);
            if (next == '%' || next == '{' || next == '#') {
                return i;
            }
        }
        return -1;
    }

    /** Just after the tag's closing delimiter, or -1 when another tag opens first or the text ends. */
    private static int tagEnd(String text, int from, String close) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (text.startsWith(close, i)) {
                return i + close.length();
            } else if (text.startsWith("{%", i) || text.startsWith("{{", i)) {
                return -1;
            }
        }
        return -1;
    }

    private static final java.util.regex.Pattern TAG_NAME = java.util.regex.Pattern.compile("\\{%-?\\s*(\\w+)");

    /**
     * The line of the innermost {@code {% if %}} (or for, block, macro...) that no {@code {% endif %}}
     * closes, for Pebble's "Unexpected end of template", which it reports at the template's last line:
     * the tag to close is the one the editor must find.
     */
    Optional<Integer> unclosedBlock(String templateName, String endTag) {
        if (!endTag.startsWith("end") || endTag.length() == 3) {
            return Optional.empty();
        }
        String opening = endTag.substring(3);
        String text = text(templateName).orElse("");
        java.util.Deque<Integer> open = new java.util.ArrayDeque<>();
        java.util.regex.Matcher tag = TAG_NAME.matcher(text);
        while (tag.find()) {
            if (tag.group(1).equals(opening)) {
                open.push(lineAt(text, tag.start()));
            } else if (tag.group(1).equals(endTag) && !open.isEmpty()) {
                open.pop();
            }
        }
        return Optional.ofNullable(open.peek());
    }

    /** The line of a template's text that the character at {@code offset} is on. */
    private static int lineAt(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    /** Where a template names another: the naming template as diagnostics show it, and the line. */
    record Reference(String template, int line) {
    }

    /**
     * The first {@code extends}, {@code include}, {@code import}, {@code embed} or {@code from} that
     * names {@code wanted}, among the templates a page rendered from {@code root} can use.
     */
    Optional<Reference> referenceTo(String wanted, String root) {
        for (Map.Entry<String, Optional<String>> template : reachableFrom(root).entrySet()) {
            String name = template.getKey();
            String text = template.getValue().orElse("");
            java.util.regex.Matcher reference = REFERENCE.matcher(text);
            while (reference.find()) {
                if (reference.group(2) != null && named(reference.group(2), name).equals(wanted)) {
                    return Optional.of(new Reference(describe(name), lineAt(text, reference.start())));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The templates a page rendered from {@code root} can use, each with its text (empty when it is
     * missing): root first, then what each extends, includes or imports, nearest first.
     */
    private Map<String, Optional<String>> reachableFrom(String root) {
        Map<String, Optional<String>> texts = new java.util.LinkedHashMap<>();
        java.util.Deque<String> pending = new java.util.ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (!texts.containsKey(name)) {
                Optional<String> text = text(name);
                texts.put(name, text);
                java.util.regex.Matcher reference = REFERENCE.matcher(text.orElse(""));
                while (reference.find()) {
                    if (reference.group(2) != null) {
                        pending.addLast(named(reference.group(2), name));
                    }
                }
            }
        }
        return texts;
    }

    /** The template a reference in {@code from} names, as Pebble resolves it: a name that is not relative (./, ../) as it is. */
    private String named(String reference, String from) {
        String resolved = resolveRelativePath(reference, from);
        return resolved != null ? resolved : reference;
    }

    /**
     * The first line that {@code wanted} finds, among the templates a page rendered from {@code root}
     * can use (root first, then what each extends, includes or imports); only line {@code line} of
     * each when it is above 0.
     */
    /**
     * The first macro, among the templates a page rendered from {@code root} can use, that calls
     * itself with no {@code {% if %}} in its body to end it: the one place to fix when rendering
     * never ends and no template includes itself.
     */
    Optional<Reference> selfCallingMacro(String root) {
        for (Map.Entry<String, Optional<String>> template : reachableFrom(root).entrySet()) {
            String name = template.getKey();
            String text = template.getValue().orElse("");
            java.util.regex.Matcher macro = MACRO.matcher(text);
            while (macro.find()) {
                String body = macro.group(2);
                if (java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(macro.group(1)) + "\\s*\\(").matcher(body).find()
                        && !body.matches("(?s).*\\{%-?\\s*if\\b.*")) {
                    return Optional.of(new Reference(describe(name), lineAt(text, macro.start())));
                }
            }
        }
        return Optional.empty();
    }

    /** A macro's name and body, up to its {@code endmacro}. */
    private static final java.util.regex.Pattern MACRO = java.util.regex.Pattern.compile(
            "\\{%-?\\s*macro\\s+(\\w+)\\s*\\((.*?)\\{%-?\\s*endmacro", java.util.regex.Pattern.DOTALL);

    Optional<Reference> lineMatching(String root, java.util.regex.Pattern wanted, int line) {
        for (Map.Entry<String, Optional<String>> template : reachableFrom(root).entrySet()) {
            String name = template.getKey();
            String text = template.getValue().orElse("");
            java.util.regex.Matcher found = wanted.matcher(text);
            while (found.find()) {
                int at = lineAt(text, found.start());
                if (line <= 0 || at == line) {
                    return Optional.of(new Reference(describe(name), at));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A template that uses itself again, through the names it extends, includes, imports or embeds:
     * {@code at} is the reference that closes the loop, {@code named} the name it gives, and
     * {@code chain} the templates from the first on the loop back to it, as diagnostics show them.
     */
    record Loop(Reference at, String named, List<String> chain) {
    }

    /** The first loop among the templates a page rendered from {@code root} uses, following each name as the layers resolve it. */
    Optional<Loop> loopFrom(String root) {
        return loopFrom(root, new ArrayList<>(), new java.util.HashSet<>());
    }

    private Optional<Loop> loopFrom(String name, List<String> path, java.util.Set<String> done) {
        String here = describe(name);
        path.add(here);
        String text = text(name).orElse("");
        java.util.regex.Matcher reference = REFERENCE.matcher(text);
        while (reference.find()) {
            if (reference.group(2) == null) {
                continue;
            }
            String named = named(reference.group(2), name);
            if (!resourceExists(named)) {
                continue;
            }
            // The same name can be two files (page.peb and theme:page.peb), and two names one file: follow files.
            String target = describe(named);
            int back = path.indexOf(target);
            if (back >= 0) {
                List<String> chain = new ArrayList<>(path.subList(back, path.size()));
                chain.add(target);
                return Optional.of(new Loop(new Reference(here, lineAt(text, reference.start())), reference.group(2), chain));
            }
            if (!done.contains(target)) {
                Optional<Loop> found = loopFrom(named, path, done);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        path.remove(path.size() - 1);
        done.add(here);
        return Optional.empty();
    }

    private static final java.util.regex.Pattern BLOCK = java.util.regex.Pattern.compile(
            "\\{%-?\\s*block\\s+(\\w+)|\\bblock\\(\\s*[\"'](\\w+)[\"']");
    private static final java.util.regex.Pattern EXTENDS = java.util.regex.Pattern.compile(
            "\\{%-?\\s*extends\\s+(?:([\"'])([^\"']+)\\1|\\S)");

    /**
     * The blocks a block of {@code child} can fill: those of {@code parent} and of every template
     * it extends, and those {@code child} prints itself with {@code block("name")}. Empty when that
     * cannot be known: a parent named by an expression, missing or in a loop (each reported otherwise).
     */
    Optional<java.util.Set<String>> blocksFor(String child, String parent) {
        java.util.Set<String> blocks = new java.util.TreeSet<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String from = child;
        String name = parent;
        while (true) {
            name = named(name, from);
            Optional<String> text = text(name);
            if (text.isEmpty() || !seen.add(describe(name))) {
                return Optional.empty();
            }
            java.util.regex.Matcher block = BLOCK.matcher(text.get());
            while (block.find()) {
                blocks.add(block.group(1) != null ? block.group(1) : block.group(2));
            }
            java.util.regex.Matcher extending = EXTENDS.matcher(text.get());
            if (!extending.find()) {
                break;
            }
            if (extending.group(2) == null) {
                return Optional.empty();
            }
            from = name;
            name = extending.group(2);
        }
        java.util.regex.Matcher printed = BLOCK.matcher(text(child).orElse(""));
        while (printed.find()) {
            if (printed.group(2) != null) {
                blocks.add(printed.group(2));
            }
        }
        return Optional.of(blocks);
    }

    @Override
    public boolean resourceExists(String templateName) {
        String name = name(templateName);
        return candidates(templateName).stream().anyMatch(layer -> layer.has(name));
    }

    @Override
    public String createCacheKey(String templateName) {
        return templateName;
    }

    @Override
    public String resolveRelativePath(String relativePath, String anchorPath) {
        if (prefix(relativePath) != null) {
            return relativePath;
        }
        return PathUtils.resolveRelativePath(relativePath, name(anchorPath), '/');
    }

    @Override
    public void setCharset(String charset) {
        // Templates are always UTF-8.
    }

    @Override
    public void setPrefix(String prefix) {
        // The layers are fixed by the site's configuration.
    }

    @Override
    public void setSuffix(String suffix) {
        // Template names carry their extension.
    }

    /** An asset's bytes as they will be published: from the first layer that has it (the site's assets/ first). */
    public Optional<byte[]> asset(String path) {
        if (path.contains("..") || path.startsWith("/")) {
            return Optional.empty();
        }
        for (Layer layer : layers) {
            Optional<byte[]> bytes = layer.assetBytes(path);
            if (bytes.isPresent()) {
                return bytes;
            }
        }
        return Optional.empty();
    }

    /** The asset's path with a hash of its content before the extension: {@code css/site.3f2a9c1b0d.css}. */
    public Optional<String> fingerprint(String path) {
        return asset(path).map(bytes -> {
            String hash = sha256(bytes).substring(0, 10);
            int dot = path.lastIndexOf('.');
            int slash = path.lastIndexOf('/');
            return dot > slash ? path.substring(0, dot) + "." + hash + path.substring(dot) : path + "." + hash;
        });
    }

    /** Width and height in pixels of an image asset, when Java can read it. */
    public Optional<int[]> imageSize(String path) {
        return asset(path).flatMap(bytes -> {
            try {
                java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes));
                return image == null ? Optional.empty() : Optional.of(new int[] {image.getWidth(), image.getHeight()});
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    /** Copies every layer's assets into the output folder, last layer first, so the first layer's files win. */
    public void copyAssets(Path outputDir) throws IOException {
        for (int i = layers.size() - 1; i >= 0; i--) {
            layers.get(i).copyAssets(outputDir);
        }
    }

    private List<Layer> candidates(String templateName) {
        String prefix = prefix(templateName);
        if (prefix == null) {
            return layers;
        }
        if (prefix.equals("theme")) {
            return layers.subList(1, layers.size());
        }
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(prefix)) {
                return layers.subList(i, layers.size());
            }
        }
        return List.of();
    }

    private static String prefix(String templateName) {
        if (templateName == null) {
            return null;
        }
        int colon = templateName.indexOf(':');
        return colon > 0 && templateName.substring(0, colon).matches("[a-z0-9][a-z0-9-]*") ? templateName.substring(0, colon) : null;
    }

    private static String name(String templateName) {
        String prefix = prefix(templateName);
        return prefix == null ? templateName : templateName.substring(prefix.length() + 1);
    }

    private static List<String> layerNames(List<Layer> layers) {
        return layers.stream().map(Layer::name).toList();
    }

    private static Optional<Layer> find(Path siteDir, String name) {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            return Optional.empty();
        }
        Path folder = siteDir.resolve("themes").resolve(name);
        if (Files.isDirectory(folder)) {
            return Optional.of(Layer.folder(name, folder.resolve("templates"), folder.resolve("assets"),
                    "themes/" + name + "/templates/").withParent(parentOf(folder.resolve("theme.properties"))));
        }
        String base = CLASSPATH_THEMES + name + "/";
        // The context class loader sees a theme jar an application added at run time; ClinicBake's own
        // loader sees the jars it was started with.
        for (ClassLoader loader : loaders()) {
            if (loader.getResource(base + "theme.properties") != null || loader.getResource(base + "templates/base.peb") != null) {
                return Optional.of(new Layer(name, null, null, base, "theme:" + name + "/", null, loader)
                        .withParent(parentOf(loader.getResource(base + "theme.properties"))));
            }
        }
        return Optional.empty();
    }

    private static List<ClassLoader> loaders() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader own = Theme.class.getClassLoader();
        return context == null || context == own ? List.of(own) : List.of(context, own);
    }

    private static java.util.function.Supplier<UnknownTheme> missing(String name, Path siteDir, String namedIn, String namedBy) {
        return () -> new UnknownTheme("no theme '" + name + "': neither " + siteDir.resolve("themes").resolve(name)
                + " nor " + CLASSPATH_THEMES + name + "/ on the class path", namedIn, namedBy);
    }

    private static String parentOf(Path properties) {
        if (!Files.isRegularFile(properties)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(properties)) {
            return parent(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String parentOf(URL properties) {
        if (properties == null) {
            return null;
        }
        try (InputStream in = properties.openStream()) {
            return parent(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String parent(InputStream in) throws IOException {
        Properties properties = new Properties();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        String parent = properties.getProperty("extends");
        return parent == null || parent.isBlank() ? null : parent.strip();
    }

    /**
     * One layer: a folder pair (site or a site theme) or a class-path location (a theme in a jar).
     *
     * @param shown prefix of a template's path in diagnostics
     */
    private record Layer(String name, Path templates, Path assets, String classpathBase, String shown, String parent,
                         ClassLoader loader) {

        static Layer folder(String name, Path templates, Path assets, String shown) {
            return new Layer(name, templates.toAbsolutePath().normalize(), assets.toAbsolutePath().normalize(), null, shown,
                    null, null);
        }

        Layer withParent(String parent) {
            return new Layer(name, templates, assets, classpathBase, shown, parent, loader);
        }

        boolean has(String name) {
            if (templates != null) {
                Path file = templates.resolve(name).normalize();
                return file.startsWith(templates) && Files.isRegularFile(file);
            }
            return loader.getResource(classpathBase + "templates/" + name) != null;
        }

        Optional<Reader> open(String name) {
            if (!has(name)) {
                return Optional.empty();
            }
            byte[] bytes;
            try {
                if (templates != null) {
                    bytes = Files.readAllBytes(templates.resolve(name));
                } else {
                    try (InputStream in = loader.getResourceAsStream(classpathBase + "templates/" + name)) {
                        bytes = in.readAllBytes();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // Decoded here rather than by a Reader: Pebble reports a Reader's decoding error as a syntax error, with no line.
            java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
            java.nio.CharBuffer text = java.nio.CharBuffer.allocate(bytes.length);
            if (StandardCharsets.UTF_8.newDecoder().decode(in, text, true).isError()) {
                int line = 1;
                for (int i = 0; i < in.position(); i++) {
                    line += bytes[i] == '\n' ? 1 : 0;
                }
                throw new NotUtf8(describe(name), line);
            }
            String decoded = text.flip().toString();
            // An editor's byte order mark is no text of the template: Pebble copied it into every page, an invisible stray character.
            return Optional.of(new java.io.StringReader(decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded));
        }

        String describe(String name) {
            return shown + name;
        }

        /** Its theme.properties as diagnostics show it. */
        String propertiesFile() {
            return (templates != null ? "themes/" : "theme:") + name + "/theme.properties";
        }

        Optional<byte[]> assetBytes(String name) {
            try {
                if (assets != null) {
                    Path file = assets.resolve(name).normalize();
                    return file.startsWith(assets) && Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
                }
                try (InputStream in = loader.getResourceAsStream(classpathBase + "assets/" + name)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void copyAssets(Path outputDir) throws IOException {
            if (templates != null) {
                if (!name.equals("site") && Files.isDirectory(assets)) {
                    copyTree(assets, outputDir);
                }
                return; // the site's own assets/ are copied by JBake's asset step, after every theme
            }
            // A jar need not list its folders, so find the theme through a file it must have.
            URL anchor = loader.getResource(classpathBase + "assets");
            if (anchor == null) {
                anchor = loader.getResource(classpathBase + "theme.properties");
            }
            if (anchor == null) {
                return;
            }
            URI uri;
            try {
                uri = anchor.toURI();
            } catch (URISyntaxException e) {
                throw new IOException("bad theme location " + anchor, e);
            }
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                boolean opened = false;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                try {
                    Path assetsInJar = jar.getPath("/" + classpathBase + "assets");
                    if (Files.isDirectory(assetsInJar)) {
                        copyTree(assetsInJar, outputDir);
                    }
                } finally {
                    if (opened) {
                        jar.close();
                    }
                }
            } else {
                Path folder = Path.of(uri);
                Path assetsFolder = folder.getFileName().toString().equals("assets") ? folder : folder.resolveSibling("assets");
                if (Files.isDirectory(assetsFolder)) {
                    copyTree(assetsFolder, outputDir);
                }
            }
        }

        private static void copyTree(Path from, Path to) throws IOException {
            List<Path> files;
            try (Stream<Path> walk = org.clinicbake.io.FileTrees.walk(from)) {
                files = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path file : files) {
                String relative = from.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (!ThemeAssets.isPublishedThemeAsset(relative)) {
                    continue;
                }
                Path target = to.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
