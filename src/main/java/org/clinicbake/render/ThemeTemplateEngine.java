package org.clinicbake.render;

import java.io.Writer;

import org.jbake.app.ContentStore;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.template.DelegatingTemplateEngine;
import org.jbake.template.RenderingException;
import org.jbake.template.model.TemplateModel;

/**
 * Sends every page JBake renders to ClinicBake's Pebble engine.
 *
 * <p>JBake's own delegate picks an engine by the template's file extension among whatever engines
 * loaded from the class path, and writes nothing (logging only) when none fits. Here the engine is
 * fixed, so a missing template or engine is an error and never an empty page.
 */
final class ThemeTemplateEngine extends DelegatingTemplateEngine {

    private final PebbleThemeEngine pebble;

    ThemeTemplateEngine(ContentStore db, JBakeConfiguration config) {
        super(db, config);
        this.pebble = new PebbleThemeEngine(config, db);
    }

    @Override
    public void renderDocument(TemplateModel model, String templateName, Writer writer) throws RenderingException {
        model.setVersion(config.getVersion());
        model.setConfig(config.asHashMap());
        pebble.renderDocument(model, templateName, writer);
    }
}
