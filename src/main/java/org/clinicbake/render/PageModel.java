package org.clinicbake.render;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pebbletemplates.pebble.extension.escaper.SafeString;
import org.clinicbake.build.BuildSession;
import org.jbake.model.DocumentModel;
import org.jbake.template.model.TemplateModel;

/**
 * The {@code page} variable: what one output page is, in plain values a template can print.
 *
 * <p>The converted AsciiDoc body is the one value marked safe; everything else is escaped by Pebble.
 */
final class PageModel {

    private PageModel() {
    }

    static Map<String, Object> of(TemplateModel model, SiteModel site, BuildSession session) {
        DocumentModel content = model.getContent();
        String kind = kind(content.getType());
        String uri = uri(kind, content, model, session);

        Map<String, Object> page = new LinkedHashMap<>();
        page.put("kind", kind);
        page.put("title", title(kind, content, model, site));
        page.put("description", description(kind, content, model, site));
        page.put("uri", uri);
        page.put("url", "home".equals(kind) ? session.host() + "/" : session.host() + "/" + uri);
        page.put("root", "error404".equals(kind) ? session.basePath() : "../".repeat(depth(uri)));
        page.put("is_clinical", SiteModel.CLINICAL_TYPES.contains(kind));
        page.put("body", content.getBody() == null ? null : new SafeString(content.getBody()));

        OffsetDateTime reviewed = SiteModel.reviewDate(content, session.zone());
        page.put("date", SiteModel.dateTime(content.getDate(), session.zone()));
        page.put("last_reviewed", reviewed);
        page.put("date_modified", SiteModel.modifiedDate(content, session.zone()));
        page.put("next_review", reviewed == null ? null : reviewed.plusMonths(reviewInterval(content)));
        page.put("author", site.provider(firstId(content.get("med-author"))).orElse(null));
        page.put("reviewer", site.provider(firstId(content.get("med-reviewer"))).orElse(null));
        page.put("authors", providers(site, content.get("med-author")));
        page.put("reviewers", providers(site, content.get("med-reviewer")));

        List<Map<String, Object>> tags = new ArrayList<>();
        if (content.getTags() != null && !"tag".equals(kind)) {
            for (String tag : content.getTags()) {
                tags.add(site.topic(tag));
            }
        }
        page.put("tags", List.copyOf(tags));
        page.put("provider", "provider".equals(kind) ? site.provider(SiteModel.slug(uri)).orElse(null) : null);
        page.put("written", "provider".equals(kind) ? site.articlesBy(SiteModel.slug(uri), "med-author") : List.of());
        page.put("reviewed", "provider".equals(kind) ? site.articlesBy(SiteModel.slug(uri), "med-reviewer") : List.of());
        Object tag = model.get("tag");
        page.put("tag", "tag".equals(kind) && tag != null ? site.topic(tag.toString()) : null);
        page.put("tagged", "tag".equals(kind) && tag != null ? site.tagged(tag.toString()) : List.of());
        page.put("breadcrumbs", breadcrumbs(kind, (String) page.get("title"), session));
        page.put("also_known_as", list(content.get("med-also-known-as")));
        page.put("body_location", content.get("med-body-location"));
        page.put("anatomy", list(content.get("med-anatomy")));
        page.put("image", image(content));
        page.put("related", SiteModel.CLINICAL_TYPES.contains(kind) ? site.related(content) : List.of());
        page.put("draft", Boolean.TRUE.equals(content.get("draft")));
        page.put("jsonld", null);
        return page;
    }

    /** The address of the page a template model renders, relative to the site root. */
    static String uriOf(TemplateModel model, BuildSession session) {
        DocumentModel content = model.getContent();
        return uri(kind(content.getType()), content, model, session);
    }

    private static String kind(String type) {
        return switch (type) {
            case "masterindex" -> "home";
            case "tagsindex" -> "tags";
            default -> type;
        };
    }

    private static String uri(String kind, DocumentModel content, TemplateModel model, BuildSession session) {
        var config = session.config();
        return switch (kind) {
            case "home" -> config.getIndexFileName();
            case "feed" -> config.getFeedFileName();
            case "sitemap" -> config.getSiteMapFileName();
            case "archive" -> config.getArchiveFileName();
            case "error404" -> config.getError404FileName();
            case "robots" -> "robots.txt";
            case "search" -> "search" + config.getOutputExtension();
            case "tags" -> config.getTagPathName() + "/index" + config.getOutputExtension();
            case "tag" -> config.getTagPathName() + "/" + model.get("tag") + config.getOutputExtension();
            default -> content.getUri();
        };
    }

