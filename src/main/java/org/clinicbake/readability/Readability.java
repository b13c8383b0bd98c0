package org.clinicbake.readability;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Readability of patient-education articles: Flesch-Kincaid grade, SMOG grade and Flesch reading ease.
 *
 * <h2>Sentences</h2>
 * A sentence ends at {@code .}, {@code !}, {@code ?} or {@code …} (or a run of them, such as {@code ?!} or
 * {@code ...}) followed by white space or the end of the text; closing quotes and brackets between the mark
 * and the space are allowed ({@code (see below).}). A mark inside a word does not end a sentence
 * ({@code 2.5}, {@code e.g.}). It also ends at the end of every block: in plain text a blank line, in HTML
 * every paragraph, list item, heading, table cell, term and definition, so a list item without a full stop
 * is still a sentence. Colons and semicolons do not end sentences. A "sentence" without words (a lone
 * {@code ...}) is not counted.
 *
 * <h2>Abbreviations</h2>
 * A full stop right after an abbreviation does not end a sentence: titles ({@code Dr. Mr. Mrs. Ms. Prof.
 * St.}), {@code e.g. i.e. cf. vs. et al. approx. fig. esp. incl. dept. ca. vol. ext. tel.}, {@code No.}
 * before a number, and every dotted abbreviation ({@code U.S.}, {@code b.i.d.}). Abbreviations that often
 * close a sentence ({@code etc. a.m. p.m. Inc. Ltd. Co. Jr. Sr. M.D. Ph.D.}, month names) end one only when
 * the next word starts with a capital letter. A single capital letter with a full stop ({@code vitamin D.})
 * ends a sentence, so initials in names are not recognised.
 *
 * <h2>Words</h2>
 * Words are runs of letters and digits. An apostrophe between letters stays in the word ({@code don't}),
 * a hyphen between letters or digits joins one word whose syllables are those of its parts
 * ({@code well-being} = well + be-ing = 3); en and em dashes and slashes separate words.
 *
 * <h2>Syllables</h2>
 * English words: the usual vowel-group heuristic (a, e, i, o, u and a vowel-sounding y; a silent final e;
 * consonant + "le"/"re" endings that are syllables, as in table and acre; "-ed" that is not a syllable
 * unless after t or d; "-es" that is not a syllable unless after a sibilant; silent e before -ly, -ful,
 * -ness, -less, -ment, -ty and the second part of compounds such as guideline, likewise and platelet; a
 * few vowel pairs that are two syllables, as in media, period, client, actual, being, co-ag-u-lant,
 * os-te-o-ar-thri-tis, fas-ci-i-tis; a final -sm or -thm heard as a syllable, as in spasm and rhythm),
 * at least one per word, plus a small map of common words the heuristic gets wrong (business,
 * every, simile, recipe...). Fire, hour and our count as one syllable.
 * <ul>
 *   <li><b>Numbers</b> ({@code 2014}, {@code 50%}, {@code 1,000}, {@code 3.5}, {@code 21st}, {@code 9:30})
 *   are one word with the syllables of reading them aloud in English, as SMOG's instructions ask:
 *   {@code 1,000} = one thou-sand = 3; a four-digit number between 1100 and 2099 without a comma reads as a
 *   year ({@code 2014} = twen-ty four-teen = 4); decimals read "point" and then each digit ({@code 3.5} = 3);
 *   {@code %} adds "per-cent" (2); ordinals read first, sec-ond, twen-ti-eth; {@code :00} is silent;
 *   a number with a leading zero or more than 15 digits is read digit by digit, and so are the emergency
 *   numbers {@code 911} and {@code 999} (nine one one = 3) and a telephone
 *   number, as one dials it: {@code 555-0142} = five five five oh one four two = 7, and likewise
 *   {@code 1-800-555-0100}, {@code 619.555.0142} and an area code in parentheses before one,
 *   {@code (619) 555-0142} = six one nine ... = 10 (a number in parentheses before anything else is a
 *   number); letters glued to a number ({@code 5mg}) count as a word part.</li>
 *   <li><b>Abbreviations and words in capitals</b>: dotted abbreviations ({@code U.S.}, {@code e.g.}) are
 *   read letter by letter (W = 3 syllables, every other letter 1), others ({@code Dr.}, {@code etc.}) by
 *   the heuristic. A word of two or more capitals (a plural {@code s} after them is silent: {@code MRIs}) is
 *   either an initialism, spelled, or said as a word, by the heuristic: an acronym ({@code COVID},
 *   {@code NICE}, {@code HIPAA}) or a word in capitals for emphasis ({@code DO NOT}, {@code CALL},
 *   {@code LESS}, {@code EMERGENCY}). There is no dictionary to tell them apart, so the shape of the
 *   letters decides. Two or three capitals are spelled ({@code CT}, {@code MRI}, {@code ESI}): short
 *   medical initialisms are many and most could be said ({@code ESI}, {@code ICU}), so shape tells
 *   nothing; the exceptions are a few short words pages write in capitals for emphasis ({@code NO},
 *   {@code NOT}, {@code ANY}..., and {@code DO}, so the credential "Daniel Reyes, DO" counts one syllable
 *   short). Four or more are said as a word when English could say them: they have a vowel, and each run
 *   of consonants is one that starts an English word (before the first vowel), ends one (after the last),
 *   or between vowels, the end of one and the start of the next; {@code COPD} (no English word ends in
 *   {@code pd}), {@code SNRI} ({@code snr}) and {@code CRPS} (no vowel) are spelled. The few acronyms said
 *   as words although their letters could not be ({@code NSAID} = en-sed, {@code MRSA}, {@code CPAP}) are
 *   listed; an initialism English could say ({@code USDA}, {@code AAOS}) is counted as a word.</li>
 * </ul>
 *
 * <h2>Article HTML</h2>
 * {@link #ofArticleHtml(String)} scores only the prose a patient reads in Asciidoctor's HTML5 body: it drops
 * the references section ({@code div.sect1} whose {@code h2} has id {@code references}, or
 * {@code _references}, Asciidoctor's default), anything with class {@code bibliography}, the citations
 * of it in the text (an in-page link whose whole text is a bracketed label, {@code [2]}), the footnotes
 * block ({@code #footnotes}, which holds citations) and footnote markers, the table of contents, tables
 * (but keeps the content cell of admonitions and horizontal description lists, which Asciidoctor lays out
 * as tables), listing and literal blocks ({@code pre}, {@code .listingblock}, {@code .literalblock}),
 * callout numbers, and the section numbers of headings ({@code 1.2. Title}).
 */
public final class Readability {

    /** Whether pages in this language are scored: the formulas are built on English text. */
    public static boolean measures(java.util.Locale language) {
        return language.getLanguage().isEmpty() || language.getLanguage().equals("en");
    }

    /**
     * Scores plain text; a blank line ends a block (and so a sentence), as a paragraph does.
     *
     * @param text the text, not {@code null}
     * @return its counts and grades
     */
    /** Syllables of each distinct word seen by this scorer; one scorer serves a whole bake. */
    private final java.util.Map<String, Integer> syllables = new java.util.concurrent.ConcurrentHashMap<>();

    /** A scorer that remembers the syllables of words it has seen (thread-safe). */
    public Readability() {
    }

    /** Scores the body HTML of an article, as {@link #ofArticleHtml(String)}, reusing syllable counts. */
    public ReadabilityScore scoreArticleHtml(String html) {
        return articleHtml(html, new Tally(syllables));
    }

    /**
     * Scores an article already parsed by jsoup, as {@link #ofArticleHtml(String)}; the document is
     * changed (references, tables and code are removed from it), so pass one you no longer need.
     */
    public ReadabilityScore scoreArticle(Document parsed) {
        return article(parsed, new Tally(syllables));
    }

    /** The message for a text above a grade limit: {@code reads at grade 9.3 (Flesch-Kincaid; SMOG 11.2), above grade 8}. */
    public static String aboveLimit(ReadabilityScore score, double limit) {
        return String.format(Locale.ROOT, "reads at grade %.1f (Flesch-Kincaid; SMOG %.1f), above grade %s",
                score.fleschKincaidGrade(), score.smogGrade(), grade(limit));
    }

    /** What to do about a text above the limit a site aims for. */
    public static String advice(double target) {
        return "patient pages should read at grade " + grade(target)
                + " or below: use shorter sentences and everyday words, and explain medical terms";
    }

    /**
     * {@link #advice(double)}, then which sentences to start with: for each of {@code hardest} its line
     * (when {@code lineOf} finds it, else none), its grade, its opening words and its long words. The
     * page's grade alone told the editor that something was wrong, not where.
     *
     * @param lineOf the line of the source a sentence starts on, 0 when it cannot be told
     */
    public static String advice(double target, List<Sentence> hardest, java.util.function.ToIntFunction<String> lineOf) {
        StringBuilder out = new StringBuilder(advice(target));
        if (hardest.isEmpty()) {
            return out.toString();
        }
        out.append("; the hardest sentences: ");
        for (int i = 0; i < hardest.size(); i++) {
            Sentence sentence = hardest.get(i);
            if (i > 0) {
                out.append("; ");
            }
            int line = lineOf.applyAsInt(sentence.text());
            if (line > 0) {
                out.append("line ").append(line).append(' ');
            }
            out.append(String.format(Locale.ROOT, "(grade %.1f, %d words) \"%s\"", sentence.grade(), sentence.words(),
                    opening(sentence.text(), 8)));
            if (!sentence.longWords().isEmpty()) {
                out.append(", long words: ").append(String.join(", ",
                        sentence.longWords().subList(0, Math.min(5, sentence.longWords().size()))));
            }
        }
        return out.toString();
    }

    /** The first {@code words} words of a sentence, with an ellipsis when it goes on. */
    private static String opening(String sentence, int words) {
        String[] parts = sentence.strip().split("\\s+");
        if (parts.length <= words) {
            return String.join(" ", parts);
        }
        return String.join(" ", java.util.Arrays.asList(parts).subList(0, words)) + " …";
    }

    private static String grade(double grade) {
        return grade == Math.rint(grade) ? String.valueOf((long) grade) : String.valueOf(grade);
    }

    /**
     * One sentence of a text as the scorer counted it.
     *
     * @param text      the sentence, as the reader sees it (markup and references left out)
     * @param words     its words
     * @param syllables their syllables
     * @param longWords its distinct words of {@value #LONG_WORD} syllables or more, in order
     */
    public record Sentence(String text, int words, int syllables, List<String> longWords) {

        /** The Flesch-Kincaid grade of this sentence alone. */
        public double grade() {
            return 0.39 * words + 11.8 * syllables / words - 15.59;
        }

        /**
         * How much this sentence lifts a text above {@code target}: its grade above the target, times
         * its words, since the formula weighs a sentence by its length. A long sentence of plain words
         * and a short one of long words both rank high; a short plain one not at all.
         */
        public double weightAbove(double target) {
            return Math.max(0, grade() - target) * words;
        }
    }

    /** Syllables from which a word is worth an editor's second look (me-di-ca-tion, in-flam-ma-tion). */
    public static final int LONG_WORD = 4;

    /**
     * The sentences of an article's prose (as {@link #ofArticleHtml(String)} scores it) that lift it most
     * above {@code target}, hardest first: what an editor should rewrite first.
     *
     * @param html   the article body
     * @param target the grade the site aims for
     * @param limit  at most this many
     */
    public static List<Sentence> hardestSentences(String html, double target, int limit) {
        List<Sentence> all = new ArrayList<>();
        article(Jsoup.parse(html), new Tally(new java.util.HashMap<>(), all));
        return all.stream()
                .filter(sentence -> sentence.weightAbove(target) > 0)
                .sorted(java.util.Comparator.comparingDouble((Sentence sentence) -> sentence.weightAbove(target)).reversed())
                .limit(limit)
                .toList();
    }

    public static ReadabilityScore ofText(String text) {
        Objects.requireNonNull(text, "text");
        Tally tally = new Tally(new java.util.HashMap<>());
        for (String block : BLOCK_BREAK.split(text)) {
            tally.block(block);
        }
        return tally.score();
    }

    /**
     * Scores the body HTML of an article (Asciidoctor's HTML5 output): only the prose a patient reads.
     *
     * @param html the article body, or a whole HTML document (its {@code body} is scored); not {@code null}
     * @return the counts and grades of its prose
     */
    public static ReadabilityScore ofArticleHtml(String html) {
        return articleHtml(html, new Tally(new java.util.HashMap<>()));
    }

    private static ReadabilityScore articleHtml(String html, Tally tally) {
        Objects.requireNonNull(html, "html");
        return article(Jsoup.parse(html), tally);
    }

    private static ReadabilityScore article(Document document, Tally tally) {
        Element body = document.body();
        prune(body);
        StringBuilder block = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text) {
                    block.append(text.getWholeText());
                } else if (node instanceof Element element) {
                    if (BLOCK_TAGS.contains(element.normalName())) {
                        flush();
                    } else if (element.normalName().equals("br")) {
                        block.append(' ');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCK_TAGS.contains(element.normalName())) {
                    flush();
                }
            }

            private void flush() {
                if (!block.isEmpty()) {
                    tally.block(block.toString());
                    block.setLength(0);
                }
            }
        }, body);
        if (!block.isEmpty()) {
            tally.block(block.toString());
        }
        return tally.score();
    }

    // ---------------------------------------------------------------- HTML

    /** Elements that end a block, and so a sentence; everything else is inline. */
    private static final Set<String> BLOCK_TAGS = Set.of(
            "p", "li", "dt", "dd", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote",
            "caption", "figcaption", "ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "section",
            "article", "aside", "header", "footer", "nav", "main", "figure", "details", "summary", "hr",
            "address", "body");

    /** Asciidoctor's section number at the start of a heading: {@code 1. } or {@code 2.3. }. */
    private static final Pattern SECTION_NUMBER = Pattern.compile("^\\s*(?:\\d+\\.)+\\s+");

    /**
     * What is not prose, as the query {@code .bibliography, #footnotes, sup.footnote, sup.footnoteref,
     * #toc, .toc, pre, .listingblock, .literalblock, .conum, script, style, template, noscript,
     * .admonitionblock td.icon} would find it under {@code root}, and citations ({@link #isCitation}): the
     * references list and its markers in the text, footnotes, a table of contents, code, callout numbers
     * and an admonition's icon cell.
     */
    private static boolean notProse(Element element, Element root) {
        String tag = element.normalName();
        if (NOT_PROSE_TAGS.contains(tag)) {
            return true;
        }
        String id = element.id();
        if (id.equals("footnotes") || id.equals("toc")) {
            return true;
        }
        if (tag.equals("a") && isCitation(element)) {
            return true;
        }
        if (element.className().isEmpty()) {
            return false;
        }
        for (String name : NOT_PROSE_CLASSES) {
            if (element.hasClass(name)) {
                return true;
            }
        }
        if (tag.equals("sup")) {
            return element.hasClass("footnote") || element.hasClass("footnoteref");
        }
        if (tag.equals("td") && element.hasClass("icon")) {
            for (Element ancestor = element.parent(); ancestor != null; ancestor = ancestor == root ? null : ancestor.parent()) {
                if (ancestor.hasClass("admonitionblock")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A citation of the references list, {@code <<statpearls>>}, which Asciidoctor writes as
     * {@code <a href="#statpearls">[2]</a>}: a patient does not read "[2]" as a word, and counted as one
     * (of one syllable) it made every cited sentence look longer and easier than it is.
     */
    private static boolean isCitation(Element link) {
        if (!link.attr("href").startsWith("#") || link.childNodeSize() != 1 || !(link.childNode(0) instanceof TextNode text)) {
            return false;
        }
        String label = text.getWholeText();
        return label.length() > 2 && label.charAt(0) == '[' && label.charAt(label.length() - 1) == ']'
                && label.indexOf(']') == label.length() - 1;
    }

    private static final Set<String> NOT_PROSE_TAGS = Set.of("pre", "script", "style", "template", "noscript");
    private static final List<String> NOT_PROSE_CLASSES = List.of("bibliography", "toc", "listingblock", "literalblock", "conum");
    private static final Set<String> TABLE_OR_HEADING = Set.of("table", "h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> REFERENCES_IDS = Set.of("references", "_references");

    /**
     * Removes what is not prose ({@link #notProse}) in one walk of the body, then the data tables,
     * the references section and the section numbers of headings. Two jsoup queries did this in
     * two walks, in a third of the scorer's time; the test of each element by hand takes a fraction
     * of that. An element inside a part removed later is changed or removed in that detached part,
     * which no longer counts.
     */
    private static void prune(Element body) {
        List<Element> tablesAndHeadings = new ArrayList<>();
        body.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element element) || element == body) {
                    return FilterResult.CONTINUE;
                }
                if (notProse(element, body)) {
                    return FilterResult.REMOVE;
                }
                if (TABLE_OR_HEADING.contains(element.normalName())) {
                    tablesAndHeadings.add(element);
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        });
        for (Element element : tablesAndHeadings) {
            Element parent = element.parent();
            if (element.nameIs("table")) {
                boolean layout = parent != null && (parent.hasClass("admonitionblock") || parent.hasClass("hdlist"));
                if (!layout) {
                    element.remove();
                }
            } else if (element.nameIs("h2") && REFERENCES_IDS.contains(element.id())
                    && parent != null && parent.nameIs("div") && parent.hasClass("sect1")) {
                parent.remove(); // the references section: div.sect1 > h2#references (or #_references)
            } else {
                TextNode first = firstText(element);
                if (first != null) {
                    Matcher number = SECTION_NUMBER.matcher(first.getWholeText());
                    if (number.find()) {
                        first.text(first.getWholeText().substring(number.end()));
                    }
                }
            }
        }
    }

    private static TextNode firstText(Element element) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                if (!text.isBlank()) {
                    return text;
                }
            } else if (child instanceof Element inner) {
                TextNode found = firstText(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- sentences and words

    private static final Pattern BLOCK_BREAK = Pattern.compile("\\R(?:\\h*\\R)+");
    /** Characters removed before anything else: soft hyphen, zero-width spaces and joiners, BOM. */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]");
    private static final String TERMINATORS = ".!?…‼⁇⁈⁉";
    private static final String CLOSERS = "\"'”’“‘»«›‹)]}*_";
    private static final String APOSTROPHES = "'’ʼ";
    private static final String HYPHENS = "-‐‑";
    private static final Pattern HYPHEN = Pattern.compile("[" + HYPHENS + "]");

    /** Abbreviations whose full stop never ends a sentence (lower case, without the final full stop). */
    private static final Set<String> NEVER_FINAL = Set.of(
            "dr", "drs", "mr", "mrs", "ms", "mx", "prof", "st", "mt", "e.g", "i.e", "cf", "vs", "al", "approx",
            "fig", "figs", "esp", "incl", "dept", "ca", "vol", "ext", "tel");
    /** Abbreviations whose full stop ends a sentence only before a capital letter. */
    private static final Set<String> FINAL_BEFORE_CAPITAL = Set.of(
            "etc", "a.m", "p.m", "inc", "ltd", "co", "corp", "jr", "sr", "m.d", "ph.d", "d.o", "r.n", "n.p",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    /** Running counts over the blocks of one text. */
    private static final class Tally {
        private int sentences;
        private int words;
        private int syllables;
        private int polysyllables;
        /** Words repeat; the syllable rules run once per distinct word. */
        private final java.util.Map<String, Integer> syllablesOf;
        /** Each sentence with its counts, when an editor is to be told which are hard; null otherwise. */
        private final List<Sentence> record;

        Tally(java.util.Map<String, Integer> syllablesOf) {
            this(syllablesOf, null);
        }

        Tally(java.util.Map<String, Integer> syllablesOf, List<Sentence> record) {
            this.syllablesOf = syllablesOf;
            this.record = record;
        }

        private void sentence(String text, int from, int to, int words, int syllables, List<String> longWords) {
            sentences++;
            if (record != null) {
                record.add(new Sentence(text.substring(from, to).trim(), words, syllables, List.copyOf(longWords)));
                longWords.clear();
            }
        }

        /**
         * Counts one block; its end ends the last sentence. A chunk is a run without white space; the
         * block is read in place, by index, since a list of chunks and one of tokens per chunk were
         * most of what scoring allocated (about 160 MB over 1,000 articles).
         */
        void block(String raw) {
            String text = withoutInvisibles(raw);
            int length = text.length();
            int wordsInSentence = 0;
            int syllablesInSentence = 0;
            List<String> longWords = record == null ? null : new ArrayList<>();
            int chunk = skipSpaces(text, 0);
            int sentenceStart = chunk;
            while (chunk < length) {
                int chunkEnd = chunkEnd(text, chunk);
                int lastWord = -1;
                int lastWordEnd = -1;
                int i = chunk;
                while (i < chunkEnd) {
                    if (!Character.isLetterOrDigit(text.charAt(i))) {
                        i++;
                        continue;
                    }
                    int wordEnd = wordEnd(text, i, chunk, chunkEnd);
                    String word = text.substring(i, wordEnd);
                    int count;
                    if (isAreaCode(text, i, wordEnd)) {
                        count = dialed(word); // not kept in syllablesOf: the same digits elsewhere are a number
                    } else {
                        Integer known = syllablesOf.get(word);
                        count = known != null ? known : syllablesOf.computeIfAbsent(word, Readability::wordSyllables);
                    }
                    words++;
                    syllables += count;
                    if (count >= 3) {
                        polysyllables++;
                    }
                    if (longWords != null && count >= LONG_WORD && !longWords.contains(word)) {
                        longWords.add(word);
                    }
                    wordsInSentence++;
                    syllablesInSentence += count;
                    lastWord = i;
                    lastWordEnd = wordEnd;
                    i = wordEnd;
                }
                int next = skipSpaces(text, chunkEnd);
                if (wordsInSentence > 0 && endsSentence(text, chunk, chunkEnd, lastWord, lastWordEnd, next)) {
                    sentence(text, sentenceStart, chunkEnd, wordsInSentence, syllablesInSentence, longWords);
                    wordsInSentence = 0;
                    syllablesInSentence = 0;
                    sentenceStart = next;
                }
                chunk = next;
            }
            if (wordsInSentence > 0) {
                sentence(text, sentenceStart, length, wordsInSentence, syllablesInSentence, longWords);
            }
        }

        ReadabilityScore score() {
            if (words == 0 || sentences == 0) {
                return new ReadabilityScore(0, 0, 0, 0, 0, 0, 0);
            }
            double wordsPerSentence = (double) words / sentences;
            double syllablesPerWord = (double) syllables / words;
            double fleschKincaid = 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59;
            double smog = 1.0430 * Math.sqrt(polysyllables * 30.0 / sentences) + 3.1291;
            double ease = 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord;
            return new ReadabilityScore(sentences, words, syllables, polysyllables, fleschKincaid, smog, ease);
        }
    }

    /**
     * Whether the word {@code [start, end)} of {@code text} is an area code: three digits in parentheses
     * before a telephone number, {@code (619) 555-0142}. Read as a number, "six hundred nineteen", it made
     * the clinic's number, which most patient pages give, two syllables longer than one dials it.
     */
    private static boolean isAreaCode(String text, int start, int end) {
        if (end - start != 3 || start == 0 || text.charAt(start - 1) != '(' || end >= text.length()
                || text.charAt(end) != ')') {
            return false;
        }
        for (int i = start; i < end; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        int next = skipSpaces(text, end + 1);
        if (next >= text.length() || !Character.isDigit(text.charAt(next))) {
            return false;
        }
        int nextEnd = wordEnd(text, next, next, chunkEnd(text, next));
        return PHONE_NUMBER.matcher(text).region(next, nextEnd).matches();
    }

    /** The text without {@link #INVISIBLE} characters; most text has none, and is returned as it is without a regex. */
    private static String withoutInvisibles(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u00AD' || (c >= '\u200B' && c <= '\u200D') || c == '\u2060' || c == '\uFEFF') {
                return INVISIBLE.matcher(text).replaceAll("");
            }
        }
        return text;
    }

    private static boolean isSpace(char c) {
        if (c < 128) {
            // The same answer for ASCII, without two lookups per character of every article.
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** The index of the first character at or after {@code from} that is not white space. */
    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of the chunk (the run without white space) that starts at {@code start}. */
    private static int chunkEnd(String text, int start) {
        int i = start;
        while (i < text.length() && !isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * The end of the word that starts at {@code start} (a letter or digit) in the chunk
     * {@code [chunk, chunkEnd)} of {@code text}: letters, digits and marks, with an apostrophe or
     * hyphen between letters, a separator inside a number, the dots of an abbreviation and a
     * percent sign after a digit.
     */
    private static int wordEnd(String text, int start, int chunk, int chunkEnd) {
        int j = start + 1;
        while (j < chunkEnd) {
            char c = text.charAt(j);
            char prev = text.charAt(j - 1);
            char next = j + 1 < chunkEnd ? text.charAt(j + 1) : '\0';
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                j++;
            } else if (APOSTROPHES.indexOf(c) >= 0 && Character.isLetter(prev) && Character.isLetter(next)) {
                j++;
            } else if (HYPHENS.indexOf(c) >= 0 && Character.isLetterOrDigit(prev)
                    && Character.isLetterOrDigit(next)) {
                j++;
            } else if (".,:/".indexOf(c) >= 0 && Character.isDigit(prev) && Character.isDigit(next)) {
                j++;
            } else if (c == '.' && Character.isLetter(prev) && Character.isLetter(next)
                    && lettersBefore(text, chunk, j) <= 2 && lettersAfter(text, j, chunkEnd) <= 2) {
                j++; // dotted abbreviation: U.S, e.g, Ph.D
            } else if (c == '%' && Character.isDigit(prev)) {
                j++;
            } else {
                break;
            }
        }
        return j;
    }

    private static int lettersBefore(String text, int chunk, int dot) {
        int k = dot;
        while (k > chunk && Character.isLetter(text.charAt(k - 1))) {
            k--;
        }
        return dot - k;
    }

    private static int lettersAfter(String text, int dot, int chunkEnd) {
        int k = dot + 1;
        while (k < chunkEnd && Character.isLetter(text.charAt(k))) {
            k++;
        }
        return k - dot - 1;
    }

    /**
     * Whether the chunk {@code [chunk, chunkEnd)} of {@code text} ends a sentence; its last word is
     * {@code [lastWord, lastWordEnd)} (-1 when it has none) and the next chunk starts at {@code next}
     * (the text's length when there is none).
     */
    private static boolean endsSentence(String text, int chunk, int chunkEnd, int lastWord, int lastWordEnd, int next) {
        int end = chunkEnd;
        while (end > chunk && CLOSERS.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        int runEnd = end;
        while (end > chunk && TERMINATORS.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end == runEnd) {
            return false;
        }
        if (runEnd - end > 1 || text.charAt(end) != '.') {
            return true;
        }
        if (lastWord < 0 || lastWordEnd != end) {
            return true;
        }
        String key = text.substring(lastWord, lastWordEnd).toLowerCase(Locale.ROOT);
        boolean last = next >= text.length();
        if (key.equals("no") || key.equals("nos")) {
            return last || !Character.isDigit(firstAlphanumeric(text, next));
        }
        if (FINAL_BEFORE_CAPITAL.contains(key)) {
            return last || Character.isUpperCase(firstAlphanumeric(text, next));
        }
        return !NEVER_FINAL.contains(key) && key.indexOf('.') < 0;
    }

    /** The first letter or digit of the chunk that starts at {@code chunk}, or {@code '\0'}. */
    private static char firstAlphanumeric(String text, int chunk) {
        for (int i = chunk; i < text.length() && !isSpace(text.charAt(i)); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return '\0';
    }

    // ---------------------------------------------------------------- syllables of a word

    /** A number (with its ordinal suffix and percent sign) or a run of anything else. */
    private static final Pattern WORD_PART = Pattern.compile(
            "(?<num>[0-9]+(?:[.,:/][0-9]+)*)(?<ord>(?i:st|nd|rd|th)(?!\\p{L}))?(?<pct>%)?|(?<other>[^0-9]+)");

    /** Syllables of one word (a token); at least 1. */
    static int wordSyllables(String word) {
        if (PHONE_NUMBER.matcher(word).matches()) {
            // Read digit by digit, "five five five, oh one four two" (7), not "five hundred fifty-five,
            // oh one four two" (11): a clinic's number on every page made its prose score a grade harder.
            return dialed(word);
        }
        int total = 0;
        for (String part : HYPHEN.split(word)) {
            Matcher m = WORD_PART.matcher(part);
            boolean afterNumber = false;
            while (m.find()) {
                if (m.group("num") != null) {
                    total += numberSyllables(m.group("num"), m.group("ord") != null, m.group("pct") != null);
                    afterNumber = true;
                } else {
                    String other = m.group("other");
                    if (!(afterNumber && other.equals("s"))) { // 1990s
                        total += letterSyllables(other);
                    }
                    afterNumber = false;
                }
            }
        }
        return Math.max(1, total);
    }

    /** Syllables of the digits of a telephone number read as one dials it, 0 as "oh". */
    private static int dialed(String number) {
        int total = 0;
        for (char c : number.toCharArray()) {
            if (c >= '0' && c <= '9') {
                total += c == '0' ? 1 : SMALL[c - '0'];
            }
        }
        return total;
    }

    /**
     * A telephone number's digits in hyphenated groups, ending in three then four: 555-0142, 1-800-555-0100;
     * or in three dotted groups, 619.555.0142 (a decimal number has one point, so this is none).
     */
    private static final Pattern PHONE_NUMBER = Pattern.compile(
            "(?:[0-9]+[-‐‑])*[0-9]{3}[-‐‑][0-9]{4}|(?:1\\.)?[0-9]{3}\\.[0-9]{3}\\.[0-9]{4}");
    /** Two or more capitals, perhaps with a plural s: MRI, MRIs, NSAIDs, LESS. */
    private static final Pattern CAPITALS = Pattern.compile("\\p{Lu}{2,}s?");
    private static final Pattern CONTRACTION_SYLLABLE = Pattern.compile("[dstz]n['’ʼ]t$");
    private static final Pattern NOT_A_TO_Z = Pattern.compile("[^a-z]");

    private static int letterSyllables(String run) {
        if (run.indexOf('.') >= 0) {
            return spelled(run);
        }
        if (CAPITALS.matcher(run).matches()) {
            String letters = run.endsWith("s") ? run.substring(0, run.length() - 1) : run;
            String key = NOT_A_TO_Z.matcher(Normalizer.normalize(letters.toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                    .replaceAll("");
            Integer said = SAID_AS_WORDS.get(key);
            if (said != null) {
                return said;
            }
            boolean word = key.length() <= 3 ? SHORT_WORDS.contains(key) : sayable(key);
            if (!word) {
                return spelled(run);
            }
        }
        String lower = run.toLowerCase(Locale.ROOT);
        int bonus = CONTRACTION_SYLLABLE.matcher(lower).find() ? 1 : 0; // could-n't, does-n't
        String w = NOT_A_TO_Z.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        if (w.isEmpty()) {
            return 0;
        }
        return englishSyllables(w) + bonus;
    }

    /**
     * Acronyms said as a word that {@link #sayable} would spell: no English word starts with ns (NSAID,
     * en-sed), mr (MRSA, mer-sa) or cp (CPAP, see-pap). Those it says right (COVID, NICE, HIPAA) need
     * no entry.
     */
    private static final Map<String, Integer> SAID_AS_WORDS = Map.of("nsaid", 2, "mrsa", 2, "cpap", 2);

    /**
     * Words of two or three letters that patient pages write in capitals for emphasis ("DO NOT drive",
     * "do NOT stop", "take ANY of them"). Other short capitals are spelled, since most are initialisms:
     * not OR and ER (the operating and emergency rooms) or US.
     */
    private static final Set<String> SHORT_WORDS = Set.of(
            "do", "no", "not", "all", "any", "and", "but", "can", "now", "off", "out", "you", "eat", "go", "if",
            "one", "two");

    /** Consonants that start English words (besides any single one): blood, chronic, spine, straight, rhythm. */
    private static final Set<String> ONSETS = Set.of(
            "bl", "br", "ch", "chr", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gn", "gr", "kl", "kn", "kr", "ph",
            "phr", "pl", "pr", "ps", "rh", "sc", "sch", "scr", "sh", "shr", "sk", "sl", "sm", "sn", "sp", "sph",
            "spl", "spr", "sq", "st", "str", "sw", "th", "thr", "tr", "tw", "wh", "wr");
    /**
     * Consonants that end English words (besides any single one; any of these or a single one may be
     * followed by th, s or both, as in width, depth, fifths): first, night, sign, column, spasm, rhythm.
     */
    private static final Set<String> CODAS = Set.of(
            "bt", "ch", "ck", "ct", "ft", "gh", "ght", "gn", "lch", "ld", "lf", "lk", "lm", "lp", "lt", "mb", "mn",
            "mp", "mpt", "nc", "nch", "nct", "nd", "ng", "nk", "nst", "nt", "ph", "pt", "rb", "rch", "rd", "rf", "rg",
            "rk", "rl", "rm", "rn", "rp", "rph", "rst", "rt", "sc", "sh", "sk", "sm", "sp", "st", "tch", "thm", "wl",
            "wn", "xt");

    private static final Pattern DOUBLED = Pattern.compile("(.)\\1+");

    /**
     * Whether English could say these letters (a to z, in lower case) as a word: they have a vowel (y
     * counts as one except as the first letter), the consonants before the first vowel start an English word, those
     * after the last end one, and each run between vowels is the end of one syllable and the start of
     * the next (im-p-ortant, in-str-uctions, but ac-g-me cannot be split). A doubled letter counts once
     * (li-tt-le, le-ss).
     */
    private static boolean sayable(String word) {
        String letters = DOUBLED.matcher(word).replaceAll("$1");
        int n = letters.length();
        int runStart = 0;
        boolean vowelSeen = false;
        for (int i = 0; i <= n; i++) {
            boolean vowel = i < n && (isAeiou(letters.charAt(i)) || (letters.charAt(i) == 'y' && i > 0));
            if (i < n && !vowel) {
                continue;
            }
            String run = letters.substring(runStart, i);
            boolean fits;
            if (i == n) {
                fits = vowelSeen && isCoda(run);
            } else if (!vowelSeen) {
                fits = isOnset(run);
            } else {
                fits = false;
                for (int split = 0; split <= run.length() && !fits; split++) {
                    fits = isCoda(run.substring(0, split)) && isOnset(run.substring(split));
                }
            }
            if (!fits) {
                return false;
            }
            vowelSeen = true;
            runStart = i + 1;
        }
        return true;
    }

    private static boolean isOnset(String run) {
        return run.length() <= 1 || ONSETS.contains(run);
    }

    private static boolean isCoda(String run) {
        String base = run.endsWith("s") ? run.substring(0, run.length() - 1) : run;
        base = base.endsWith("th") ? base.substring(0, base.length() - 2) : base;
        return base.length() <= 1 || CODAS.contains(base);
    }

    /** Read letter by letter: W is "dou-ble-u", every other letter one syllable; a plural s is silent. */
    private static int spelled(String run) {
        int count = 0;
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (!Character.isLetter(c) || (c == 's' && i == run.length() - 1 && i > 0
                    && Character.isUpperCase(run.charAt(i - 1)))) {
                continue;
            }
            count += Character.toLowerCase(c) == 'w' ? 3 : 1;
        }
        return count;
    }

    // ---------------------------------------------------------------- numbers

    /** Syllables of zero to nineteen. */
    private static final int[] SMALL = {2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 2, 2, 2, 2, 3, 2, 2};
    /** Syllables of twenty, thirty ... ninety by tens digit. */
    private static final int[] TENS = {0, 0, 2, 2, 2, 2, 2, 3, 2, 2};
    /** One piece of 9:30 or 1/2, with the separator before it. */
    private static final Pattern NUMBER_PIECE = Pattern.compile("([:/]?)([0-9.,]+)");
    private static final long[] SCALES = {1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};

    private static int numberSyllables(String number, boolean ordinal, boolean percent) {
        int total;
        String last;
        if (number.indexOf(':') >= 0 || number.indexOf('/') >= 0) {
            total = 0;
            last = "";
            Matcher part = NUMBER_PIECE.matcher(number);
            while (part.find()) {
                last = part.group(2);
                boolean silentMinutes = ":".equals(part.group(1)) && last.matches("0+"); // 9:00
                if (!silentMinutes) {
                    total += numberSyllables(last, false, false);
                }
            }
        } else if (number.indexOf('.') >= 0) {
            int point = number.indexOf('.');
            total = integerSyllables(number.substring(0, point).replace(",", ""), true) + 1;
            for (char c : number.substring(point + 1).toCharArray()) {
                if (c >= '0' && c <= '9') {
                    total += SMALL[c - '0'];
                }
            }
            last = "";
        } else {
            last = number.replace(",", "");
            total = integerSyllables(last, number.indexOf(',') < 0);
        }
        // A piece of 9:30 or 1/2 may hold a decimal point or thousands commas: 1/2.5th, 1/1,000th.
        last = last.replace(",", "");
        if (ordinal && !last.isEmpty() && last.length() <= 15 && last.indexOf('.') < 0) {
            long n = Long.parseLong(last);
            if (n % 100 >= 20 && n % 10 == 0) {
                total++; // twen-ti-eth
            } else if (n % 10 == 2 && n % 100 != 12) {
                total++; // sec-ond
            }
        }
        return total + (percent ? 2 : 0);
    }

    private static final Set<String> EMERGENCY_NUMBERS = Set.of("911", "999");

    private static int integerSyllables(String digits, boolean mayBeYear) {
        if (digits.isEmpty()) {
            return 0;
        }
        // 911 and 999 are the emergency numbers patient pages tell readers to call, said "nine one one"
        // (3), not "nine hundred eleven" (5); every condition page of a clinic has one.
        if ((digits.length() > 1 && digits.charAt(0) == '0') || digits.length() > 15 || EMERGENCY_NUMBERS.contains(digits)) {
            int total = 0;
            for (char c : digits.toCharArray()) {
                total += SMALL[c - '0'];
            }
            return total;
        }
        long n = Long.parseLong(digits);
        if (mayBeYear && digits.length() == 4) {
            long high = n / 100;
            long low = n % 100;
            if (n >= 1100 && n <= 1999) {
                if (low == 0) {
                    return cardinal(high) + 2; // fif-teen hun-dred
                }
                return cardinal(high) + (low < 10 ? 1 + cardinal(low) : cardinal(low)); // nine-teen oh five
            }
            if (n >= 2010 && n <= 2099) {
                return 2 + cardinal(low); // twen-ty four-teen
            }
        }
        return cardinal(n);
    }

    private static int cardinal(long n) {
        if (n < 20) {
            return SMALL[(int) n];
        }
        if (n < 100) {
            return TENS[(int) (n / 10)] + (n % 10 == 0 ? 0 : SMALL[(int) (n % 10)]);
        }
        if (n < 1000) {
            return SMALL[(int) (n / 100)] + 2 + (n % 100 == 0 ? 0 : cardinal(n % 100));
        }
        for (long scale : SCALES) {
            if (n >= scale) {
                return cardinal(n / scale) + 2 + (n % scale == 0 ? 0 : cardinal(n % scale));
            }
        }
        throw new AssertionError(n);
    }

    // ---------------------------------------------------------------- English words

    /** Common words the heuristic gets wrong, by their letters (apostrophes removed). */
    private static final Map<String, Integer> EXCEPTIONS = Map.ofEntries(
            Map.entry("business", 2), Map.entry("every", 2), Map.entry("simile", 3), Map.entry("recipe", 3),
            Map.entry("acne", 2), Map.entry("apostrophe", 4), Map.entry("catastrophe", 4), Map.entry("maybe", 2),
            Map.entry("diabetes", 4), Map.entry("herpes", 2), Map.entry("element", 3), Map.entry("senior", 2),
            Map.entry("junior", 2), Map.entry("behavior", 3), Map.entry("behaviour", 3),
            Map.entry("behavioral", 4), Map.entry("behavioural", 4), Map.entry("familiar", 3),
            Map.entry("wherever", 3), Map.entry("wednesday", 2), Map.entry("evening", 2), Map.entry("arent", 1),
            Map.entry("werent", 1), Map.entry("argue", 2), Map.entry("argued", 2), Map.entry("fluid", 2),
            Map.entry("poem", 2), Map.entry("poet", 2), Map.entry("poetry", 3), Map.entry("pancreas", 3),
            Map.entry("sacroiliac", 5), Map.entry("suicide", 3), Map.entry("suicidal", 4), Map.entry("genuine", 3),
            Map.entry("genuinely", 4), Map.entry("ruin", 2), Map.entry("theater", 3), Map.entry("museum", 3),
            Map.entry("naive", 2), Map.entry("vaseline", 3));

    /**
     * Compounds whose first part ends in a silent e (or is "every"): counted as the part plus the rest
     * (some-one, there-fore, care-ful, every-thing). After "home" the rest must start with a consonant
     * (home-work, but ho-me-op-a-thy).
     */
    private static final List<Map.Entry<String, Integer>> COMPOUND_HEADS = List.of(
            Map.entry("every", 2), Map.entry("some", 1), Map.entry("there", 1), Map.entry("where", 1),
            Map.entry("home", 1), Map.entry("life", 1), Map.entry("time", 1), Map.entry("care", 1));

    /** Vowel pairs and endings that are one syllable more than their vowel groups. */
    private static final List<Pattern> EXTRA_SYLLABLE = Stream.of(
            "(?<![ctsg])ia|(?<=[ctsg])ia(?=t)", // me-di-a, tri-al; as-so-ci-ate, sci-at-i-ca
            "(?<![tcsgx])io(?!n)|(?<=[tcsgx])io(?![nu])", // ra-di-o, se-ri-ous, o-pi-oid; not na-tion, pre-cious
            "(?<!g)iu", // cal-ci-um
            "(?<!q)uo", // con-tin-u-ous
            "(?<![gq])ua(?![aeiou])", // ac-tu-al, e-val-u-ate; not qual-i-ty
            "(?<!p)(?<!.g)(?<!ch)eo(?!u)", // vid-e-o, os-te-o; not peo-ple, sur-geon
            "(?<![cg])eou", // hid-e-ous; not gor-geous
            "(?<![tc])ie(?=n[ct])", // cli-ent, ex-pe-ri-ence; not pa-tient
            "iet", // di-et, qui-et, anx-i-e-ty
            "(?<=[aeiouy][^aeiouy]{1,3})ie(?=r|st$)", // eas-i-er, ear-li-est
            "(?<!q)ue(?=n[ct]|ls?$)", // in-flu-ence, fu-el; not fre-quent
            "[aeiou]ings?$", // be-ing, go-ing
            "[aiy]sms?$", // au-tis-m, spas-m, an-eu-rys-m
            "thms?$", // rhy-thm
            "(?<!a)ii(?!ng)", // fas-ci-i-tis; not Ha-wai-ian, ski-ing (the -ing rule counts it)
            "coa(?=g)", // co-ag-u-late, an-ti-co-ag-u-lant
            "oa(?=rthr)", // os-te-o-ar-thri-tis
            "crea(?=t(?!ur))", // cre-ate, cre-at-ed; not crea-ture
            "^rea(?=ct|lit|ssu|ssess|djust|pp)", // re-act, re-as-sure
            "^co(?=o[rp])", // co-op-er-ate, co-or-di-nate
            "^sci(?=e)", // sci-ence
            "^.*[aeiouy].*[^aeiouy]eas?$") // ar-e-a, i-de-a, nau-se-a; not plea
            .map(Pattern::compile).toList();

    /** Consonant + "le" or "re" at the end, where the e is heard: ta-ble, mus-cle, a-cre, hun-dred. */
    private static final Pattern SYLLABIC_ENDING = Pattern.compile("(?:[bcdfgkpstz]l|[bcdfgkpt]r)e$");
    /** "-es" after a sibilant is a syllable: pla-ces, box-es, wash-es; "aches" is not. */
    private static final Pattern SIBILANT_ES = Pattern.compile("(?:[sxzcg]|[cs]h)es$");
    private static final Pattern ACHES = Pattern.compile("(?:^|[^aeiou])aches$");
    /** Silent "-ue" after g or q: fa-tigue, tech-nique, tongue. */
    private static final Pattern SILENT_UE = Pattern.compile("(?<=[aeiouy][^aeiouy]{0,3})[gq]ue[sd]?$");
    /**
     * A silent e before a suffix or the second part of a compound: move-ment, safe-ly, care-ful,
     * aware-ness, use-less, safe-ty, nine-ty, guide-line, like-wise, side-ways, plate-let. Only after f or n
     * before -ty (vel-ve-ty, rick-e-ty are heard), and only after d, s or t before -line (names such as
     * Em-me-line).
     */
    private static final Pattern SILENT_E_BEFORE_SUFFIX =
            Pattern.compile("^(.*[aeiouy])([^aeiouy]+)e(?:ly|ful|fully|ness|less|ments?|(?<=[fn]e)ty|(?<=[dst]e)lines?|wise|wide|ways|lets?)$");

    static int englishSyllables(String w) {
        Integer known = exception(w);
        if (known != null) {
            return known;
        }
        for (Map.Entry<String, Integer> head : COMPOUND_HEADS) {
            String prefix = head.getKey();
            if (w.length() > prefix.length() + 1 && w.startsWith(prefix)) {
                String rest = w.substring(prefix.length());
                boolean restHasVowel = rest.chars().anyMatch(c -> "aeiouy".indexOf(c) >= 0);
                boolean restStartsWithVowel = "aeiouy".indexOf(rest.charAt(0)) >= 0;
                if (restHasVowel && !(prefix.equals("home") && restStartsWithVowel)) {
                    return head.getValue() + englishSyllables(rest);
                }
            }
        }
        return Math.max(1, heuristic(w));
    }

    private static Integer exception(String w) {
        Integer known = EXCEPTIONS.get(w);
        if (known != null) {
            return known;
        }
        if (w.endsWith("es")) {
            String stem = w.substring(0, w.length() - 2);
            Integer stemCount = EXCEPTIONS.get(stem);
            if (stemCount != null && SIBILANT_ES.matcher(w).find()) {
                return stemCount + 1; // business-es
            }
        }
        if (w.endsWith("s") && !w.endsWith("ss")) {
            return EXCEPTIONS.get(w.substring(0, w.length() - 1)); // sim-i-les
        }
        return null;
    }

    private static boolean isAeiou(char c) {
        return "aeiou".indexOf(c) >= 0;
    }

    private static int heuristic(String w) {
        int n = w.length();
        boolean[] vowel = new boolean[n];
        for (int i = 0; i < n; i++) {
            char c = w.charAt(i);
            if (isAeiou(c)) {
                vowel[i] = true;
            } else if (c == 'y') {
                boolean nextVowel = i + 1 < n && isAeiou(w.charAt(i + 1));
                boolean prevVowel = i > 0 && (isAeiou(w.charAt(i - 1))
                        || (w.charAt(i - 1) == 'w' && i > 1 && isAeiou(w.charAt(i - 2)))); // law-yer
                vowel[i] = !(i == 0 && nextVowel) && !(prevVowel && nextVowel); // yes, be-yond: a consonant
            }
        }
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (!vowel[i]) {
                continue;
            }
            boolean newGroup = i == 0 || !vowel[i - 1];
            if (!newGroup && w.charAt(i - 1) == 'y' && i >= 2 && !vowel[i - 2]) {
                // a vowel y after a consonant is a syllable of its own (my-al-gi-a, dy-ing), except a final
                // -ye, -yes, -yed (dye, dyes)
                boolean finalE = w.charAt(i) == 'e'
                        && (i == n - 1 || (i == n - 2 && (w.charAt(n - 1) == 's' || w.charAt(n - 1) == 'd')));
                newGroup = !finalE;
            }
            if (newGroup) {
                count++;
            }
        }
        for (Pattern extra : EXTRA_SYLLABLE) {
            Matcher m = extra.matcher(w);
            while (m.find()) {
                count++;
            }
        }
        if (n > 2 && w.endsWith("e")) {
            if (!SYLLABIC_ENDING.matcher(w).find() && !vowel[n - 2]) {
                count--; // fir-e, th-e
            }
        } else if (n > 3 && w.endsWith("es")) {
            boolean heard = SYLLABIC_ENDING.matcher(w.substring(0, n - 1)).find()
                    || (SIBILANT_ES.matcher(w).find() && !ACHES.matcher(w).find());
            if (!heard && !vowel[n - 3]) {
                count--; // takes, times
            }
        } else if (n > 3 && w.endsWith("ed")) {
            char before = w.charAt(n - 3);
            boolean heard = SYLLABIC_ENDING.matcher(w.substring(0, n - 1)).find() || before == 't' || before == 'd';
            if (!heard && !vowel[n - 3]) {
                count--; // walked, used
            }
        }
        if (SILENT_UE.matcher(w).find()) {
            count--;
        }
        Matcher suffix = SILENT_E_BEFORE_SUFFIX.matcher(w);
        if (suffix.matches() && !SYLLABIC_ENDING.matcher(suffix.group(2) + "e").find()) {
            count--;
        }
        return count;
    }
}
