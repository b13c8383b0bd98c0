package org.clinicbake.render;

import java.io.IOException;

import org.clinicbake.build.SiteConfiguration;
import org.jbake.app.Asset;

/** Copies the theme's assets first and the site's {@code assets/} over them, so a site file wins. */
public final class ThemeAssets extends Asset {

    private final SiteConfiguration config;

    public ThemeAssets(SiteConfiguration config) {
        super(config);
        this.config = config;
    }

    @Override
    public void copy() {
        long started = System.nanoTime();
        try {
            config.session().theme().copyAssets(config.getDestinationFolder().toPath());
        } catch (IOException e) {
            config.session().diagnostics().error("theme.assets", "theme:default/assets", 0,
                    "cannot copy the theme's assets: " + e.getMessage(), "check that the output folder is writable");
        }
        super.copy();
        writeFingerprintedCopies();
        writeImageVariants();
        config.session().times().add("write-assets", started);
    }

    /** The smaller copies image() offered in a srcset, scaled from the image as published. */
    private void writeImageVariants() {
        java.nio.file.Path out = config.getDestinationFolder().toPath();
        config.session().imageVariants().forEach((path, variant) -> {
            try {
                java.awt.image.BufferedImage source = javax.imageio.ImageIO.read(out.resolve(variant.source()).toFile());
                int height = Math.max(1, Math.round(source.getHeight() * (float) variant.width() / source.getWidth()));
                java.awt.image.BufferedImage scaled = new java.awt.image.BufferedImage(variant.width(), height,
                        source.getColorModel().hasAlpha() ? java.awt.image.BufferedImage.TYPE_INT_ARGB
                                : java.awt.image.BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D graphics = scaled.createGraphics();
                graphics.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                        java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                graphics.drawImage(source, 0, 0, variant.width(), height, null);
                graphics.dispose();
                String format = path.substring(path.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
                javax.imageio.ImageIO.write(scaled, format.equals("jpg") ? "jpeg" : format, out.resolve(path).toFile());
            } catch (IOException | RuntimeException e) {
                config.session().diagnostics().error("theme.assets", variant.source(), 0,
                        "cannot write the " + variant.width() + "px copy of the image: " + e.getMessage(),
                        "use a PNG or JPEG image");
            }
        });
    }

    /** The copies templates asked for with asset(): same bytes, a name with their hash. */
    private void writeFingerprintedCopies() {
        java.nio.file.Path out = config.getDestinationFolder().toPath();
        config.session().fingerprints().forEach((path, fingerprinted) -> {
            try {
                java.nio.file.Files.copy(out.resolve(path), out.resolve(fingerprinted),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                config.session().diagnostics().error("theme.assets", path, 0,
                        "cannot write the fingerprinted copy of the asset: " + e.getMessage(), "check the output folder");
            }
        });
    }
}
