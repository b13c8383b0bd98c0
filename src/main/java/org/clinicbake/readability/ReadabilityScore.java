package org.clinicbake.readability;

/**
 * Scores of one text.
 *
 * <p>The counts are what {@link Readability} found; the three grades are computed from them with the
 * published formulas and are <em>not rounded</em>, so callers format them as they need (one decimal is
 * usual). A text without words scores zero everywhere; check {@link #words()} before showing a grade.
 *
 * @param sentences          sentences, at least one per non-empty block (paragraph, list item, heading, ...)
 * @param words              words; a number, a hyphenated compound or an abbreviation is one word
 * @param syllables          syllables of all words
 * @param polysyllables      words of three or more syllables (for SMOG)
 * @param fleschKincaidGrade {@code 0.39 × words/sentences + 11.8 × syllables/words − 15.59}
 * @param smogGrade          {@code 1.0430 × √(polysyllables × 30 / sentences) + 3.1291}, scaled from
 *                           McLaughlin's 30-sentence sample to any number of sentences
 * @param fleschReadingEase  {@code 206.835 − 1.015 × words/sentences − 84.6 × syllables/words}; higher is easier
 */
public record ReadabilityScore(int sentences, int words, int syllables, int polysyllables,
                               double fleschKincaidGrade, double smogGrade, double fleschReadingEase) {

    /** Checks that the counts are non-negative and that polysyllables are words. */
    public ReadabilityScore {
        if (sentences < 0 || words < 0 || syllables < 0 || polysyllables < 0) {
            throw new IllegalArgumentException("counts must be >= 0: sentences=" + sentences + ", words=" + words
                    + ", syllables=" + syllables + ", polysyllables=" + polysyllables);
        }
        if (polysyllables > words) {
            throw new IllegalArgumentException("more polysyllables than words: " + polysyllables + " > " + words);
        }
    }
}
