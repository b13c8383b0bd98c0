package org.clinicbake.content;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * The visible text of an article's tagged sections ({@code [#how-performed]}, {@code [#risks]}, ...)
 * and its references, read from its HTML once, when it is converted, and kept with the conversion:
 * structured data then says exactly what the page shows without parsing the page again.
 *
 * @param sections   by id, for each id in {@link #IDS} the article has
 * @param references the entries of its references list
 */
public record SectionFacts(Map<String, Section> sections, List<Reference> references) {

    /** The key under which an article's facts travel in JBake's document model. */
    public static final String KEY = "clinicbake_sections";

    /** The section ids structured data reads; asking for another is a programming error. */
    public static final List<String> IDS = List.of("how-performed", "preparation", "followup", "risks",
            "contraindications", "symptoms", "risk-factors");

    /**
     * One tagged section: its text (paragraphs and lists joined), the bold lead-in of each list item
     * when it starts with one ({@code * *Infection.* Rare...} gives "Infection", else the item's
     * whole text), and the whole text of each list item.
     */
    public record Section(String text, List<String> itemNames, List<String> items) {
    }

    /** One entry of a references list: its text without its label and bare address, and its first web address. */
    public record Reference(String name, String url) {
    }

    /** Reads the facts from a parsed article, leaving the document as it was. */
    public static SectionFacts of(Document parsed) {
        Map<String, Section> sections = new LinkedHashMap<>();
        Found found = find(parsed);
        for (String id : IDS) {
            section(found.tagged().get(id)).ifPresent(section -> {
                List<String> names = new ArrayList<>();
                List<String> items = new ArrayList<>();
                for (Element item : listItems(section)) {
                    String text = item.text();
                    names.add(name(item, text));
                    items.add(tidy(text));
                }
                sections.put(id, new Section(tidy(section.text()), List.copyOf(names), List.copyOf(items)));
            });
        }
        List<Reference> references = new ArrayList<>();
        for (Element item : found.referenceItems()) {
            Element link = item.selectFirst(WEB_LINK);
            Element copy = item.clone();
            copy.select(BARE_LINK).remove();
            removeCitationMarkers(copy);
            String name = LABEL.matcher(copy.text()).replaceFirst("").strip();
            name = TRAILING_PUNCTUATION.matcher(name).replaceAll("");
            references.add(new Reference(name, link == null ? null : link.attr("href")));
        }
        return new SectionFacts(Map.copyOf(sections), List.copyOf(references));
    }

    // Compiled once: jsoup parses a query given as text on every call, a cost paid per article and list item.
    private static final Evaluator INTERNAL_LINK = QueryParser.parse("a[href^=#]");
    private static final Evaluator WEB_LINK = QueryParser.parse("a[href^=http]");
    private static final Evaluator BARE_LINK = QueryParser.parse("a.bare");
    private static final Evaluator SECTION_BODY = QueryParser.parse("> .sectionbody");

    private static final Pattern CITATION = Pattern.compile("\\[[^\\]]+\\]");
    private static final Pattern LABEL = Pattern.compile("^\\[[^\\]]*\\]\\s*");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s.,;:]+$");
    private static final Pattern NAME_END = Pattern.compile("[.:]+$");

    /** Citation markers ({@code [1]}) point at the references list; they are not part of the facts. */
    private static void removeCitationMarkers(Element copy) {
        citationMarkers(copy).forEach(Element::remove);
    }

    private static List<Element> citationMarkers(Element element) {
        return element.stream().filter(link -> isCitationMarker(element, link)).toList();
    }

    /** Whether the element holds a citation marker: a walk that stops at the first. */
    private static boolean hasCitationMarker(Element element) {
        return element.stream().anyMatch(link -> isCitationMarker(element, link));
    }

    /** An internal link whose text is a bracketed label, such as {@code [1]}. */
    private static boolean isCitationMarker(Element root, Element link) {
        return INTERNAL_LINK.matches(root, link) && CITATION.matcher(link.text()).matches();
    }

    /** The text of the section with this id, or empty. */
    public Optional<String> text(String id) {
        return section(id).map(Section::text).filter(text -> !text.isEmpty());
    }

    /** The names of the list items in the section (see {@link Section}). */
    public List<String> itemNames(String id) {
        return section(id).map(Section::itemNames).orElse(List.of());
    }

    /** The whole text of each list item in the section. */
    public List<String> items(String id) {
        return section(id).map(Section::items).orElse(List.of());
    }

    private Optional<Section> section(String id) {
        if (!IDS.contains(id)) {
            throw new IllegalArgumentException("section '" + id + "' is not read at conversion; add it to SectionFacts.IDS");
        }
        return Optional.ofNullable(sections.get(id));
    }

    /** The first element with each of {@link #IDS}, and the entries of the references list. */
    private record Found(Map<String, Element> tagged, List<Element> referenceItems) {
    }

    /**
     * Finds both in one walk of the document. The entries are the list items the query
     * {@code ul.bibliography > li, div.bibliography li} would find, in document order; a walk of
     * its own for that query took a fifth of this class's time.
     */
    private static Found find(Document parsed) {
        Found found = new Found(new HashMap<>(), new ArrayList<>());
        NodeTraversor.traverse(new NodeVisitor() {
            private int bibliographyDivs;

            @Override
            public void head(Node node, int depth) {
                if (!(node instanceof Element element)) {
                    return;
                }
                String id = element.id();
                if (!id.isEmpty() && IDS.contains(id)) {
                    found.tagged().putIfAbsent(id, element);
                }
                if (element.nameIs("li") && (bibliographyDivs > 0 || isBibliographyList(element.parent()))) {
                    found.referenceItems().add(element);
                }
                if (isBibliographyDiv(element)) {
                    bibliographyDivs++;
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && isBibliographyDiv(element)) {
                    bibliographyDivs--;
                }
            }
        }, parsed);
        return found;
    }

    private static boolean isBibliographyDiv(Element element) {
        return element.nameIs("div") && element.hasClass("bibliography");
    }

    private static boolean isBibliographyList(Element element) {
        return element != null && element.nameIs("ul") && element.hasClass("bibliography");
    }

    /**
     * A tagged section without its citation markers: its body when the id is a section's heading,
     * else the block around it. Only a section that has markers is copied to remove them; the others
     * are read in place (with each item's text read once, not three times: 114 ms -> 93-106 ms for
     * the facts of 500 articles).
     */
    private static Optional<Element> section(Element heading) {
        if (heading == null) {
            return Optional.empty();
        }
        Element container = heading.parent();
        Element sectionBody = container == null ? null : container.selectFirst(SECTION_BODY);
        Element found = sectionBody != null ? sectionBody : container;
        if (found == null || !hasCitationMarker(found)) {
            return Optional.ofNullable(found);
        }
        Element copy = found.clone();
        removeCitationMarkers(copy);
        return Optional.of(copy);
    }

    /** The list items inside the element, in document order (the query {@code li}, without its stream). */
    private static List<Element> listItems(Element root) {
        List<Element> items = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Element element && element.nameIs("li")) {
                items.add(element);
            }
        }, root);
        return items;
    }

    /**
     * The bold lead-in of a list item: what the query {@code > p > strong:first-child, > strong:first-child} finds
     * first, read from the item's children (a query for each item of each article was a tenth of this class's time).
     */
    private static Element leadIn(Element item) {
        for (Element child : item.children()) {
            if (child.nameIs("strong") && child.elementSiblingIndex() == 0) {
                return child;
            }
            if (child.nameIs("p")) {
                Element first = child.firstElementChild();
                if (first != null && first.nameIs("strong")) {
                    return first;
                }
            }
        }
        return null;
    }

    private static String name(Element item, String itemText) {
        Element first = leadIn(item);
        if (first != null) {
            String lead = first.text().strip();
            if (itemText.strip().startsWith(lead)) {
                String text = NAME_END.matcher(lead).replaceAll("").strip();
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return tidy(itemText);
    }

    /**
     * Removes the space a removed citation marker leaves before punctuation: each run of white space
     * (as regex {@code \\s}) followed by one of {@code .,;:!?}. A loop: the regex took a sixth of
     * this class's time.
     */
    static String tidy(String text) {
        char[] chars = text.toCharArray();
        int length = 0;
        int i = 0;
        while (i < chars.length) {
            if (!SearchText.isRegexSpace(chars[i])) {
                chars[length++] = chars[i++];
                continue;
            }
            int end = i;
            while (end < chars.length && SearchText.isRegexSpace(chars[end])) {
                end++;
            }
            boolean beforePunctuation = end < chars.length && ".,;:!?".indexOf(chars[end]) >= 0;
            if (!beforePunctuation) {
                System.arraycopy(chars, i, chars, length, end - i);
                length += end - i;
            }
            i = end;
        }
        return new String(chars, 0, length).strip();
    }

}
