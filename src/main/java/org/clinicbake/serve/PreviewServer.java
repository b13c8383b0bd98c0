package org.clinicbake.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves the preview folder over HTTP, adding the live-reload script to HTML pages as they are
 * sent (the files on disk never contain it), and pushes reload and error events to open pages.
 *
 * <p>Requests cannot leave the folder: paths are decoded once, normalised, and checked again
 * after following symbolic links; unknown paths get the theme's 404 page with status 404; there
 * are no directory listings.
 */
final class PreviewServer implements AutoCloseable {

    static final String EVENTS = "/__clinicbake/events";
    static final String SCRIPT = "/__clinicbake/livereload.js";
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("xml", "application/xml; charset=utf-8"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"), Map.entry("woff2", "font/woff2"), Map.entry("pdf", "application/pdf"));

    private final Path root;
    private final HttpServer server;
    private final CopyOnWriteArrayList<OutputStream> listeners = new CopyOnWriteArrayList<>();
    private volatile String errors;
    /** The last good rebuild's warnings about each page's article, by the page's path in the output. */
    private volatile Map<String, String> notes = Map.of();
    /**
     * How many times the open pages were told to reload. A page carries the count it was served at
     * to its event stream, which connects only once the page is parsed: a reload sent in between
     * (a save while a long page loaded) is otherwise lost, and the page stays as it was.
     */
    private final java.util.concurrent.atomic.AtomicLong reloads = new java.util.concurrent.atomic.AtomicLong();
    /** The folder site.host publishes the site in: the preview serves it there too, so the 404 page's links work. */
    private volatile Folder folder;

    /**
     * A folder of the server as written in an address ({@code raw}, percent-encoded) and as a request's
     * path reads, with the folders this preview served the site in before ({@code before}, decoded, longest first).
     */
    private record Folder(String raw, String decoded, java.util.List<String> before) {
    }

    /** Serves the folder {@code root} in the folder {@code basePath} of the server (see {@link #serveAt}). */
    PreviewServer(Path root, String basePath, InetAddress address, int port) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.folder = new Folder(basePath, decode(basePath), java.util.List.of());
        this.server = HttpServer.create(new InetSocketAddress(address, port), 0);
        server.createContext("/", this::handle);
        // Event streams hold a thread each; a cached pool keeps pages and streams apart.
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "clinicbake-http");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Serves the site in this folder of the server ({@code /} or e.g. {@code /clinic/}, percent-encoded as in site.host). */
    void serveAt(String basePath) {
        Folder now = folder;
        String decoded = decode(basePath);
        // Remembered so that an open page, whose reload asks for its old address, is sent on to the new
        // one; longest first, as /clinic/about.html was the page about.html of /clinic/, not of /.
        java.util.Set<String> before = new java.util.HashSet<>(now.before());
        before.add(now.decoded());
        before.remove(decoded);
        folder = new Folder(basePath, decoded, before.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList());
    }

