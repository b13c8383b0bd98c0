package org.clinicbake.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;

/**
 * One HTML page of the output, parsed by jsoup with source positions tracked.
 *
 * <p>{@link #path()} is relative to the output folder with {@code /} separators: the path diagnostics name.
 */
public final class Page {

    private final String path;
    private final Path file;
    private final Document document;
    private final long size;
    private Set<String> ids;

    Page(String path, Path file, Document document, long size) {
        this.path = Objects.requireNonNull(path, "path");
        this.file = Objects.requireNonNull(file, "file");
        this.document = Objects.requireNonNull(document, "document");
        this.size = size;
    }

    /** The page's path relative to the output folder, e.g. {@code procedures/nerve-block.html}. */
    public String path() {
        return path;
    }

    /** The page's file. */
    public Path file() {
        return file;
    }

    /** The parsed page; {@link #line(Element)} gives an element's line. */
    public Document document() {
        return document;
    }

    /** The file's size in bytes. */
    public long size() {
        return size;
    }

    /** Whether a fragment {@code #id} finds a target on this page: an element with that {@code id}, or an {@code a name}. */
    public boolean hasTarget(String id) {
        return targets().contains(id);
    }

    /** Every fragment target of this page: the {@code id}s and the {@code a name}s. */
    public synchronized Set<String> targets() {
        if (ids == null) {
            // One walk over the page: every page is asked, and the walk costs as much as its parse's tree building.
            Set<String> found = new HashSet<>();
            for (Element element : document.getAllElements()) {
                if (element.hasAttr("id")) {
                    found.add(element.id());
                }
                if (element.nameIs("a") && element.hasAttr("name")) {
                    found.add(element.attr("name"));
                }
            }
            ids = java.util.Collections.unmodifiableSet(found);
        }
        return ids;
    }

    /** The address a page declares canonical (made absolute from the page's place), and the line that says so. */
    record Canonical(String address, int line) {
    }

    /**
     * The page's {@code <link rel="canonical">}, if it names an address; a relative address is made
     * absolute from the page's place in the output, so equal addresses compare equal.
     */
    Optional<Canonical> canonical() {
        Element canonical = document.select("link[rel][href]").stream()
                .filter(link -> link.attr("rel").toLowerCase(Locale.ROOT).matches("(.*\\s)?canonical(\\s.*)?"))
                .findFirst().orElse(null);
        if (canonical == null || canonical.attr("href").isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Canonical(absolute(canonical.attr("href").strip()), line(canonical)));
    }

    private String absolute(String href) {
        try {
            URI uri = new URI(href);
            return uri.isAbsolute() ? uri.normalize().toString()
                    : new URI("site", "output", "/" + path, null).resolve(uri).normalize().toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return href;
        }
    }

    /** The 1-based line an element's start tag begins on, or 0 when the parser made the element up (an implied tag). */
    public static int line(Element element) {
        Range range = element.sourceRange();
        if (!range.isTracked() || range.isImplicit()) {
            return 0;
        }
        return Math.max(0, range.start().lineNumber());
    }

    /** The line an element's start tag ends on, where its content begins; 0 when unknown. */
    static int contentLine(Element element) {
        Range range = element.sourceRange();
        if (!range.isTracked() || range.isImplicit()) {
            return 0;
        }
        return Math.max(0, range.end().lineNumber());
    }

    @Override
    public String toString() {
        return path;
    }
}