    private static String title(String kind, DocumentModel content, TemplateModel model, SiteModel site) {
        return switch (kind) {
            case "home", "feed", "sitemap", "robots" -> (String) site.values().get("title");
            case "archive" -> "All articles";
            case "error404" -> "Page not found";
            case "search" -> "Search";
            case "tags" -> "Topics";
            case "tag" -> "Topic: " + site.topic(String.valueOf(model.get("tag"))).get("label");
            default -> content.getTitle();
        };
    }

    /**
     * The lists the bake writes have no header to take a description from; without one, search
     * engines show whatever text of the page they pick (the menu, the first card) under its title.
     */
    private static Object description(String kind, DocumentModel content, TemplateModel model, SiteModel site) {
        String clinic = (String) site.values().get("title");
        return switch (kind) {
            case "archive" -> "Every health article from " + clinic + ", written and medically reviewed by its clinicians.";
            case "tags" -> "The topics of the health articles from " + clinic + ".";
            case "tag" -> site.topic(String.valueOf(model.get("tag"))).get("label") + ": the articles from " + clinic + " on this topic.";
            default -> content.get("description");
        };
    }

    private static List<Map<String, Object>> breadcrumbs(String kind, String title, BuildSession session) {
        if ("home".equals(kind) || "feed".equals(kind) || "sitemap".equals(kind) || "robots".equals(kind)) {
            return List.of();
        }
        List<Map<String, Object>> trail = new ArrayList<>();
        // A crumb leads only to a page the bake writes (render.index, render.archive can turn them off).
        if (session.config().getRenderIndex()) {
            trail.add(crumb("Home", session.config().getIndexFileName()));
        }
        if (SiteModel.CLINICAL_TYPES.contains(kind) && session.config().getRenderArchive()) {
            trail.add(crumb("All articles", session.config().getArchiveFileName()));
        } else if ("tag".equals(kind)) {
            trail.add(crumb("Topics", session.config().getTagPathName() + "/index" + session.config().getOutputExtension()));
        }
        trail.add(crumb(title, null));
        // A trail of the page alone leads nowhere (and Google wants two items at least).
        return trail.size() < 2 ? List.of() : List.copyOf(trail);
    }

    private static Map<String, Object> crumb(String name, String uri) {
        Map<String, Object> crumb = new LinkedHashMap<>();
        crumb.put("name", name);
        crumb.put("uri", uri);
        return crumb;
    }

    /**
     * The page's image ({@code :med-image:}, {@code :med-image-alt:}), which the JSON-LD gives as its {@code image} and
     * {@code primaryImageOfPage}: the page shows it too, since markup describes what readers see. Its path is from the
     * site root, as {@code image()} takes it ({@code /images/x.png}, which the header check accepts, loses its slash).
     */
    private static Map<String, Object> image(DocumentModel content) {
        Object src = content.get("med-image");
        if (src == null || src.toString().isBlank()) {
            return null;
        }
        String path = src.toString().strip();
        Object alt = content.get("med-image-alt");
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("uri", path.startsWith("/") ? path.substring(1) : path);
        image.put("alt", alt == null ? "" : alt.toString().strip());
        return java.util.Collections.unmodifiableMap(image);
    }

    private static int reviewInterval(DocumentModel content) {
        Object months = content.get("med-review-interval");
        try {
            return months == null ? 12 : Integer.parseInt(months.toString().strip());
        } catch (NumberFormatException e) {
            return 12;
        }
    }

    private static List<String> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return java.util.Arrays.stream(value.toString().split(","))
                .map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static List<Map<String, Object>> providers(SiteModel site, Object ids) {
        return list(ids).stream().map(site::provider).flatMap(java.util.Optional::stream).distinct().toList();
    }

    private static String firstId(Object ids) {
        if (ids == null) {
            return null;
        }
        String first = ids.toString().split(",")[0].strip();
        return first.isEmpty() ? null : first;
    }

    private static int depth(String uri) {
        int depth = 0;
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) == '/') {
                depth++;
            }
        }
        return depth;
    }

}