    private static String decode(String basePath) {
        try {
            return java.net.URLDecoder.decode(basePath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return basePath;
        }
    }

    /** Tells every open page to reload, and forgets the last errors. */
    void reload() {
        errors = null;
        reloads.incrementAndGet();
        broadcast("reload", "{}");
    }

    /** Shows these warnings on their pages from the next time each is served: the reload that follows. */
    void showNotes(Map<String, String> notesByPage) {
        notes = Map.copyOf(notesByPage);
    }

    /** Shows the build's errors over every open page (and over pages opened later, until a reload). */
    void showErrors(String text) {
        errors = text;
        broadcast("errors", errorsJson(text));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!forThisComputer(exchange)) {
                send(exchange, 403, "text/plain; charset=utf-8", ("this preview answers to 127.0.0.1 and localhost only\n")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (EVENTS.equals(path)) {
                stream(exchange);
                return;
            }
            if (SCRIPT.equals(path)) {
                try (InputStream script = PreviewServer.class.getResourceAsStream("/org/clinicbake/serve/livereload.js")) {
                    send(exchange, 200, TYPES.get("js"), script.readAllBytes());
                }
                return;
            }
            Folder site = folder;
            String base = site.decoded();
            if (base.equals("/")) {
                serveFile(exchange, path);
            } else if (path.equals("/") || path.equals(base.substring(0, base.length() - 1))) {
                // The bare server, or the folder without its slash: take the browser to the site.
                exchange.getResponseHeaders().set("Location", site.raw());
                send(exchange, 302, "text/plain; charset=utf-8", ("the site is at " + site.raw() + "\n").getBytes(StandardCharsets.UTF_8));
            } else if (path.startsWith(base)) {
                serveFile(exchange, path.substring(base.length() - 1));
            } else {
                notFound(exchange);
            }
        }
    }

    /**
     * Whether a request to a preview on this computer only names this computer. A web page the editor
     * opens can have its own name resolve to 127.0.0.1 a moment later (DNS rebinding), and its scripts
     * then read the preview as that page's own site: the drafts and the error messages with their
     * paths. The browser still sends that name as Host. A preview bound to another address with --bind
     * answers to any name: it is reached by whatever the network calls this computer.
     */
    private boolean forThisComputer(HttpExchange exchange) {
        if (!server.getAddress().getAddress().isLoopbackAddress()) {
            return true;
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null) {
            return true; // HTTP/1.0 without Host: no browser sends such a request
        }
        host = host.strip().toLowerCase(Locale.ROOT);
        int port = host.startsWith("[") ? host.indexOf("]:") + 1 : host.lastIndexOf(':');
        String name = port > 0 ? host.substring(0, port) : host;
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("[::1]")
                || name.matches("127(\\.\\d{1,3}){3}");
    }

    private void serveFile(HttpExchange exchange, String path) throws IOException {
        Path file = resolve(path);
        if (file == null) {
            notFound(exchange);
            return;
        }
        if (!path.endsWith("/") && Files.isDirectory(root.resolve(path.substring(1)))) {
            // As a host does: the folder's page links relative to the folder (../css/site.css), which
            // without the slash is one level up, out of a site published in a folder of its host.
            String query = exchange.getRequestURI().getRawQuery();
            String location = exchange.getRequestURI().getRawPath() + "/" + (query == null ? "" : "?" + query);
            exchange.getResponseHeaders().set("Location", location);
            send(exchange, 301, "text/plain; charset=utf-8", ("the page is at " + location + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        // Counted before the file is read: a page read after a rebuild but labelled before it reloads once more, never once less.
        long built = reloads.get();
        byte[] body;
        try {
            body = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            notFound(exchange);
            return;
        }
        String type = type(file);
        if (type.startsWith("text/html")) {
            String page = root.toRealPath().relativize(file).toString().replace('\\', '/');
            body = withLiveReload(body, built, notes.get(page));
        }
        send(exchange, 200, type, body);
    }

    /** The file for a request path, or null when it does not exist or lies outside the folder. */
    private Path resolve(String path) throws IOException {
        if (path == null || path.indexOf('\0') >= 0 || path.contains("\\")) {
            return null;
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return null;
            }
        }
        // The folder is swapped atomically after each rebuild; for a moment it may not exist.
        for (int wait = 0; wait < 10 && !Files.isDirectory(root); wait++) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        Path file = root.resolve(path.startsWith("/") ? path.substring(1) : path).normalize();
        if (!file.startsWith(root)) {
            return null;
        }
        if (Files.isDirectory(file)) {
            file = file.resolve("index.html");
        }
        if (!Files.isRegularFile(file)) {
            return null;
        }
        // A symbolic link inside the folder must not lead out of it.
        Path real = file.toRealPath();
        return real.startsWith(root.toRealPath()) ? real : null;
    }

    private void notFound(HttpExchange exchange) throws IOException {
        String moved = movedTo(exchange);
        if (moved != null) {
            // 302, not 301: the browser must not remember it, as site.host may move the site back.
            exchange.getResponseHeaders().set("Location", moved);
            send(exchange, 302, "text/plain; charset=utf-8", ("the page is at " + moved + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        Path page = root.resolve("404.html");
        long built = reloads.get();
        // Live reload on the bare page too: before a first bake succeeds it is all the editor sees,
        // and it must show the bake's errors and reload once they are fixed.
        byte[] body = withLiveReload(Files.isRegularFile(page) ? Files.readAllBytes(page)
                : "<!DOCTYPE html><title>Not found</title><h1>Not found</h1>".getBytes(StandardCharsets.UTF_8), built, null);
        send(exchange, 404, TYPES.get("html"), body);
    }

    /**
     * The address of the page asked for in a folder this preview served the site in before site.host
     * moved it, when the page is still there in the new folder; else null. An open page reloads its own
     * address after the rebuild, and would get the 404 page instead of the page the editor was on.
     */
    private String movedTo(HttpExchange exchange) throws IOException {
        Folder site = folder;
        String path = exchange.getRequestURI().getPath();
        for (String before : path == null ? java.util.List.<String>of() : site.before()) {
            String page = path.startsWith(before) ? path.substring(before.length() - 1)
                    : path.equals(before.substring(0, before.length() - 1)) ? "/" : null;
            if (page == null || resolve(page) == null) {
                continue;
            }
            try {
                String query = exchange.getRequestURI().getRawQuery();
                return site.raw() + new URI(null, null, page, null).toASCIIString().substring(1) + (query == null ? "" : "?" + query);
            } catch (java.net.URISyntaxException e) {
                return null;
            }
        }
        return null;
    }

    private static byte[] withLiveReload(byte[] html, long built, String notes) {
        String page = new String(html, StandardCharsets.UTF_8);
        // The script passes its query on to the event stream (livereload.js), and shows the notes.
        String tag = "<script src=\"" + SCRIPT + "?built=" + built + "\""
                + (notes == null ? "" : " data-notes=\"" + escapeAttribute(notes) + "\"") + " defer></script>";
        int end = page.lastIndexOf("</body>");
        page = end < 0 ? page + tag : page.substring(0, end) + tag + page.substring(end);
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        long built = builtAt(exchange.getRequestURI().getRawQuery());
        try {
            synchronized (out) {
                // Listening before the state is read: a broadcast from now on waits for this block and follows it.
                listeners.add(out);
                out.write(": connected\n\n".getBytes(StandardCharsets.UTF_8));
                String current = errors;
                if (current != null) {
                    out.write(event("errors", errorsJson(current)));
                } else if (built >= 0 && built != reloads.get()) {
                    out.write(event("reload", "{}"));
                }
                out.flush();
            }
            // Hold the connection open; broadcasts write to it from other threads.
            while (listeners.contains(out)) {
                Thread.sleep(15_000);
                synchronized (out) {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the page went away
        } finally {
            listeners.remove(out);
        }
    }

    /** The reload count a page was served at, from its event stream's query ({@code built=3}), or -1. */
    private static long builtAt(String query) {
        for (String parameter : query == null ? new String[0] : query.split("&")) {
            if (parameter.startsWith("built=")) {
                try {
                    return Long.parseLong(parameter.substring(6));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private void broadcast(String name, String data) {
        byte[] message = event(name, data);
        for (OutputStream listener : listeners) {
            try {
                synchronized (listener) {
                    listener.write(message);
                    listener.flush();
                }
            } catch (IOException e) {
                listeners.remove(listener);
            }
        }
    }

    private static byte[] event(String name, String data) {
        return ("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String escapeAttribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String errorsJson(String text) {
        return "{\"text\":" + com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.textNode(text) + "}";
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            exchange.getResponseBody().write(body);
        }
    }

    private static String type(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "application/octet-stream" : TYPES.getOrDefault(name.substring(dot + 1), "application/octet-stream");
    }

    @Override
    public void close() {
        listeners.clear();
        server.stop(0);
    }

    static URI url(InetAddress address, int port) {
        String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return URI.create("http://" + host + ":" + port + "/");
    }
}
