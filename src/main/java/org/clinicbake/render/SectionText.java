package org.clinicbake.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the visible text of an article's tagged sections ({@code [#how-performed]}, {@code [#risks]},
 * ...) from its rendered HTML, so structured data says exactly what the page shows.
 */
final class SectionText {

    private final Document body;

    SectionText(String html) {
        this.body = Jsoup.parseBodyFragment(html == null ? "" : html);
        // Citation markers ([1]) point at the references list; they are not part of the facts.
        body.select("a[href^=#]").stream()
                .filter(link -> link.text().matches("\\[[^\\]]+\\]"))
                .forEach(Element::remove);
    }

    /** The text of the section with this id, paragraphs and lists joined, or empty. */
    Optional<String> text(String id) {
        return section(id).map(Element::text).map(SectionText::tidy).filter(text -> !text.isEmpty());
    }

    /**
     * The entries of the lists in the section: the bold lead-in of each item when it starts with one
     * ({@code * *Infection.* Rare...} gives "Infection"), else the item's whole text.
     */
    List<String> itemNames(String id) {
        List<String> names = new ArrayList<>();
        section(id).ifPresent(section -> section.select("li").forEach(item -> names.add(name(item))));
        return names;
    }

    /** The whole text of each list item in the section. */
    List<String> items(String id) {
        List<String> items = new ArrayList<>();
        section(id).ifPresent(section -> section.select("li").forEach(item -> items.add(tidy(item.text()))));
        return items;
    }

    /** The references: each entry's text without its label and bare address, and its first web address. */
    List<Reference> references() {
        List<Reference> references = new ArrayList<>();
        for (Element item : body.select("ul.bibliography > li, div.bibliography li")) {
            Element link = item.selectFirst("a[href^=http]");
            Element copy = item.clone();
            copy.select("a.bare").remove();
            String name = copy.text().replaceFirst("^\\[[^\\]]*\\]\\s*", "").strip();
            name = name.replaceAll("[\\s.,;:]+$", "");
            references.add(new Reference(name, link == null ? null : link.attr("href")));
        }
        return references;
    }

    private Optional<Element> section(String id) {
        Element heading = body.getElementById(id);
        if (heading == null) {
            return Optional.empty();
        }
        Element container = heading.parent();
        Element sectionBody = container == null ? null : container.selectFirst("> .sectionbody");
        return Optional.ofNullable(sectionBody != null ? sectionBody : container);
    }

    private static String name(Element item) {
        Element first = item.selectFirst("> p > strong:first-child, > strong:first-child");
        if (first != null && item.text().strip().startsWith(first.text().strip())) {
            String text = first.text().strip().replaceAll("[.:]+$", "").strip();
            if (!text.isEmpty()) {
                return text;
            }
        }
        return tidy(item.text());
    }

    /** Removes the space a removed citation marker leaves before punctuation. */
    private static String tidy(String text) {
        return text.replaceAll("\\s+([.,;:!?])", "$1").strip();
    }

    /** One entry of a references list. */
    record Reference(String name, String url) {
    }
}
