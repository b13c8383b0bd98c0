package org.clinicbake.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.clinicbake.build.BuildSession.ImageVariant;
import org.clinicbake.build.WorkerPool;
import org.clinicbake.diag.Diagnostics;

/**
 * Writes the smaller copies of images that templates ask for ({@code image()} in a template: 480 and
 * 960 px wide), keeping each in the site's cache under the hash of its source's bytes, so that a bake
 * scales only the images that are new or changed. Scaling cost every bake 30-50 ms for each photo in
 * JPEG and ~220 ms for each in PNG (a 2000x1333 picture here, both widths), on one thread: seconds for a
 * clinic with a few dozen photos, every bake. A cached copy is the bytes this class wrote for the same
 * source, width and format, so the output is the same with the cache or without it.
 */
final class ImageVariants {

    /** Part of each cache key: a change to how copies are made must not reuse the copies made before it. */
    private static final String METHOD = "bilinear-v1";

    /** The cache folder, or null when the site turned its cache off. */
    private final Path cache;

    ImageVariants(Path cache) {
        this.cache = cache;
    }

    /**
     * Writes each variant (path in the output, what it is a copy of) into {@code out}, where its source
     * already is, one source per thread on up to {@code threads} threads (a first bake, as on a fresh
     * clone at the host, scales every image). Sources are read and decoded once for all their widths; a
     * copy that cannot be written is reported at its source. Afterwards the cache holds the copies of this
     * bake and no others.
     */
    void write(Path out, Map<String, ImageVariant> variants, Diagnostics diagnostics, int threads) {
        Map<String, Map<String, ImageVariant>> bySource = new TreeMap<>();
        variants.forEach((path, variant) -> bySource.computeIfAbsent(variant.source(), source -> new TreeMap<>()).put(path, variant));
        Set<String> kept = java.util.concurrent.ConcurrentHashMap.newKeySet();
        if (threads <= 1 || bySource.size() <= 1) {
            bySource.forEach((source, copies) -> writeCopies(out, source, copies, kept, diagnostics));
        } else {
            try (WorkerPool pool = new WorkerPool("clinicbake-images", Math.min(threads, bySource.size()))) {
                pool.forEach(bySource.entrySet(), source -> writeCopies(out, source.getKey(), source.getValue(), kept, diagnostics),
                        "scaling images");
            }
        }
        prune(kept);
    }

    /** The copies of one source, from the cache or scaled from the source decoded once. */
    private void writeCopies(Path out, String source, Map<String, ImageVariant> copies, Set<String> kept, Diagnostics diagnostics) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(out.resolve(source));
        } catch (IOException e) {
            copies.values().forEach(variant -> unwritable(variant, e, diagnostics));
            return;
        }
        // Only a cache needs the key; without one every copy is scaled.
        String hash = cache == null ? null : Theme.sha256(bytes);
        BufferedImage decoded = null;
        for (Map.Entry<String, ImageVariant> copy : copies.entrySet()) {
            ImageVariant variant = copy.getValue();
            String format = format(copy.getKey());
            String key = hash == null ? null : hash + "-" + METHOD + "-" + variant.width() + "." + format;
            Path target = out.resolve(copy.getKey());
            try {
                if (fromCache(key, target)) {
                    kept.add(key);
                    continue;
                }
                if (decoded == null) {
                    decoded = ImageIO.read(new ByteArrayInputStream(bytes));
                    if (decoded == null) {
                        throw new IOException("no reader for this image's format");
                    }
                }
                byte[] scaled = scaled(decoded, variant.width(), format);
                Files.write(target, scaled);
                if (key != null) {
                    toCache(key, scaled);
                    kept.add(key);
                }
            } catch (IOException | RuntimeException e) {
                unwritable(variant, e, diagnostics);
            }
        }
    }

    /** The copy at {@code width}, encoded in {@code format}, as bytes. */
    static byte[] scaled(BufferedImage source, int width, String format) throws IOException {
        int height = Math.max(1, Math.round(source.getHeight() * (float) width / source.getWidth()));
        BufferedImage scaled = new BufferedImage(width, height,
                source.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = scaled.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        graphics.drawImage(source, 0, 0, width, height, null);
        graphics.dispose();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        if (!ImageIO.write(scaled, format.equals("jpg") ? "jpeg" : format, encoded)) {
            throw new IOException("no writer for ." + format + " images");
        }
        return encoded.toByteArray();
    }

    private boolean fromCache(String key, Path target) {
        if (cache == null) {
            return false;
        }
        try {
            Files.copy(cache.resolve(key), target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            // Not cached (or unreadable, or removed by another bake of this site): made anew.
            return false;
        }
    }

    /** Written beside and moved in, so a bake killed halfway leaves no half copy under the key. */
    private void toCache(String key, byte[] bytes) {
        if (cache == null) {
            return;
        }
        try {
            Files.createDirectories(cache);
            Path partial = Files.createTempFile(cache, ".partial-", ".tmp");
            try {
                Files.write(partial, bytes);
                Files.move(partial, cache.resolve(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            // A cache that cannot be written only costs the next bake the scaling.
        }
    }

    /** Drops the copies of images this bake no longer shows, and what killed bakes left half written. */
    private void prune(Set<String> kept) {
        if (cache == null || !Files.isDirectory(cache)) {
            return;
        }
        try (Stream<Path> files = Files.list(cache)) {
            for (Path file : files.filter(file -> !kept.contains(file.getFileName().toString())).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // The next bake prunes again.
        }
    }

    private static String format(String path) {
        return path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    private static void unwritable(ImageVariant variant, Exception e, Diagnostics diagnostics) {
        diagnostics.error("theme.assets", variant.source(), 0,
                "cannot write the " + variant.width() + "px copy of the image: " + e.getMessage(), "use a PNG or JPEG image");
    }
}
