package org.clinicbake.build;

import java.io.File;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.asciidoctor.Asciidoctor;
import org.clinicbake.content.AsciidoctorLogBridge;
import org.clinicbake.data.SiteData;
import org.clinicbake.diag.Diagnostics;
import org.clinicbake.render.Theme;

/**
 * The state of one build, shared by the engines JBake calls: where the site is, what went wrong so
 * far, the site's data and theme, and the build's single Asciidoctor instance.
 */
public final class BuildSession implements AutoCloseable {

    private final Path siteDir;
    private final SiteConfiguration config;
    private final SiteData data;
    private final Theme theme;
    private final Diagnostics diagnostics;
    private final boolean includeDrafts;
    private final AsciidoctorLogBridge logBridge;
    private final CompletableFuture<Asciidoctor> booting;
    private Asciidoctor asciidoctor;

    BuildSession(Path siteDir, SiteConfiguration config, SiteData data, Theme theme,
                 Diagnostics diagnostics, boolean includeDrafts) {
        this.siteDir = siteDir;
        this.config = config;
        this.data = data;
        this.theme = theme;
        this.diagnostics = diagnostics;
        this.includeDrafts = includeDrafts;
        this.logBridge = new AsciidoctorLogBridge(this);
        // JRuby takes seconds to boot; it boots while JBake starts its content store and crawls.
        this.booting = CompletableFuture.supplyAsync(BuildSession::bootAsciidoctor);
        config.attach(this);
    }

    public Path siteDir() {
        return siteDir;
    }

    public SiteConfiguration config() {
        return config;
    }

    public SiteData data() {
        return data;
    }

    public Theme theme() {
        return theme;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    /** Whether drafts are rendered (preview) or left out entirely (bake). */
    public boolean includeDrafts() {
        return includeDrafts;
    }

    /** BCP 47 language of the site, e.g. {@code en-US}. */
    public String language() {
        return config.getString("site.lang", "en-US");
    }

    public Locale locale() {
        return Locale.forLanguageTag(language());
    }

    /** Time zone in which header dates (calendar days) are placed on the time line. */
    public ZoneId zone() {
        return ZoneId.of(config.getString("site.timezone", "UTC"));
    }

    /** Absolute base URL of the published site, without a trailing slash. */
    public String host() {
        String host = config.getSiteHost();
        return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    }

    /** Path of a file relative to the site folder, with {@code /} separators, as diagnostics show it. */
    public String relativePath(File file) {
        Path path = file.toPath().toAbsolutePath().normalize();
        Path site = siteDir.toAbsolutePath().normalize();
        Path shown = path.startsWith(site) ? site.relativize(path) : path;
        return shown.toString().replace(File.separatorChar, '/');
    }

    /** The build's one Asciidoctor instance. */
    public synchronized Asciidoctor asciidoctor() {
        if (asciidoctor == null) {
            asciidoctor = booting.join();
            asciidoctor.registerLogHandler(logBridge);
        }
        return asciidoctor;
    }

    private static Asciidoctor bootAsciidoctor() {
        return Asciidoctor.Factory.create();
    }

    /** Where Asciidoctor's messages for this build go. */
    public AsciidoctorLogBridge logBridge() {
        return logBridge;
    }

    @Override
    public synchronized void close() {
        Asciidoctor booted = asciidoctor != null ? asciidoctor : booting.join();
        booted.shutdown();
        asciidoctor = null;
    }
}
