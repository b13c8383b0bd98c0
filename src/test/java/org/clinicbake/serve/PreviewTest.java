package org.clinicbake.serve;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture plus a draft, served by {@code clinicbake serve} on a free port of
 * 127.0.0.1. Features tested: pages are served with the live-reload script (never written to
 * disk), an edit rebuilds and sends a reload event, errors are sent to the page and cleared by the
 * fix, requests cannot leave the preview folder, unknown paths get the 404 page, a page open when
 * site.host moves the site to another folder is sent on to it there, and drafts are previewed but
 * never baked.
 */
class PreviewTest {

    @TempDir
    Path temp;
    Path site;
    Preview preview;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startPreview() throws IOException {
        site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE + SiteFixture.DRAFT_PAGE);
        preview = Preview.start(site, InetAddress.getLoopbackAddress(), 0, new PrintWriter(new StringWriter()));
    }

    @AfterEach
    void stopPreview() throws IOException {
        preview.close();
    }

    @Test
    void servesPagesWithTheLiveReloadScriptWhichTheFilesDoNotContain() throws Exception {
        HttpResponse<String> page = get("/procedures/nerve-block.html");

        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().matches("(?s).*<script src=\"/__clinicbake/livereload\\.js\\?built=\\d+\" defer></script></body>.*"), page.body());
        assertFalse(Files.readString(site.resolve(".clinicbake/preview/procedures/nerve-block.html")).contains("livereload"));
        assertEquals("text/css; charset=utf-8", get("/css/site.css").headers().firstValue("Content-Type").orElseThrow());
        assertEquals("127.0.0.1", preview.url().getHost());
    }

    @Test
    void aPageShowsTheWarningsAboutItsArticleUntilTheyAreFixed() throws Exception {
        BlockingQueue<String> events = listen();
        SiteFixture.edit(site, "content/procedures/nerve-block.adoc",
                ":description: What a nerve block is, how the doctor does it, and how it may ease your pain.",
                ":description: Nerve blocks.");
        assertEquals("reload", events.poll(60, TimeUnit.SECONDS));

        // Warnings do not stop a rebuild: only the terminal said that this page's summary was too short.
        String page = get("/procedures/nerve-block.html").body();
        java.util.regex.Matcher notes = java.util.regex.Pattern.compile(" data-notes=\"([^\"]*)\"").matcher(page);
        assertTrue(notes.find(), page);
        assertTrue(notes.group(1).startsWith("content/procedures/nerve-block.adoc:6: warning[header.description-length]"), notes.group(1));
        assertFalse(get("/index.html").body().contains("data-notes"), "another page has nothing to say");

        SiteFixture.edit(site, "content/procedures/nerve-block.adoc", ":description: Nerve blocks.",
                ":description: What a nerve block is, how the doctor does it, and how it may ease your pain.");
        assertEquals("reload", events.poll(60, TimeUnit.SECONDS));
        assertFalse(get("/procedures/nerve-block.html").body().contains("data-notes"));
    }

    @Test
    void anEditRebuildsThePageAndTellsOpenPagesToReload() throws Exception {
        BlockingQueue<String> events = listen();
        Path article = site.resolve("content/procedures/nerve-block.adoc");

        Files.writeString(article, Files.readString(article).replace("The doctor uses X-ray guidance.",
                "The doctor uses live X-ray guidance."));

        assertEquals("reload", events.poll(60, TimeUnit.SECONDS));
        assertTrue(get("/procedures/nerve-block.html").body().contains("The doctor uses live X-ray guidance."));
        assertTrue(preview.lastLatencyMillis() >= 0);
        assertTrue(preview.lastResult().phases().containsKey(org.clinicbake.build.SiteBuild.TEXT_EDIT),
                "a text edit takes the short path: " + preview.lastResult().phases());
    }

    @Test
    void aPageServedJustBeforeARebuildReloadsWhenItsEventStreamConnectsAfterIt() throws Exception {
        BlockingQueue<String> rebuilt = listen();
        HttpResponse<String> page = get("/procedures/nerve-block.html");
        SiteFixture.edit(site, "content/procedures/nerve-block.adoc", "X-ray guidance.", "X-ray guidance, saved again.");
        assertEquals("reload", rebuilt.poll(60, TimeUnit.SECONDS));

        // The page's script connects once the page is parsed, after the reload above was sent: the
        // stream's first word must be the reload it missed, or the page shows the text before the save.
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("<script src=\"/__clinicbake/livereload\\.js(\\?[^\"]*)?\"").matcher(page.body());
        assertTrue(script.find(), page.body());
        BlockingQueue<String> events = listen("/__clinicbake/events" + (script.group(1) == null ? "" : script.group(1)));
        assertEquals("reload", events.poll(10, TimeUnit.SECONDS));
        assertTrue(get("/procedures/nerve-block.html").body().contains("saved again"));
    }

    @Test
    void aPageServedAfterTheLatestRebuildIsNotReloadedWhenItsEventStreamConnects() throws Exception {
        HttpResponse<String> page = get("/procedures/nerve-block.html");
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("<script src=\"/__clinicbake/livereload\\.js(\\?[^\"]*)\"").matcher(page.body());
        assertTrue(script.find(), page.body());

        BlockingQueue<String> events = listen("/__clinicbake/events" + script.group(1));
        SiteFixture.edit(site, "content/procedures/nerve-block.adoc", "X-ray guidance.", "X-ray guidance, saved once.");
        assertEquals("reload", events.poll(60, TimeUnit.SECONDS));
        assertEquals(null, events.poll(1, TimeUnit.SECONDS), "one save, one reload");
    }

    @Test
    void asciidoctorWarmsUpInTheBackgroundWhileEditsStillRebuild() throws Exception {
        BlockingQueue<String> events = listen();
        Path article = site.resolve("content/procedures/nerve-block.adoc");

        Files.writeString(article, Files.readString(article).replace("X-ray guidance.", "X-ray guidance, during the warm-up."));
        assertEquals("reload", events.poll(60, TimeUnit.SECONDS));
        assertTrue(get("/procedures/nerve-block.html").body().contains("during the warm-up"));

        int conversions = preview.warmUp().get(2, TimeUnit.MINUTES);
        assertTrue(conversions > 0, "the site's articles were converted in the background: " + conversions);
        assertFalse(Files.exists(site.resolve("output")), "the warm-up writes nothing");
    }

    @Test
    void aBrokenArticleShowsItsErrorsAndTheFixClearsThem() throws Exception {
        BlockingQueue<String> events = listen();
        Path article = site.resolve("content/procedures/nerve-block.adoc");
        String good = Files.readString(article);

        Files.writeString(article, good.replace(":jbake-type: therapy", ":jbake-type: therapie"));
        String shown = events.poll(60, TimeUnit.SECONDS);
        assertTrue(shown != null && shown.startsWith("errors:") && shown.contains("nerve-block.adoc:2: error[header.unknown-type]"), shown);
        assertTrue(get("/procedures/nerve-block.html").body().contains("The doctor uses X-ray guidance."),
                "the last good page is still served");

        Files.writeString(article, good);
        assertEquals("reload", events.poll(60, TimeUnit.SECONDS));
    }

    @Test
    void aRebuildThatFailsWithAnErrorIsShownInTheBrowserAndTheTerminalAndTheFixReloads() throws Exception {
        preview.close();
        StringWriter terminal = new StringWriter();
        preview = Preview.start(site, InetAddress.getLoopbackAddress(), 0, new PrintWriter(terminal));
        BlockingQueue<String> events = listen();
        Path footer = site.resolve("templates/partials/footer.peb");
        SiteFixture.writeFile(footer, "<footer>\n<p>Spine</p>\n</footer>\n");
        assertEquals("reload", events.poll(60, TimeUnit.SECONDS));

        SiteFixture.writeFile(footer, "<footer>\n<p>{{ greeting_translated() }}</p>\n</footer>\n");
        // An Error, unlike an exception, ended the rebuild inside the executor, which kept it to itself:
        // the page neither reloaded nor showed anything, and the terminal said nothing either.
        String shown = events.poll(60, TimeUnit.SECONDS);
        // It once waited out its minute here under heavy load: templates/partials/, made with templates/ by the save
        // above, was made between the watcher's listing of templates/ and its watch of it, so partials/ was never
        // watched and this save never seen (SiteWatcher.registerTree now watches a folder before listing it).
        assertTrue(shown != null && shown.startsWith("errors:") && shown.contains("NoClassDefFoundError: com/example/translate/Translator"),
                () -> shown + "\nterminal:\n" + terminal);
        assertTrue(terminal.toString().contains("clinicbake: error[internal]: java.lang.NoClassDefFoundError"), terminal.toString());

        SiteFixture.writeFile(footer, "<footer>\n<p>Seabright</p>\n</footer>\n");
        assertEquals("reload", events.poll(60, TimeUnit.SECONDS));
        assertTrue(get("/procedures/nerve-block.html").body().contains("<p>Seabright</p>"));
    }

    @Test
    void aSiteBrokenWhenThePreviewStartsShowsItsErrorsAtOnce() throws Exception {
        preview.close();
        Path broken = SiteFixture.write(temp.resolve("broken"), MINIMAL_SITE.replace(":jbake-type: therapy", ":jbake-type: therapie"));
        preview = Preview.start(broken, InetAddress.getLoopbackAddress(), 0, new PrintWriter(new StringWriter()));

        // Nothing was ever published: the page is the bare 404, which must still carry the live reload.
        HttpResponse<String> page = get("/procedures/nerve-block.html");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("/__clinicbake/livereload.js"), page.body());
        BlockingQueue<String> events = listen();
        String shown = events.poll(10, TimeUnit.SECONDS);
        assertTrue(shown != null && shown.startsWith("errors:") && shown.contains("nerve-block.adoc:2: error[header.unknown-type]"), shown);

        SiteFixture.edit(broken, "content/procedures/nerve-block.adoc", ":jbake-type: therapie", ":jbake-type: therapy");
        assertEquals("reload", events.poll(60, TimeUnit.SECONDS));
        assertEquals(200, get("/procedures/nerve-block.html").statusCode());
    }

    @Test
    void aSitePublishedInAFolderOfItsHostIsPreviewedInThatFolderWhereThe404PageLinksWork() throws Exception {
        previewInAFolder();

        assertEquals("/spine-care/", preview.url().getPath());
        HttpResponse<String> bare = get("/");
        assertEquals(302, bare.statusCode());
        assertEquals("/spine-care/", bare.headers().firstValue("Location").orElseThrow());
        assertEquals(200, get("/spine-care/procedures/nerve-block.html").statusCode());
        assertEquals(404, get("/procedures/nerve-block.html").statusCode(), "outside the site's folder");
        HttpResponse<String> missing = get("/spine-care/no/such/page.html");
        assertEquals(404, missing.statusCode());
        java.util.regex.Matcher stylesheet = java.util.regex.Pattern.compile("href=\"(/spine-care/css/[^\"]+\\.css)\"").matcher(missing.body());
        assertTrue(stylesheet.find(), missing.body());
        assertEquals(200, get(stylesheet.group(1)).statusCode(), "the 404 page's stylesheet, linked from the site's folder");
    }

    /** Previews, instead, the fixture published in a folder of its host (site.host=https://clinic.example.org/spine-care). */
    private void previewInAFolder() throws IOException {
        preview.close();
        Path inFolder = SiteFixture.write(temp.resolve("in-folder"), MINIMAL_SITE.replace("site.host=https://clinic.example.org",
                "site.host=https://clinic.example.org/spine-care"));
        preview = Preview.start(inFolder, InetAddress.getLoopbackAddress(), 0, new PrintWriter(new StringWriter()));
    }

    @Test
    void aPageOpenWhenSiteHostMovesTheSiteIntoAFolderIsRedirectedThereWhenItReloads() throws Exception {
        BlockingQueue<String> events = listen();

        SiteFixture.edit(site, "jbake.properties", "site.host=https://clinic.example.org", "site.host=https://clinic.example.org/spine-care/");
        assertEquals("reload", events.poll(60, TimeUnit.SECONDS));

        // The open page reloaded its own address, outside the new folder, and got the 404 page.
        assertMovedTo("/procedures/nerve-block.html?from=nav", "/spine-care/procedures/nerve-block.html?from=nav");
        HttpResponse<String> missing = get("/no/such/page.html");
        assertEquals(404, missing.statusCode(), "no such page in the new folder either");
        assertTrue(missing.body().contains("Page not found"), missing.body());
    }

    @Test
    void aPageOpenWhenSiteHostMovesTheSiteToAnotherFolderOrBackToTheRootIsRedirectedThere() throws Exception {
        previewInAFolder();
        Path inFolder = temp.resolve("in-folder");
        BlockingQueue<String> events = listen();

        SiteFixture.edit(inFolder, "jbake.properties", "site.host=https://clinic.example.org/spine-care", "site.host=https://clinic.example.org/pain-clinic");
        assertEquals("reload", events.poll(60, TimeUnit.SECONDS));
        assertMovedTo("/spine-care/procedures/nerve-block.html", "/pain-clinic/procedures/nerve-block.html");
        assertEquals(404, get("/spine-care/no/such/page.html").statusCode());

        SiteFixture.edit(inFolder, "jbake.properties", "site.host=https://clinic.example.org/pain-clinic", "site.host=https://clinic.example.org");
        assertEquals("reload", events.poll(60, TimeUnit.SECONDS));
        assertMovedTo("/pain-clinic/procedures/nerve-block.html", "/procedures/nerve-block.html");
        assertEquals("/", get("/spine-care/").headers().firstValue("Location").orElseThrow(), "a folder the site was in before that");
    }

    /** A request for {@code from} is sent on (302, not remembered) to {@code to}, where the page is. */
    private void assertMovedTo(String from, String to) throws Exception {
        HttpResponse<String> moved = get(from);
        assertEquals(302, moved.statusCode());
        assertEquals(to, moved.headers().firstValue("Location").orElseThrow());
        assertEquals(200, get(to).statusCode());
    }

    @Test
    void aFolderAskedForWithoutItsSlashIsRedirectedToItSoItsPageLinksWork() throws Exception {
        previewInAFolder();

        // Served as it was, /spine-care/tags was a page whose links (../css/site.css) led out of
        // the site's folder: no stylesheet and no working link. A host sends the browser to the folder.
        HttpResponse<String> bare = get("/spine-care/tags?from=nav");
        assertEquals(301, bare.statusCode());
        assertEquals("/spine-care/tags/?from=nav", bare.headers().firstValue("Location").orElseThrow());
        assertEquals(200, get("/spine-care/tags/").statusCode());
        assertEquals(200, get("/spine-care/tags/index.html").statusCode());
    }

    @Test
    void aSiteWithItsOwnContentFolderIsWatchedThere() throws Exception {
        preview.close();
        Path custom = SiteFixture.write(temp.resolve("custom"), MINIMAL_SITE.replace("content/procedures/", "articles/procedures/")
                .replace("site.host=https://clinic.example.org", "site.host=https://clinic.example.org\ncontent.folder=articles"));
        preview = Preview.start(custom, InetAddress.getLoopbackAddress(), 0, new PrintWriter(new StringWriter()));
        BlockingQueue<String> events = listen();

        SiteFixture.edit(custom, "articles/procedures/nerve-block.adoc", "X-ray guidance.", "live X-ray guidance.");

        // Only content/ was watched: saves in the folder the site names never reached the preview.
        assertEquals("reload", events.poll(60, TimeUnit.SECONDS));
        assertTrue(get("/procedures/nerve-block.html").body().contains("live X-ray guidance."));
        assertTrue(preview.warmUp().get(2, TimeUnit.MINUTES) > 0, "the warm-up converts the articles of the folder the site names");
    }

    @Test
    void aContentFolderMovedAwayShowsTheErrorAndComingBackReloads() throws Exception {
        BlockingQueue<String> events = listen();
        Path moved = temp.resolve("content-elsewhere");

        Files.move(site.resolve("content"), moved);
        String shown = events.poll(60, TimeUnit.SECONDS);
        assertTrue(shown != null && shown.startsWith("errors:") && shown.contains("error[site.missing-content]"), shown);

        Files.move(moved, site.resolve("content"));
        assertEquals("reload", events.poll(60, TimeUnit.SECONDS));
        SiteFixture.edit(site, "content/procedures/nerve-block.adoc", "X-ray guidance.", "X-ray guidance, watched again.");
        assertEquals("reload", events.poll(60, TimeUnit.SECONDS));
        assertTrue(get("/procedures/nerve-block.html").body().contains("watched again"));
    }

    @Test
    void aBrokenImageShowsInTheBrowserAtTheArticlesLine() throws Exception {
        BlockingQueue<String> events = listen();

        SiteFixture.edit(site, "content/procedures/nerve-block.adoc", "The doctor uses X-ray guidance.",
                "The doctor uses X-ray guidance.\n\nimage::needle-diagram.png[Where the needle goes]");

        // The output checks ran only in bakes: the editor saw a broken image and no word of why.
        String shown = events.poll(60, TimeUnit.SECONDS);
        assertTrue(shown != null && shown.startsWith("errors:") && shown.contains("nerve-block.adoc:19: error[link.broken]: image 'needle-diagram.png'"),
                shown);
        SiteFixture.writeFile(site.resolve("content/procedures/needle-diagram.png"), "PNG");
        SiteFixture.edit(site, "content/procedures/nerve-block.adoc", "The doctor uses X-ray guidance.", "The doctor uses live X-ray guidance.");
        assertEquals("reload", events.poll(60, TimeUnit.SECONDS));
    }

    @Test
    void requestsCannotLeaveThePreviewFolder() throws Exception {
        Path outside = Files.writeString(temp.resolve("secret.txt"), "PATIENT RECORDS");
        Files.createSymbolicLink(site.resolve(".clinicbake/preview/leak.txt"), outside);

        for (String path : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/css/..%2f..%2fsecret.txt",
                "/..%5csecret.txt", "/leak.txt", "/../../../../etc/passwd"}) {
            String response = raw(path);
            assertTrue(response.startsWith("HTTP/1.1 404"), path + " -> " + response.lines().findFirst().orElse(""));
            assertFalse(response.contains("PATIENT RECORDS") || response.contains("root:"), path);
        }
    }

    @Test
    void answersOnlyToThisComputersOwnNamesSoAWebPageCannotReadTheDraftsThroughItsName() throws Exception {
        int port = preview.url().getPort();
        // DNS rebinding: a page of attacker.example, whose name then resolves to 127.0.0.1, reads what it asks for.
        for (String path : new String[] {"/news-draft.html", "/__clinicbake/events"}) {
            String response = raw(path, "attacker.example:" + port);
            assertTrue(response.startsWith("HTTP/1.1 403"), path + " -> " + response.lines().findFirst().orElse(""));
            assertFalse(response.contains("Coming Soon"), path);
        }
        for (String host : new String[] {"127.0.0.1:" + port, "localhost:" + port, "LocalHost", "[::1]:" + port}) {
            assertTrue(raw("/news-draft.html", host).startsWith("HTTP/1.1 200"), host);
        }
    }

    @Test
    void unknownPathsGetTheThemes404PageAndFoldersAreNotListed() throws Exception {
        HttpResponse<String> missing = get("/no/such/page.html");
        HttpResponse<String> folder = get("/procedures/");

        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("Page not found"), missing.body());
        assertEquals(404, folder.statusCode());
        assertFalse(folder.body().contains("nerve-block.html\">nerve-block.html"), "no directory listing");
    }

    @Test
    void draftsArePreviewedWithABannerAndNeverBaked() throws Exception {
        HttpResponse<String> draft = get("/news-draft.html");
        assertEquals(200, draft.statusCode());
        assertTrue(draft.body().contains("class=\"draft-banner\""));

        Path published = temp.resolve("published");
        ClinicBake.bake(site, published, SiteFixture.options());
        assertFalse(Files.exists(published.resolve("news-draft.html")));
        assertFalse(Files.exists(published.resolve("news-draft-draft.html")));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("200 concurrent requests while the site is rebuilt: every page whole, memory flat")
    void servesWholePagesUnderLoadWhileFilesChange() throws Exception {
        Path article = site.resolve("content/procedures/nerve-block.adoc");
        String original = Files.readString(article);
        java.util.concurrent.atomic.AtomicBoolean editing = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread editor = new Thread(() -> {
            for (int edit = 0; editing.get() && edit < 40; edit++) {
                try {
                    Files.writeString(article, original.replace("X-ray guidance.", "X-ray guidance, edit " + edit + "."));
                    Thread.sleep(150);
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long usedBefore = runtime.totalMemory() - runtime.freeMemory();
        editor.start();
        try {
            for (int round = 0; round < 4; round++) {
                java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> responses = new java.util.ArrayList<>();
                for (int request = 0; request < 200; request++) {
                    String path = request % 2 == 0 ? "/procedures/nerve-block.html" : "/index.html";
                    responses.add(http.sendAsync(HttpRequest.newBuilder(preview.url().resolve(path)).build(),
                            HttpResponse.BodyHandlers.ofString()));
                }
                for (var response : responses) {
                    HttpResponse<String> page = response.get(60, TimeUnit.SECONDS);
                    assertEquals(200, page.statusCode(), page.uri().toString());
                    assertTrue(page.body().strip().endsWith("</html>"), "a whole page, never a partial one: " + page.uri());
                }
            }
        } finally {
            editing.set(false);
            editor.join();
        }
        System.gc();
        long usedAfter = runtime.totalMemory() - runtime.freeMemory();
        assertTrue(usedAfter - usedBefore < 256L * 1024 * 1024, "memory grew by " + (usedAfter - usedBefore) / 1024 / 1024 + " MB");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(preview.url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request sent as raw bytes, so no client library normalises the path first. */
    private String raw(String path) throws IOException {
        return raw(path, "127.0.0.1");
    }

    /** As {@link #raw(String)}, with this Host header, which no client library lets a caller set. */
    private String raw(String path, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), preview.url().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Events of the page's event stream, as {@code reload} or {@code errors: <data>}. */
    private BlockingQueue<String> listen() throws Exception {
        return listen("/__clinicbake/events");
    }

    /** As {@link #listen()}, from the event stream at {@code path} (with its query). */
    private BlockingQueue<String> listen(String path) throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        HttpURLConnection connection = (HttpURLConnection) preview.url().resolve(path).toURL().openConnection();
        BufferedReader reader = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
        assertEquals(": connected", reader.readLine());
        Thread thread = new Thread(() -> {
            try {
                String name = null;
                for (String line; (line = reader.readLine()) != null; ) {
                    if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("data: ") && name != null) {
                        events.add(name.equals("reload") ? "reload" : name + ": " + line.substring(6));
                        name = null;
                    }
                }
            } catch (IOException e) {
                // closed
            }
        });
        thread.setDaemon(true);
        thread.start();
        return events;
    }
}
