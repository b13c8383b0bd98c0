package org.clinicbake.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the line of an article's AsciiDoc on which a sentence of its HTML starts, so that a message
 * about a hard sentence can send the editor to it. The sentence is matched by its words, not its
 * characters: markup ({@code *Numbing.*}), a link's target ({@code xref:candidates.adoc[who may be a
 * candidate]}) and a citation ({@code <<statpearls>>}) stand between the words in the source but not
 * in the page, so a few source words may come between two of the sentence's.
 */
final class SentenceLines {

    /** Words of the sentence that must be found in order; enough to tell most sentences apart. */
    private static final int WORDS_TO_MATCH = 6;
    /** Source words that may come between two of the sentence's (the target of a link, say). */
    private static final int MAX_GAP = 5;

    private final List<String> words = new ArrayList<>();
    private final List<Integer> lineOfWord = new ArrayList<>();

    SentenceLines(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            for (String word : words(lines.get(i))) {
                words.add(word);
                lineOfWord.add(i + 1);
            }
        }
    }

    /** The 1-based line the sentence starts on, or 0 when its words are not found in order. */
    int lineOf(String sentence) {
        List<String> wanted = words(sentence);
        int needed = Math.min(WORDS_TO_MATCH, wanted.size());
        if (needed == 0) {
            return 0;
        }
        for (int start = 0; start < words.size(); start++) {
            if (!words.get(start).equals(wanted.get(0))) {
                continue;
            }
            int at = start;
            int matched = 1;
            while (matched < needed) {
                int found = -1;
                for (int k = at + 1; k < words.size() && k <= at + 1 + MAX_GAP; k++) {
                    if (words.get(k).equals(wanted.get(matched))) {
                        found = k;
                        break;
                    }
                }
                if (found < 0) {
                    break;
                }
                at = found;
                matched++;
            }
            if (matched == needed) {
                return lineOfWord.get(start);
            }
        }
        return 0;
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                out.add(word);
            }
        }
        return out;
    }
}
