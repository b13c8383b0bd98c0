package org.clinicbake.check;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.nodes.Range;

/**
 * One HTML page of the output, parsed by jsoup. Source positions are not tracked by the parse that
 * every check reads (tracking took a fifth of the checks' time); {@link #line(Element)} finds them
 * in a second, tracked parse of the same bytes, made only for a page with something to report.
 *
 * <p>{@link #path()} is relative to the output folder with {@code /} separators: the path diagnostics name.
 */
public final class Page {

    private final String path;
    /** The key under which a parsed document knows its page, for {@link #line(Element)}. */
    private static final String PAGE = "clinicbake.page";

    private final Path file;
    private final Document document;
    private final byte[] bytes;
    private Set<String> ids;
    private List<Element> elements;
    private List<Element> positioned;
    private Map<Element, Integer> order;

    Page(String path, Path file, Document document, byte[] bytes) {
        this.path = Objects.requireNonNull(path, "path");
        this.file = Objects.requireNonNull(file, "file");
        this.document = Objects.requireNonNull(document, "document");
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        document.attributes().userData(PAGE, this);
    }

    /** The page's path relative to the output folder, e.g. {@code procedures/nerve-block.html}. */
    public String path() {
        return path;
    }

    /** The page's file. */
    public Path file() {
        return file;
    }

    /**
     * The parsed page, shared by every check of the page: checks read it and never change it (an
     * element's line is found by its place in the page); {@link #line(Element)} gives an element's line.
     */
    public Document document() {
        return document;
    }

    /**
     * Every element of the page in document order, the document itself first: found in one walk,
     * which every check then reads, instead of a walk over the whole page for each of their queries.
     */
    public synchronized List<Element> elements() {
        if (elements == null) {
            // A walk of our own: getAllElements, a stream over the same walk, took a twentieth of the check.
            List<Element> all = new java.util.ArrayList<>();
            org.jsoup.select.NodeTraversor.traverse((node, depth) -> {
                if (node instanceof Element element) {
                    all.add(element);
                }
            }, document);
            elements = java.util.Collections.unmodifiableList(all);
        }
        return elements;
    }

    /** The elements a query finds, in document order: what {@code document().select(query)} gives, from {@link #elements()}. */
    public List<Element> select(Evaluator query) {
        List<Element> found = new java.util.ArrayList<>();
        for (Element element : elements()) {
            if (query.matches(document, element)) {
                found.add(element);
            }
        }
        return found;
    }

    /** The first element a query finds, or null: what {@code document().selectFirst(query)} gives, from {@link #elements()}. */
    public Element selectFirst(Evaluator query) {
        for (Element element : elements()) {
            if (query.matches(document, element)) {
                return element;
            }
        }
        return null;
    }

    /** The file's size in bytes. */
    public long size() {
        return bytes.length;
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
            for (Element element : elements()) {
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

    /** The address a page declares canonical, made absolute from the page's place. */
    record Canonical(String address) {
    }

    /**
     * The page's {@code <link rel="canonical">}, if it names an address; a relative address is made
     * absolute from the page's place in the output, so equal addresses compare equal.
     */
    Optional<Canonical> canonical() {
        return canonicalLink().map(link -> new Canonical(absolute(link.attr("href").strip())));
    }

    /** The {@code <link rel="canonical">} element that names an address, if the page has one. */
    Optional<Element> canonicalLink() {
        for (Element link : elements()) {
            if (link.nameIs("link") && link.hasAttr("rel") && link.hasAttr("href")
                    && CANONICAL.matcher(link.attr("rel").toLowerCase(Locale.ROOT)).matches()) {
                return Optional.of(link).filter(canonical -> !canonical.attr("href").isBlank());
            }
        }
        return Optional.empty();
    }

    private static final Pattern CANONICAL = Pattern.compile("(.*\\s)?canonical(\\s.*)?");

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
        Range range = positioned(element).sourceRange();
        if (!range.isTracked() || range.isImplicit()) {
            return 0;
        }
        return Math.max(0, range.start().lineNumber());
    }

    /** The line an element's start tag ends on, where its content begins; 0 when unknown. */
    static int contentLine(Element element) {
        Range range = positioned(element).sourceRange();
        if (!range.isTracked() || range.isImplicit()) {
            return 0;
        }
        return Math.max(0, range.end().lineNumber());
    }

    /**
     * The element itself when its parse tracked positions, else the element in the same place of a
     * tracked parse of its page's bytes (made once per page, on the first question).
     */
    private static Element positioned(Element element) {
        if (element.sourceRange().isTracked()) {
            return element;
        }
        Document owner = element.ownerDocument();
        return owner != null && owner.attributes().userData(PAGE) instanceof Page page ? page.positionedTwin(element) : element;
    }

    private synchronized Element positionedTwin(Element element) {
        if (positioned == null) {
            positioned = CheckContext.parse(bytes, file, true).getAllElements();
            order = new IdentityHashMap<>();
            List<Element> all = elements();
            for (int i = 0; i < all.size(); i++) {
                order.put(all.get(i), i);
            }
        }
        Integer place = order.get(element);
        return place == null || place >= positioned.size() ? element : positioned.get(place);
    }

    @Override
    public String toString() {
        return path;
    }
}
