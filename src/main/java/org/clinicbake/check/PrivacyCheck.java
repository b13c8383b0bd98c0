package org.clinicbake.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.clinicbake.diag.Diagnostics;
import org.jsoup.nodes.Element;

/**
 * {@value #THIRD_PARTY}: a page or stylesheet that makes the visitor's browser request something from another host
 * (scripts, images, frames, stylesheets, fonts, media, preconnects ...), unless the host is the site's own
 * ({@code site.host}) or listed in {@value CheckContext#ALLOWED_ORIGINS}. {@value #SCRIPT}: an inline script that
 * is not a JSON-LD data block (event handler attributes and {@code javascript:} addresses included), or a script from an allowed other host (a warning; the site's own script files,
 * such as the theme's search, are fine).
 */
public final class PrivacyCheck implements OutputCheck {

    public static final String THIRD_PARTY = "privacy.third-party";
    public static final String SCRIPT = "privacy.script";

    /** {@code link rel} values that make the browser fetch (or connect to) the {@code href}. */
    private static final Set<String> REQUESTING_RELS = Set.of("stylesheet", "preload", "modulepreload", "prefetch",
            "dns-prefetch", "preconnect", "prerender", "icon", "apple-touch-icon", "manifest");

    /** {@code url(...)} and {@code @import "..."} in CSS. */
    private static final Pattern CSS_URL = Pattern.compile(
            "url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)'\"\\s]*))\\s*\\)|@import\\s+(?:\"([^\"]*)\"|'([^']*)')",
            Pattern.CASE_INSENSITIVE);
    /**
     * {@code image-set(...)} (and {@code -webkit-image-set}): its images may be plain strings, not {@code url()},
     * and the browser fetches one of them all the same.
     */
    private static final Pattern CSS_IMAGE_SET = Pattern.compile("image-set\\(((?:[^()]|\\([^()]*\\))*)\\)", Pattern.CASE_INSENSITIVE);
    /** A quoted string in an image set; one that follows {@code url(} is found by {@link #CSS_URL} already. */
    private static final Pattern CSS_STRING = Pattern.compile("(url\\(\\s*|type\\(\\s*)?(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    private static final String HINT = "serve the file from the site itself (put it under assets/), or add the host to "
            + CheckContext.ALLOWED_ORIGINS + " in jbake.properties once it is vetted; HHS guidance on tracking technologies says "
            + "a request from a health page can disclose protected health information to that host";

    @Override
    public String id() {
        return "privacy";
    }

    @Override
    public boolean checksEachPageAlone() {
        return true;
    }

    @Override
    public void checkPage(CheckContext context, Page page, Diagnostics out) {
        for (Element element : page.elements()) {
            element(context, page, element, out);
        }
    }

    @Override
    public void run(CheckContext context, Diagnostics out) {
        for (String file : context.files()) {
            if (file.toLowerCase(Locale.ROOT).endsWith(".css")) {
                stylesheet(context, file, out);
            }
        }
    }

    private static void element(CheckContext context, Page page, Element element, Diagnostics out) {
        // A line costs a second parse of the page: it is found only for a page with something to report.
        IntSupplier line = new LineOf(element);
        for (Request request : requests(element)) {
            thirdParty(context, page.path(), line, request.what(), request.url(), out);
        }
        if (element.hasAttr("style")) {
            css(context, page.path(), line, 0, "inline style", element.attr("style"), out);
        }
        inlineHandlers(page, element, line, out);
        String tag = element.normalName();
        if (tag.equals("style")) {
            css(context, page.path(), () -> Page.contentLine(element), 1, "style block", element.data(), out);
        }
        if (tag.equals("script") && runs(element)) {
            String src = element.attr("src");
            if (src.isBlank()) {
                out.warning(SCRIPT, page.path(), line.getAsInt(), "inline script runs on this page",
                        "move it into a script file of the site (the Content-Security-Policy blocks inline scripts), "
                                + "and make sure it sends nothing about the visitor to anyone (see HHS guidance on tracking technologies)");
            } else if (Urls.remoteHost(src).filter(host -> context.isAllowedHost(host)
                    && context.siteHost().filter(host::equals).isEmpty()).isPresent()) {
                out.warning(SCRIPT, page.path(), line.getAsInt(), "script '" + src + "' from another site runs on this page",
                        "remove it, or make sure it sends nothing about the visitor to anyone (see HHS guidance on "
                                + "tracking technologies); the site's own script files are fine: the Content-Security-"
                                + "Policy lets them talk only to the site itself");
            }
        }
    }

    /**
     * An element's line, found when asked. A class, not a lambda: made for every element of every page, and a
     * lambda that captures is made through a method handle, which the bake's C1-only JIT does not inline.
     */
    private record LineOf(Element element) implements IntSupplier {
        @Override
        public int getAsInt() {
            return Page.line(element);
        }
    }

    /**
     * Event handler attributes ({@code onclick}) and {@code javascript:} addresses are inline scripts
     * as much as a script element is: the Content-Security-Policy blocks them too, so the control
     * does nothing on the published site, and they can send the visit to anyone.
     */
    private static void inlineHandlers(Page page, Element element, IntSupplier line, Diagnostics out) {
        if (element.attributesSize() == 0) {
            return;
        }
        for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
            String name = attribute.getKey().toLowerCase(Locale.ROOT);
            String value = attribute.getValue();
            if (isEventHandler(name)) {
                out.warning(SCRIPT, page.path(), line.getAsInt(), "inline script runs on this page: the " + name
                                + " attribute of <" + element.normalName() + ">",
                        "move it into a script file of the site that adds the listener (the Content-Security-Policy blocks "
                                + "inline event handlers), and make sure it sends nothing about the visitor to anyone "
                                + "(see HHS guidance on tracking technologies)");
            } else if (URL_ATTRIBUTES.contains(name) && isJavascriptUrl(value)) {
                out.warning(SCRIPT, page.path(), line.getAsInt(), "inline script runs on this page: the javascript: address in "
                                + name + " of <" + element.normalName() + ">",
                        "link to a page, or use a button whose listener a script file of the site adds (the Content-"
                                + "Security-Policy blocks javascript: addresses)");
            }
        }
    }

