package org.clinicbake.serve;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
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
        this.asciidoctor = Asciidoctor.Factory.create();
        bake();
        this.server = new PreviewServer(output, address, port);
        this.url = PreviewServer.url(address, server.port());
        this.watcher = new SiteWatcher(this.siteDir, this::changed);
    }

    /** Bakes the site, starts serving it on {@code address:port} (0 picks a free port) and watches it. */
    public static Preview start(Path siteDir, InetAddress address, int port, PrintWriter log) throws IOException {
        return new Preview(siteDir, address, port, log);
    }

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
            if (result.hasErrors()) {
                server.showErrors(result.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
            } else {
                server.reload();
            }
            lastLatencyMillis = since == 0 ? -1 : (System.nanoTime() - since) / 1_000_000;
            BuildMemory.Reuse reuse = memory.lastReuse();
            log.printf("Rebuilt in %d ms (%d articles converted, %d parsed, %d pages rendered, %d kept)%s%n",
                    result.duration().toMillis(), result.work().converted(), reuse.parsed(), reuse.rendered(),
                    reuse.renderedKept(), result.hasErrors() ? ": errors shown in the browser" : "");
            log.flush();
        } catch (IOException | RuntimeException e) {
            server.showErrors("ClinicBake failed: " + e);
        }
    }

    private BakeResult bake() throws IOException {
        BakeResult result = ClinicBake.bake(siteDir, output, BakeOptions.preview(asciidoctor, memory));
        builds.incrementAndGet();
        last = result;
        for (Diagnostic diagnostic : result.diagnostics()) {
            log.println(diagnostic.format());
        }
        log.flush();
        return result;
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
        rebuilds.shutdownNow();
        try {
            // A rebuild in flight still writes to the preview folder; let it finish so that, once
            // close returns, nothing touches the site folder any more.
            rebuilds.awaitTermination(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (server != null) {
            server.close();
        }
        asciidoctor.shutdown();
    }
}
