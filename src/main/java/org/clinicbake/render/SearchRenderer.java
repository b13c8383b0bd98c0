package org.clinicbake.render;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.clinicbake.build.BuildSession;
import org.clinicbake.build.SiteConfiguration;
import org.jbake.app.ContentStore;
import org.clinicbake.content.SearchText;
import org.jbake.app.Renderer;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.model.DocumentModel;
import org.jbake.render.RenderingTool;
import org.jbake.template.RenderingException;

/**
 * JBake rendering step for site search on a static host: writes {@value #INDEX}, a small index of
 * every published page (title, kind, description, topics, headings and the opening words), and
 * {@code search.html} from the theme's {@code search.peb}, whose script searches that index in the
 * browser. Nothing is sent anywhere: the query never leaves the visitor's browser.
 */
public final class SearchRenderer implements RenderingTool {

    public static final String INDEX = "search-index.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public int render(Renderer renderer, ContentStore db, JBakeConfiguration config) throws RenderingException {
        if (!(renderer instanceof ThemeRenderer theme) || !(config instanceof SiteConfiguration site)) {
            return 0;
        }
        writeIndex(site, db);
        BuildSession session = site.session();
        Object template = config.get("template.search.file");
        theme.renderPage("search", template == null ? "search.peb" : template.toString(),
                "search" + session.config().getOutputExtension());
        return 2;
    }

    /**
     * Writes {@value #INDEX}: the entry of every published page, by address. The preview keeps each
     * entry's JSON with its article and rewrites the index from those after an edit.
     */
    public static void writeIndex(SiteConfiguration site, ContentStore db) throws RenderingException {
        BuildSession session = site.session();
        String pages = site.contentTypes().stream()
                .flatMap(type -> db.getPublishedContent(type).stream())
                .sorted(Comparator.comparing(DocumentModel::getUri))
                .map(document -> session.memory()
                        .map(memory -> memory.derived(document, "search-entry", () -> entry(document)))
                        .orElseGet(() -> entry(document)))
                .collect(java.util.stream.Collectors.joining(",", "{\"pages\":[", "]}"));
        Path target = site.getDestinationFolder().toPath().resolve(INDEX);
        try {
            Files.writeString(target, pages, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RenderingException("could not write " + INDEX + ": " + e.getMessage());
        }
    }

    /** The index entry of a page, as JSON. */
    private static String entry(DocumentModel document) {
        try {
            return JSON.writeValueAsString(entryNode(document));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a search entry is always writable as JSON", e);
        }
    }

    private static ObjectNode entryNode(DocumentModel document) {
        ObjectNode entry = JSON.createObjectNode();
        String body = document.getBody() == null ? "" : document.getBody();
        entry.put("title", document.getTitle());
        entry.put("url", document.getUri());
        entry.put("kind", label(document.getType()));
        entry.put("description", document.get("description") == null ? "" : document.get("description").toString());
        ArrayNode topics = entry.putArray("topics");
        for (String tag : document.getTags()) {
            topics.add(tag.replace('-', ' '));
        }
        // Read at conversion (SearchText); a document from another engine is read here.
        SearchText search = document.get(SearchText.KEY) instanceof SearchText kept ? kept : SearchText.of(body);
        ArrayNode headings = entry.putArray("headings");
        search.headings().forEach(headings::add);
        entry.put("text", search.opening());
        return entry;
    }

    private static String label(String type) {
        return switch (type) {
            case "therapy" -> "Treatment";
            case "page" -> "Clinic page";
            default -> type.isEmpty() ? type : type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1);
        };
    }

    @Override
    public int render(Renderer renderer, ContentStore db, File destination, File templatesPath,
                      CompositeConfiguration config) throws RenderingException {
        return 0;
    }
}
