package org.clinicbake.check;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The little URL handling the checks need: internal references, their targets in the output, remote hosts. */
final class Urls {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /** {@code scheme://host...} or {@code //host...}: a request that leaves the site's folder for some host. */
    /** {@code http(s)://host} and what follows the host: its path, query and fragment. */
    private static final Pattern WEB = Pattern.compile("(?i)https?://[^/?#\\\\\\s]*(.*)", Pattern.DOTALL);
    private static final Pattern REMOTE = Pattern.compile("^(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?//([^/?#\\\\\\s]*)");

    /** A reference to a file of the output: its path as written (decoded, no query) and its fragment, if any. */
    record Reference(String path, String fragment) {
    }

    private Urls() {
    }

    /**
     * The internal reference in {@code url}, or empty for anything that leaves the output: a URL with a scheme
     * ({@code https:}, {@code mailto:}, {@code tel:}, {@code data:} ...) or a protocol-relative {@code //host/...}.
     */
    static Optional<Reference> internal(String url) {
        String trimmed = url.strip();
        if (SCHEME.matcher(trimmed).lookingAt() || trimmed.startsWith("//")) {
            return Optional.empty();
        }
        String fragment = null;
        int hash = trimmed.indexOf('#');
        if (hash >= 0) {
            fragment = decode(trimmed.substring(hash + 1));
            trimmed = trimmed.substring(0, hash);
        }
        int query = trimmed.indexOf('?');
        if (query >= 0) {
            trimmed = trimmed.substring(0, query);
        }
        return Optional.of(new Reference(decode(trimmed), fragment));
    }

    /**
     * The reference an absolute {@code http(s)} address on {@code host} makes, as a path from that host's root
     * ({@code https://clinic.example.org/about.html#team} is {@code /about.html}, {@code #team}); empty for any other address.
     */
    static Optional<Reference> onHost(String url, String host) {
        Matcher web = WEB.matcher(url.strip());
        if (!web.matches() || !remoteHost(url).filter(host::equals).isPresent()) {
            return Optional.empty();
        }
        String rest = web.group(1);
        return internal(rest.startsWith("/") ? rest : "/" + rest);
    }

    /**
     * A reference's path as one from the output's root: a path from the host's root ({@code /clinic/about.html}) loses
     * the folder the site is published in ({@code basePath}, e.g. {@code /clinic/}); empty when it lies outside it.
     */
    static Optional<String> withinSite(String referencePath, String basePath) {
        String base = decode(basePath);
        if (!referencePath.startsWith("/") || base.equals("/")) {
            return Optional.of(referencePath);
        }
        if (referencePath.equals(base.substring(0, base.length() - 1))) {
            return Optional.of("/");
        }
        return referencePath.startsWith(base) ? Optional.of(referencePath.substring(base.length() - 1)) : Optional.empty();
    }

    /**
     * The output file a reference from {@code pagePath} points to: {@code /...} from the output's root, anything else from
     * the page's folder; a folder means its {@code index.html}. Empty when the path climbs out of the output folder.
     */
    static Optional<String> resolve(String pagePath, String referencePath) {
        if (referencePath.isEmpty()) {
            return Optional.of(pagePath);
        }
        String joined = referencePath.startsWith("/")
                ? referencePath.substring(1)
                : pagePath.substring(0, pagePath.lastIndexOf('/') + 1) + referencePath;
        boolean folder = joined.isEmpty() || joined.endsWith("/") || joined.equals(".") || joined.equals("..")
                || joined.endsWith("/.") || joined.endsWith("/..");
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : joined.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.empty();
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        String path = String.join("/", segments);
        if (folder) {
            return Optional.of(path.isEmpty() ? "index.html" : path + "/index.html");
        }
        return Optional.of(path);
    }

    /**
     * The addresses of a {@code srcset}'s candidates, read as HTML reads them: an address runs to the
     * next whitespace and may hold commas ({@code w_480,c_fill/a.jpg}); a comma ends a candidate only
     * after its address or outside the parentheses of its descriptors.
     */
    static List<String> srcset(String srcset) {
        List<String> urls = new ArrayList<>();
        int length = srcset.length();
        int i = 0;
        while (i < length) {
            while (i < length && (Character.isWhitespace(srcset.charAt(i)) || srcset.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < length && !Character.isWhitespace(srcset.charAt(i))) {
                i++;
            }
            String url = srcset.substring(start, i);
            boolean ended = url.endsWith(",");
            url = url.replaceAll(",+$", "");
            if (!url.isEmpty()) {
                urls.add(url);
            }
            if (!ended) {
                int depth = 0;
                while (i < length && (srcset.charAt(i) != ',' || depth > 0)) {
                    char c = srcset.charAt(i);
                    depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
                    i++;
                }
            }
        }
        return urls;
    }

    /** The lower-case host a URL requests from, or empty for a URL that stays on the site (relative, {@code data:}). */
    static Optional<String> remoteHost(String url) {
        Matcher matcher = REMOTE.matcher(url.strip());
        if (!matcher.find()) {
            return Optional.empty();
        }
        String authority = matcher.group(1);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            authority = close > 0 ? authority.substring(0, close + 1) : authority;
        } else if (authority.indexOf(':') >= 0) {
            authority = authority.substring(0, authority.indexOf(':'));
        }
        return Optional.of(authority.toLowerCase(Locale.ROOT));
    }

    /** The host of an origin or URL ({@code https://cdn.example.org}), or of a bare host name ({@code cdn.example.org}). */
    static Optional<String> hostOf(String originOrHost) {
        String value = originOrHost.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> remote = remoteHost(value);
        if (remote.isPresent()) {
            return remote.filter(host -> !host.isEmpty());
        }
        return remoteHost("//" + value).filter(host -> !host.isEmpty());
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