    /**
     * Whether the browser runs a script element: one without a type, of a JavaScript type, a module, an
     * import map or speculation rules. Any other type (application/ld+json, application/json,
     * text/template ...) makes it a data block, which nothing runs and the Content-Security-Policy
     * lets through.
     */
    private static boolean runs(Element script) {
        String type = script.attr("type").strip().toLowerCase(Locale.ROOT);
        if (type.isEmpty()) {
            return true;
        }
        int parameters = type.indexOf(';');
        String essence = (parameters < 0 ? type : type.substring(0, parameters)).strip();
        return JAVASCRIPT_TYPES.contains(essence) || essence.equals("module") || essence.equals("importmap")
                || essence.equals("speculationrules");
    }

    /** The JavaScript MIME types of the HTML standard. */
    private static final Set<String> JAVASCRIPT_TYPES = Set.of("application/ecmascript", "application/javascript",
            "application/x-ecmascript", "application/x-javascript", "text/ecmascript", "text/javascript",
            "text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
            "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript", "text/x-javascript");

    /** {@code on} and one or more letters a-z: {@code onclick}, {@code onload}. Every attribute of every page is asked. */
    static boolean isEventHandler(String name) {
        if (name.length() < 3 || !name.startsWith("on")) {
            return false;
        }
        for (int i = 2; i < name.length(); i++) {
            if (name.charAt(i) < 'a' || name.charAt(i) > 'z') {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href");
    // Browsers drop tabs and newlines anywhere in an address and spaces and control characters before it.
    // Read in one pass, as every address of every page is asked: String.replaceAll compiled its pattern each time.
    static boolean isJavascriptUrl(String value) {
        String scheme = "javascript:";
        int matched = 0;
        boolean started = false;
        for (int i = 0; i < value.length() && matched < scheme.length(); i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r' || (!started && c <= 0x20)) {
                continue;
            }
            started = true;
            // A scheme's letters compare without regard to ASCII case, and only ASCII's.
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if (lower != scheme.charAt(matched)) {
                return false;
            }
            matched++;
        }
        return matched == scheme.length();
    }

    private record Request(String what, String url) {
    }

    /** The URLs an element makes the browser fetch, with what it is for the message. */
    private static List<Request> requests(Element element) {
        List<Request> requests = new ArrayList<>();
        switch (element.normalName()) {
            case "script" -> add(requests, "script", element.attr("src"));
            case "img" -> {
                add(requests, "image", element.attr("src"));
                srcset(requests, "image", element.attr("srcset"));
            }
            case "iframe", "frame" -> {
                add(requests, "frame", element.attr("src"));
                // The browser loads a srcdoc document's images and scripts as the page's own.
                if (element.hasAttr("srcdoc")) {
                    for (Element inner : org.jsoup.Jsoup.parse(element.attr("srcdoc")).getAllElements()) {
                        requests(inner).forEach(request -> requests.add(new Request("frame document's " + request.what(), request.url())));
                    }
                }
            }
            // Every relative address of the page resolves against it: the site's own stylesheet and scripts too.
            case "base" -> add(requests, "base address, for every relative address of the page,", element.attr("href"));
            case "a", "area" -> {
                // A click sends a POST to each address of ping: a tracker's beacon, though the link is navigation.
                if (element.hasAttr("ping")) {
                    for (String url : element.attr("ping").strip().split("\\s+")) {
                        add(requests, "link ping", url);
                    }
                }
            }
            case "source" -> {
                add(requests, "media source", element.attr("src"));
                srcset(requests, "image source", element.attr("srcset"));
            }
            case "video" -> {
                add(requests, "video", element.attr("src"));
                add(requests, "video poster", element.attr("poster"));
            }
            case "audio" -> add(requests, "audio", element.attr("src"));
            case "track" -> add(requests, "text track", element.attr("src"));
            case "object" -> add(requests, "embedded object", element.attr("data"));
            case "embed" -> add(requests, "embedded object", element.attr("src"));
            case "link" -> {
                for (String rel : element.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
                    if (REQUESTING_RELS.contains(rel)) {
                        add(requests, rel + " link", element.attr("href"));
                        srcset(requests, rel + " link", element.attr("imagesrcset"));
                        break;
                    }
                }
            }
            case "input" -> {
                // An image button loads its picture as an img does.
                if (element.attr("type").strip().equalsIgnoreCase("image")) {
                    add(requests, "image button", element.attr("src"));
                }
            }
            case "image", "use", "feimage" -> {
                // SVG loads these from href (xlink:href in SVG 1.1), wherever the host is.
                add(requests, "SVG " + element.normalName(), element.attr("href"));
                add(requests, "SVG " + element.normalName(), element.attr("xlink:href"));
            }
            default -> {
                // Other elements request nothing by themselves; links (a href) are navigation, not requests.
            }
        }
        if (element.hasAttr("background") && List.of("body", "table", "td", "th").contains(element.normalName())) {
            add(requests, "background image", element.attr("background"));
        }
        return requests;
    }

    private static void add(List<Request> requests, String what, String url) {
        if (!url.isBlank()) {
            requests.add(new Request(what, url.strip()));
        }
    }

    private static void srcset(List<Request> requests, String what, String srcset) {
        Urls.srcset(srcset).forEach(url -> add(requests, what, url));
    }

    private static void stylesheet(CheckContext context, String file, Diagnostics out) {
        String css;
        try {
            css = Files.readString(context.outputDir().resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        css(context, file, () -> 1, 1, "stylesheet", css, out);
    }

    /**
     * Reports the remote {@code url(...)} and {@code @import} of CSS text that starts on line {@code firstLine}; with
     * {@code perLine} 1 each finding gets its own line, with 0 they all get {@code firstLine} (a style attribute).
     */
    private static void css(CheckContext context, String path, IntSupplier firstLine, int perLine, String what, String css,
            Diagnostics out) {
        Matcher comments = CSS_COMMENT.matcher(css);
        StringBuilder code = new StringBuilder(css.length());
        while (comments.find()) {
            // Keep the newlines of a comment, so the lines of what follows stay right.
            comments.appendReplacement(code, Matcher.quoteReplacement(comments.group().replaceAll("[^\\n]", " ")));
        }
        comments.appendTail(code);
        Matcher urls = CSS_URL.matcher(code);
        while (urls.find()) {
            request(context, path, firstLine, perLine, what, code, urls.start(), firstNonNull(urls), out);
        }
        Matcher sets = CSS_IMAGE_SET.matcher(code);
        while (sets.find()) {
            Matcher strings = CSS_STRING.matcher(sets.group(1));
            while (strings.find()) {
                if (strings.group(1) == null) {
                    request(context, path, firstLine, perLine, what, code, sets.start(1) + strings.start(),
                            strings.group(2) != null ? strings.group(2) : strings.group(3), out);
                }
            }
        }
    }

    private static void request(CheckContext context, String path, IntSupplier firstLine, int perLine, String what, CharSequence code,
            int at, String url, Diagnostics out) {
        int below = perLine * (int) code.subSequence(0, at).chars().filter(c -> c == '\n').count();
        thirdParty(context, path, () -> {
            int first = firstLine.getAsInt();
            return first == 0 ? 0 : first + below;
        }, what, url, out);
    }

    private static String firstNonNull(Matcher matcher) {
        for (int group = 1; group <= matcher.groupCount(); group++) {
            if (matcher.group(group) != null) {
                return matcher.group(group);
            }
        }
        return "";
    }

    private static void thirdParty(CheckContext context, String path, IntSupplier line, String what, String url,
            Diagnostics out) {
        Optional<String> host = Urls.remoteHost(url);
        if (host.isPresent() && !context.isAllowedHost(host.get())) {
            out.error(THIRD_PARTY, path, line.getAsInt(),
                    what + " requests '" + url + "' from the third-party host " + host.get(), HINT);
        }
    }
}
