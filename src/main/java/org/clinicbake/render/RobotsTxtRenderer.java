package org.clinicbake.render;

import java.io.File;

import org.apache.commons.configuration2.CompositeConfiguration;
import org.jbake.app.ContentStore;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.render.RenderingTool;
import org.jbake.template.RenderingException;

/** JBake rendering step that writes {@code robots.txt} from the theme's {@code robots.peb}. */
public final class RobotsTxtRenderer implements RenderingTool {

    @Override
    public int render(Renderer renderer, ContentStore db, JBakeConfiguration config) throws RenderingException {
        if (!(renderer instanceof ThemeRenderer theme)) {
            return 0;
        }
        Object template = config.get("template.robots.file");
        theme.renderPage("robots", template == null ? "robots.peb" : template.toString(), "robots.txt");
        return 1;
    }

    @Override
    public int render(Renderer renderer, ContentStore db, File destination, File templatesPath,
                      CompositeConfiguration config) throws RenderingException {
        return 0;
    }
}
