package org.clinicbake.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.asciidoctor.Asciidoctor;
import org.clinicbake.content.AsciidocEngine;
import org.clinicbake.content.AsciidoctorRuntime;
import org.clinicbake.content.ConversionCache;
import org.clinicbake.content.RubyCompiler;

/**
 * The Asciidoctor instance of one bake. JRuby boots for seconds, the longest single step of a bake
 * that converts anything, so a one-shot bake starts the boot as soon as it can tell it will be
 * needed, beside everything else it does first; a preview lends its own warm instance.
 *
 * <p>A boot started on a guess that proves wrong (an article touched but not changed) is shut down
 * in the background when the bake ends, without making the bake wait for it.
 */
final class AsciidoctorBoot implements AutoCloseable {

    private final Asciidoctor borrowed;
    private CompletableFuture<Booted> booting;
    private boolean used;

    /** An instance booted here, with when JRuby compiles its Ruby code. */
    private record Booted(Asciidoctor asciidoctor, RubyCompiler compiler) {
    }

    private AsciidoctorBoot(Asciidoctor borrowed) {
        this.borrowed = borrowed;
    }

    /**
     * The instance the options lend (the preview's, which outlives the bake: never booted nor shut
     * down here), or else one booted when {@link #start} or {@link #get} first asks.
     */
    static AsciidoctorBoot of(org.clinicbake.BakeOptions options) {
        return new AsciidoctorBoot(options.asciidoctor());
    }

    /**
     * Whether some article of the site is newer than the last bake's conversions (the site's first
     * bake, an edit since): the common case of a bake that has something to convert, told from a
     * listing of the content folder, before the configuration is even read. The bake decides exactly
     * later; a wrong guess (an article touched but not changed) only costs a core for the boot's length.
     */
    static boolean articleEditedSinceLastBake(Path siteDir) {
        java.util.Properties settings = SiteConfigLoader.readSiteFile(siteDir);
        Path contentFolder = siteDir.resolve(settings.getProperty("content.folder", "content").strip());
        Optional<FileTime> lastBake = SiteBuild.cacheEnabled(settings.getProperty("clinicbake.cache", "true"))
                ? ConversionCache.lastBake(siteDir.resolve(SiteBuild.CACHE_FOLDER)) : Optional.empty();
        return articleNewerThan(contentFolder, lastBake);
    }

    /** Whether the boot has started. */
    synchronized boolean started() {
        return booting != null;
    }

    /** Starts the boot, unless it has started. */
    synchronized void start() {
        if (borrowed == null && booting == null) {
            booting = CompletableFuture.supplyAsync(() -> {
                Asciidoctor asciidoctor = AsciidoctorRuntime.create();
                return new Booted(asciidoctor, RubyCompiler.heldBack(asciidoctor));
            });
        }
    }

    /** The instance, booting it first when needed. */
    Asciidoctor get() {
        if (borrowed != null) {
            return borrowed;
        }
        CompletableFuture<Booted> boot;
        synchronized (this) {
            start();
            used = true;
            boot = booting;
        }
        // Waits without the lock: other threads may ask too.
        return boot.join().asciidoctor();
    }

    /** Counts an article converted with {@link #get()}; JRuby's compiler is let in after the first ones ({@link RubyCompiler}). */
    void converted() {
        CompletableFuture<Booted> boot;
        synchronized (this) {
            boot = booting;
        }
        if (boot != null) {
            boot.join().compiler().converted();
        }
    }

    @Override
    public synchronized void close() {
        if (booting == null) {
            return;
        }
        if (used) {
            booting.join().asciidoctor().shutdown();
        } else {
            booting.thenAccept(booted -> booted.asciidoctor().shutdown());
        }
        booting = null;
    }

    private static boolean articleNewerThan(Path contentFolder, Optional<FileTime> lastBake) {
        if (!Files.isDirectory(contentFolder)) {
            return false;
        }
        try (Stream<Path> walk = org.clinicbake.io.FileTrees.walk(contentFolder)) {
            return walk.filter(AsciidocEngine::isArticle).anyMatch(file -> {
                try {
                    FileTime modified = Files.readAttributes(file, BasicFileAttributes.class).lastModifiedTime();
                    return lastBake.isEmpty() || modified.compareTo(lastBake.get()) > 0;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }
}
