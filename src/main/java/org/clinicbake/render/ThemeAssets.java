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
        config.session().times().add("write-assets", started);
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
