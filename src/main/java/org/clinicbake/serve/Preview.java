package org.clinicbake.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.asciidoctor.Asciidoctor;
import org.clinicbake.BakeOptions;
import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.build.BuildMemory;
import org.clinicbake.content.AsciidocEngine;
import org.clinicbake.diag.Diagnostic;

/**
 * {@code clinicbake serve}: bakes the site with its drafts into {@code .clinicbake/preview}, serves
 * it, and rebakes whenever a source changes, then tells open pages to reload (or shows the errors
 * over them). One Asciidoctor stays warm between rebuilds, and unchanged articles come from the
 * conversion cache, so a one-article edit converts one file.
 *
 * <p>Saves are coalesced: a change during a rebuild schedules exactly one more, so the last save
 * always wins, and the folder served is replaced atomically, so no request sees a half-written page.
 */
public final class Preview implements AutoCloseable {

    private static final long SETTLE_MILLIS = 15;

    /**
     * Conversions run in the background after start. JRuby compiles Asciidoctor's code as it runs
     * it: measured here, a conversion takes 30-60 ms when only the editor's saves have run it, and
     * about 6 ms after some 150-200 conversions (a few seconds of one core, once).
     */
    private static final int WARM_UP_CONVERSIONS = 200;

    private final Path siteDir;
    private final Path output;
    private final PrintWriter log;
    private final Asciidoctor asciidoctor;
    private final BuildMemory memory = new BuildMemory();
    private final ExecutorService rebuilds = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "clinicbake-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService warmUps = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "clinicbake-warm-up");
        thread.setDaemon(true);
        return thread;
    });
    /** Held by a bake and by each warm-up conversion, so a warm-up never competes with a rebuild; fair, so a rebuild waits for one conversion at most. */
    private final ReentrantLock converting = new ReentrantLock(true);
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CompletableFuture<Integer> warmUp;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicLong builds = new AtomicLong();
    private final AtomicLong changedAt = new AtomicLong();
    private volatile BakeResult last;
    private volatile long lastLatencyMillis = -1;
    private PreviewServer server;
    private SiteWatcher watcher;
    private final URI url;

    private Preview(Path siteDir, InetAddress address, int port, PrintWriter log) throws IOException {
        this.siteDir = siteDir.toAbsolutePath().normalize();
        this.output = this.siteDir.resolve(".clinicbake/preview");
        this.log = log;
        // Listening first: a port already in use is reported at once, not after JRuby's boot and a bake.
        this.server = new PreviewServer(output, basePath(), address, port);
        this.url = PreviewServer.url(address, server.port()).resolve(basePath());
        try {
            this.asciidoctor = org.clinicbake.content.AsciidoctorRuntime.create();
            show(bake());
            this.watcher = new SiteWatcher(this.siteDir, this::changed);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        this.warmUp = CompletableFuture.supplyAsync(this::warmUpAsciidoctor, warmUps);
    }

    /** Bakes the site, starts serving it on {@code address:port} (0 picks a free port) and watches it. */
    public static Preview start(Path siteDir, InetAddress address, int port, PrintWriter log) throws IOException {
        return new Preview(siteDir, address, port, log);
    }

    /** The preview's address of the site: the server's root, or the folder site.host names (http://127.0.0.1:8080/clinic/). */
    public URI url() {
        return url;
    }

    /** The result of the latest bake. */
    public BakeResult lastResult() {
        return last;
    }

    /** How many bakes ran, the first one included. */
    public long builds() {
        return builds.get();
    }

    /** Completes with the number of warm-up conversions once Asciidoctor is warm (see {@link #WARM_UP_CONVERSIONS}). */
    public CompletableFuture<Integer> warmUp() {
        return warmUp;
    }

    /** Milliseconds from the last change seen to its reload (or error) event being sent. */
    public long lastLatencyMillis() {
        return lastLatencyMillis;
    }

    private void changed() {
        changedAt.compareAndSet(0, System.nanoTime());
        if (pending.compareAndSet(false, true)) {
            rebuilds.submit(this::rebuild);
        }
    }

    private void rebuild() {
        try {
            // Editors save through a temporary file and a rename; let those settle first.
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        pending.set(false);
        long since = changedAt.getAndSet(0);
        try {
            BakeResult result = bake();
            show(result);
            lastLatencyMillis = since == 0 ? -1 : (System.nanoTime() - since) / 1_000_000;
            BuildMemory.Reuse reuse = memory.lastReuse();
            log.printf(java.util.Locale.ROOT, "Rebuilt in %d ms (%s converted, %d parsed, %s rendered, %d kept)%s%n",
                    result.duration().toMillis(), count(result.work().converted(), "article"), reuse.parsed(),
                    count(reuse.rendered(), "page"), reuse.renderedKept(), result.hasErrors() ? ": errors shown in the browser" : "");
            log.flush();
        } catch (IOException | RuntimeException | Error e) {
            // An Error too (a plugin jar without its library, a stack overflow): thrown out of this task,
            // the executor keeps it to itself, and the editor's page would neither reload nor say why.
            // The terminal too: it is where an editor looks when the page does not change, and where a bug report is copied from.
            log.println("clinicbake: error[internal]: " + e);
            log.flush();
            server.showErrors("ClinicBake failed: " + e);
        }
    }

    /** Shows a bake's errors over the open pages (and pages opened later), or reloads them when it has none. */
    private void show(BakeResult result) {
        if (result.hasErrors()) {
            server.showErrors(result.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        } else {
            server.showNotes(notesByPage(result));
            server.reload();
        }
    }

    /**
     * The warnings about each page's own article, by the page's path in the output: an editor who
     * works in the browser would otherwise never see that a page reads at grade 9, or links to a
     * draft, since only errors stop the rebuild and cover the page.
     */
    private Map<String, String> notesByPage(BakeResult result) {
        if (result.diagnostics().isEmpty()) {
            return Map.of();
        }
        // Named from the diagnostics' paths: a walk of the content folder on every save would cost the editor's reload.
        org.clinicbake.build.SourcePositions.PageNaming naming = org.clinicbake.build.SourcePositions.PageNaming.of(siteDir);
        Map<String, String> notes = new java.util.HashMap<>();
        for (Diagnostic diagnostic : result.diagnostics()) {
            naming.pageOf(siteDir.resolve(diagnostic.path()))
                    .ifPresent(page -> notes.merge(page, diagnostic.format(), (before, more) -> before + "\n" + more));
        }
        return Map.copyOf(notes);
    }

    private int warmUpAsciidoctor() {
        List<File> articles;
        Path content = siteDir.resolve(org.clinicbake.build.SiteConfiguration.readSiteFile(siteDir).getProperty("content.folder", "content").strip()).normalize();
        if (!content.startsWith(siteDir)) {
            return 0; // the bake reports a content folder outside the site
        }
        try (Stream<Path> walk = org.clinicbake.io.FileTrees.walk(content)) {
            articles = walk.filter(path -> !path.getFileName().toString().startsWith(".") && AsciidocEngine.isArticle(path))
                    .filter(Files::isRegularFile).sorted().limit(50).map(Path::toFile).toList();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
        if (articles.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        int done = 0;
        try {
            for (; done < WARM_UP_CONVERSIONS && !closing.get(); done++) {
                converting.lock();
                try {
                    AsciidocEngine.warmUp(asciidoctor, articles.get(done % articles.size()));
                } finally {
                    converting.unlock();
                }
            }
        } catch (IOException | RuntimeException e) {
            // A file deleted meanwhile, or one Asciidoctor cannot read: warming up is only a head start.
        }
        log.printf(java.util.Locale.ROOT, "Asciidoctor warmed up in %d ms (%d conversions in the background)%n", (System.nanoTime() - started) / 1_000_000, done);
        log.flush();
        return done;
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    /** Where site.host publishes the site on its host, as the preview serves it: the 404 page's links start there. */
    private String basePath() {
        return org.clinicbake.build.SiteConfiguration.basePath(
                org.clinicbake.build.SiteConfiguration.readSiteFile(siteDir).getProperty("site.host"));
    }

    private BakeResult bake() throws IOException {
        BakeResult result;
        converting.lock();
        try {
            result = ClinicBake.bake(siteDir, output, BakeOptions.preview(asciidoctor, memory));
        } finally {
            converting.unlock();
        }
        builds.incrementAndGet();
        last = result;
        server.serveAt(basePath());
        for (Diagnostic diagnostic : result.diagnostics()) {
            log.println(diagnostic.format());
        }
        log.flush();
        return result;
    }

    @Override
    public void close() throws IOException {
        closing.set(true);
        if (watcher != null) {
            watcher.close();
        }
        rebuilds.shutdownNow();
        warmUps.shutdown();
        try {
            // A rebuild in flight still writes to the preview folder; let it finish so that, once
            // close returns, nothing touches the site folder any more (nor Asciidoctor, shut down next).
            rebuilds.awaitTermination(2, TimeUnit.MINUTES);
            warmUps.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (server != null) {
            server.close();
        }
        asciidoctor.shutdown();
    }
}
