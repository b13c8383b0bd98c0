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
        config.session().times().add("write-assets", started);
    }
}
