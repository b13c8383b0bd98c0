package org.clinicbake.content;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.clinicbake.build.BuildSession;
import org.clinicbake.build.SiteConfiguration;
import org.clinicbake.data.SiteDataLoader;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.parser.MarkupEngine;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * JBake engine for the YAML files in {@code data/}, which templates read through JBake's {@code data}
 * variable. Unlike JBake's stock engine, broken YAML is a diagnostic with a line number, not an
 * exception that stops the whole bake, and only plain YAML types are built (no arbitrary classes).
 */
public final class YamlDataEngine extends MarkupEngine {

    @Override
    public DocumentModel parse(JBakeConfiguration config, File file) {
        BuildSession session = SiteConfiguration.sessionOf(config);
        DocumentModel model = new DocumentModel();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader reader = Files.newBufferedReader(file.toPath())) {
            Object value = new Yaml(new SafeConstructor(options)).load(reader);
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, item) -> model.put(String.valueOf(key), item));
            } else if (value instanceof List<?> list) {
                model.put("data", list);
            }
        } catch (MarkedYAMLException e) {
            session.diagnostics().report(SiteDataLoader.invalidYaml(session.relativePath(file), e));
        } catch (YAMLException | IOException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException || e instanceof java.nio.charset.CharacterCodingException) {
                // As SiteDataLoader reports it for clinic.yml and providers.yml, which this reads too: the same words, so told once.
                session.diagnostics().report(SiteDataLoader.notUtf8(session.relativePath(file), file.toPath()));
            } else {
                session.diagnostics().error("data.unreadable", session.relativePath(file), 0,
                        "cannot read the data file: " + e.getMessage(), "check that the file exists and is readable");
            }
        } catch (RuntimeException e) {
            // A value YAML parsed but could not build, such as !!binary that is not base64.
            session.diagnostics().error("data.invalid", session.relativePath(file), 0,
                    "cannot build a value of the data file: " + e.getMessage(),
                    "write plain values: text, numbers, lists and mappings, without !! tags");
        }
        return model;
    }
}
