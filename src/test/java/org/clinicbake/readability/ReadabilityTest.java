package org.clinicbake.readability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadabilityTest {

    private static final double EXACT = 1e-6;

    @Test
    void scoresTheCatSatOnTheMatByHand() {
        // The(1) cat(1) sat(1) on(1) the(1) mat(1): 6 words, 6 syllables, 1 sentence, no polysyllables.
        ReadabilityScore score = Readability.ofText("The cat sat on the mat.");

        assertEquals(1, score.sentences());
        assertEquals(6, score.words());
        assertEquals(6, score.syllables());
        assertEquals(0, score.polysyllables());
        // FK = 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45
        assertEquals(-1.45, score.fleschKincaidGrade(), EXACT);
        // FRE = 206.835 − 1.015 × 6 − 84.6 × 1 = 116.145 (Wikipedia's example gives 116)
        assertEquals(116.145, score.fleschReadingEase(), EXACT);
        // SMOG = 1.0430 × √0 + 3.1291
        assertEquals(3.1291, score.smogGrade(), EXACT);
    }

    @Test
    void matchesThePublishedFleschReadingEaseOfWikipediasExampleSentence() {
        // Published reading ease: 69. Hand count, word by word:
        // This(1) sen-tence(2) tak-en(2) as(1) a(1) read-ing(2) pas-sage(2) un-to(2) it-self(2) is(1)
        // be-ing(2) used(1) to(1) prove(1) a(1) point(1) = 16 words, 23 syllables, 1 sentence.
        ReadabilityScore score = Readability.ofText(
                "This sentence, taken as a reading passage unto itself, is being used to prove a point.");

        assertEquals(1, score.sentences());
        assertEquals(16, score.words());
        assertEquals(23, score.syllables());
        // FRE = 206.835 − 1.015 × 16 − 84.6 × 23/16 = 68.9825
        assertEquals(68.9825, score.fleschReadingEase(), EXACT);
        assertEquals(69, score.fleschReadingEase(), 0.5);
        // FK = 0.39 × 16 + 11.8 × 23/16 − 15.59 = 7.6125
        assertEquals(7.6125, score.fleschKincaidGrade(), EXACT);
    }

    @ParameterizedTest(name = "{0} has {1} syllables")
    @CsvSource({
        "table, 2",        // ta-ble: consonant + le is a syllable
        "fire, 1",         // silent final e
        "created, 3",      // cre-at-ed: -ed after t is a syllable, e-a is two
        "walked, 1",       // -ed after k is not
        "people, 2",       // peo-ple
        "every, 2",        // ev-ery (exception)
        "business, 2",     // busi-ness (exception)
        "simile, 3",       // sim-i-le (exception)
        "the, 1",          // at least one
        "queue, 1",        // one vowel group, final e after a vowel
        "readability, 5",  // read-a-bil-i-ty
        "being, 2",        // be-ing
        "area, 3",         // ar-e-a
        "couldn't, 2",     // could-n't
        "MRI, 3",          // initialism, letter by letter
    })
    void countsSyllablesOfTrickyWords(String word, int syllables) {
        ReadabilityScore score = Readability.ofText(word);

        assertEquals(1, score.words(), word);
        assertEquals(syllables, score.syllables(), word);
    }

    @ParameterizedTest(name = "{0} has {1} syllables")
    @CsvSource({
        "safety, 2",          // safe-ty: the e of safe is silent before -ty, as before -ly
        "guideline, 2",       // guide-line
        "guidelines, 2",
        "baseline, 2",        // base-line
        "platelet, 2",        // plate-let
        "antiplatelet, 4",    // an-ti-plate-let
        "likewise, 2",        // like-wise
        "anticoagulant, 6",   // an-ti-co-ag-u-lant: o-a is two syllables here
        "osteoarthritis, 6",  // os-te-o-ar-thri-tis
        "sacroiliac, 5",      // sa-cro-il-i-ac
        "spasm, 2",           // spaz-um, as au-tism
        "spasms, 2",
        "fasciitis, 4",       // fas-ci-i-tis
        "suicide, 3",         // su-i-cide
    })
    void countsSyllablesOfMedicalWordsTheRulesGotWrong(String word, int syllables) {
        assertEquals(syllables, Readability.ofText(word).syllables(), word);
    }

    @ParameterizedTest(name = "{0} has {1} syllables")
    @CsvSource({
        "epidural, 4", "steroid, 2", "radiofrequency, 6", "anesthesia, 4", "injection, 3", "vertebrae, 3",
        "sciatica, 4", "physical, 3", "fluoroscopy, 5", "herniated, 4", "inflammation, 4", "corticosteroid, 5",
        "opioid, 3", "neuropathy, 4", "physiotherapy, 6", "ibuprofen, 4", "acetaminophen, 6",
    })
    void countsSyllablesOfCommonMedicalWordsAsTheCmuDictionaryOrADictionarysHyphenationDoes(String word, int syllables) {
        assertEquals(syllables, Readability.ofText(word).syllables(), word);
    }

    @Test
    void aTelephoneNumberIsReadDigitByDigit() {
        // five five five oh one four two = 7; one eight oh oh five five five oh one oh oh = 11
        assertEquals(7, Readability.ofText("555-0142").syllables());
        assertEquals(11, Readability.ofText("1-800-555-0100").syllables());
        assertEquals(8, Readability.ofText("2014-2015").syllables(), "a range of years is not a number to dial");
    }

    @Test
    void anAreaCodeIsReadDigitByDigitLikeTheRestOfTheTelephoneNumber() {
        // six one nine, five five five, oh one four two = 10; the area code alone was "six hun-dred
        // nine-teen" (5), so the number was 12
        ReadabilityScore spaced = Readability.ofText("(619) 555-0142");
        assertEquals(2, spaced.words());
        assertEquals(10, spaced.syllables());
        assertEquals(10, Readability.ofText("(619)555-0142").syllables());
        assertEquals(10, Readability.ofText("619-555-0142").syllables());
        assertEquals(10, Readability.ofText("619.555.0142").syllables(), "dotted, it is no decimal number");
    }

    @Test
    void theEmergencyNumbersAreSaidDigitByDigit() {
        // call nine one one = 4; it was "call nine hun-dred e-lev-en" (7)
        assertEquals(4, Readability.ofText("Call 911.").syllables());
        assertEquals(4, Readability.ofText("Call 999.").syllables());
        assertEquals(5, Readability.ofText("Call 912.").syllables(), "other numbers are read as numbers: call nine hun-dred twelve");
    }

    @Test
    void aNumberInParenthesesIsAnAreaCodeOnlyBeforeATelephoneNumber() {
        // six hun-dred nine-teen = 5 wherever no telephone number follows
        assertEquals(5, Readability.ofText("(619)").syllables());
        assertEquals(7, Readability.ofText("(619) people").syllables());
        assertEquals(5 + 6, Readability.ofText("(619) 555").syllables(), "five hun-dred fif-ty-five is no telephone number");

        // One scorer serves a whole bake and remembers each word's syllables; the area code must not
        // be remembered as the syllables of "619", nor the other way round.
        Readability scorer = new Readability();
        assertEquals(10, scorer.scoreArticleHtml("<p>(619) 555-0142</p>").syllables());
        assertEquals(7, scorer.scoreArticleHtml("<p>619 people</p>").syllables());
        assertEquals(10, scorer.scoreArticleHtml("<p>(619) 555-0142</p>").syllables());
    }

    @ParameterizedTest(name = "{0} has {1} syllables")
    @CsvSource({
        "CT, 2",          // see-tee: two or three capitals are an initialism
        "MRI, 3",         // em-ar-eye
        "ESI, 3",         // could be said as a word, but is not
        "ESIs, 3",        // a plural s after capitals is silent
        "FDA, 3",
        "COPD, 4",        // no English word ends in pd
        "CRPS, 4",        // no vowel
        "SNRI, 4",        // no English word starts with snr
        "WCAG, 6",        // dou-ble-u see ay gee
        "USPSTF, 6",      // five capitals or more are spelled too when they cannot be said
        "NSAID, 2",       // en-sed: said as a word although no English word starts with ns
        "NSAIDs, 2",
        "COVID, 2",       // co-vid: a shape English words have, so said as one
        "NICE, 1",        // the UK institute, said "nice"
        "HIPAA, 2",       // hip-uh
        "TENS, 1",        // the nerve stimulator, said "tens"
    })
    void spellsAnInitialismLetterByLetterButSaysAnAcronymAsAWord(String word, int syllables) {
        ReadabilityScore score = Readability.ofText(word);

        assertEquals(1, score.words(), word);
        assertEquals(syllables, score.syllables(), word);
    }

    @Test
    void countsAWordWrittenInCapitalsForEmphasisAsTheWord() {
        // DO(1) NOT(1) drive(1) for(1) 24 = twen-ty four(3) hours(1) = 8; spelled, DO and NOT were 2 + 3
        assertEquals(8, Readability.ofText("DO NOT drive for 24 hours.").syllables());
        // CALL(1) the(1) clin-ic(2) in(1) an(1) e-mer-gen-cy(4) = 10; CALL was spelled, 4
        assertEquals(10, Readability.ofText("CALL the clinic in an EMERGENCY.").syllables());
        // The(1) LESS(1) tri-al(2): the word less, not L-E-S-S (4)
        assertEquals(4, Readability.ofText("The LESS trial").syllables());
        // STOP(1) and(1) take(1) an-y(2) of(1) them(1) on-ly(2) if(1) told(1) = 11
        assertEquals(11, Readability.ofText("STOP and take ANY of them ONLY if told.").syllables());
    }

    @Test
    void aCitationMarkerIsNotAWordOfTheSentence() {
        // Asciidoctor writes <<rathmell2015>> as a link whose text is [4]; a patient does not read it.
        String html = """
                <div class="paragraph"><p>Steroids can raise blood sugar <a href="#ada">[8]</a>.
                Read about <a href="#risks">the risks</a> first <a href="#fda">[2]</a>, <a href="#mayo">[3]</a>.</p></div>
                """;

        ReadabilityScore score = Readability.ofArticleHtml(html);

        // Steroids can raise blood sugar / Read about the risks first: 2 sentences, 5 + 5 words
        assertEquals(2, score.sentences());
        assertEquals(10, score.words());
    }

    @Test
    void abbreviationsDoNotEndSentences() {
        // Dr Smith sees patients from the U.S and Canada e.g people with sciatica i.e leg pain = 16 words
        ReadabilityScore score = Readability.ofText(
                "Dr. Smith sees patients from the U.S. and Canada, e.g. people with sciatica, i.e. leg pain.");

        assertEquals(1, score.sentences());
        assertEquals(16, score.words());
    }

    @Test
    void etcEndsASentenceOnlyBeforeACapitalLetter() {
        assertEquals(2, Readability.ofText("We treat back pain, neck pain, etc. Call us today.").sentences());
        assertEquals(1, Readability.ofText("Bring your scans, letters, etc. and a list of medicines.").sentences());
    }

    @Test
    void runsOfMarksEndOneSentenceAndDecimalPointsNone() {
        // "Really?!" / "Yes..." / "Take 2.5 mg daily." → 3 sentences; Really Yes Take 2.5 mg daily = 6 words
        ReadabilityScore score = Readability.ofText("Really?! Yes... Take 2.5 mg daily.");

        assertEquals(3, score.sentences());
        assertEquals(6, score.words());
    }

    @Test
    void aBlankLineInPlainTextEndsASentence() {
        ReadabilityScore score = Readability.ofText("Key points\n\nRest helps.");

        assertEquals(2, score.sentences());
        assertEquals(4, score.words());
    }

    @Test
    void countsANumberAsOneWordWithTheSyllablesOfReadingItAloud() {
        // In(1) 2014 = twen-ty four-teen(4) 50% = fif-ty per-cent(4) of(1) pa-tients(2) im-proved(2)
        // = 6 words, 14 syllables, 2 polysyllables (both numbers), 1 sentence.
        ReadabilityScore score = Readability.ofText("In 2014, 50% of patients improved.");

        assertEquals(1, score.sentences());
        assertEquals(6, score.words());
        assertEquals(14, score.syllables());
        assertEquals(2, score.polysyllables());
    }

    @Test
    void readsAnOrdinalAfterARatioPieceWithADecimalPointOrThousandsComma() {
        // Both threw NumberFormatException: the ordinal rule parsed the piece "1,000" or "2.5" as a whole number.
        // Take(1) 1/1,000th = one one-thou-sandth(4) and(1) 1/2.5th = one two point five(4)
        ReadabilityScore score = Readability.ofText("Take 1/1,000th and 1/2.5th.");

        assertEquals(1, score.sentences());
        assertEquals(4, score.words());
        assertEquals(10, score.syllables());
    }

    @Test
    void countsAHyphenatedWordAsOneWordWithTheSyllablesOfItsParts() {
        // self-care = self(1) + care(1); sup-ports(2); well-being = well(1) + be-ing(2) = 3
        ReadabilityScore score = Readability.ofText("Self-care supports well-being.");

        assertEquals(3, score.words());
        assertEquals(7, score.syllables());
        assertEquals(1, score.polysyllables());
    }

    @Test
    void smogOfThirtySentencesIsMcLaughlinsFormula() {
        // 30 × "Med-i-ca-tion(4) helps(1)." → 30 sentences, 30 polysyllables.
        // SMOG = 1.0430 × √30 + 3.1291 = 1.0430 × 5.4772256 + 3.1291 = 8.8418463
        ReadabilityScore score = Readability.ofText("Medication helps. ".repeat(30));

        assertEquals(30, score.sentences());
        assertEquals(60, score.words());
        assertEquals(30, score.polysyllables());
        assertEquals(8.8418463, score.smogGrade(), EXACT);
    }

    @Test
    void smogScalesAShortTextToThirtySentences() {
        // Phys-i-cal(3) ther-a-py(3) can(1) re-duce(2) pain(1). Med-i-ca-tion(4) helps(1) some(1)
        // pa-tients(2). Rest(1) is(1) im-por-tant(3).
        // 3 sentences, 12 words, 23 syllables, 4 polysyllables (physical, therapy, medication, important).
        // SMOG = 1.0430 × √(4 × 30 / 3) + 3.1291 = 1.0430 × √40 + 3.1291 = 9.7256112
        ReadabilityScore score = Readability.ofText(
                "Physical therapy can reduce pain. Medication helps some patients. Rest is important.");

        assertEquals(3, score.sentences());
        assertEquals(12, score.words());
        assertEquals(23, score.syllables());
        assertEquals(4, score.polysyllables());
        assertEquals(9.7256112, score.smogGrade(), EXACT);
    }

    @Test
    void aListItemWithoutAFullStopIsASentence() {
        String html = """
                <div class="paragraph"><p>After the injection:</p></div>
                <div class="ulist"><ul>
                <li><p>Rest for one day</p></li>
                <li><p>Use ice on the area</p></li>
                </ul></div>
                """;

        ReadabilityScore score = Readability.ofArticleHtml(html);

        // "After the injection:" / "Rest for one day" / "Use ice on the area" → 3 sentences, 3 + 4 + 5 words
        assertEquals(3, score.sentences());
        assertEquals(12, score.words());
    }

    @Test
    void articleHtmlIgnoresReferencesTablesAndCodeButKeepsAdmonitionText() {
        String html = """
                <div class="sect1">
                <h2 id="_what_is_sciatica">What is sciatica?</h2>
                <div class="sectionbody">
                <div class="paragraph"><p>Sciatica is leg pain.</p></div>
                <div class="admonitionblock warning"><table><tr>
                <td class="icon"><div class="title">Warning</div></td>
                <td class="content">Call us if you cannot walk.</td>
                </tr></table></div>
                <table class="tableblock frame-all grid-all stretch">
                <caption class="title">Table 1. Usual doses of pain medicines for adults</caption>
                <thead><tr><th class="tableblock halign-left valign-top">Medicine</th></tr></thead>
                <tbody><tr><td class="tableblock halign-left valign-top"><p class="tableblock">Ibuprofen 400 mg</p></td></tr></tbody>
                </table>
                <div class="listingblock"><div class="content"><pre class="highlight"><code>dose = 400 mg</code></pre></div></div>
                <div class="literalblock"><div class="content"><pre>Take two tablets.</pre></div></div>
                <div class="ulist bibliography"><ul class="bibliography">
                <li><p>[[[nice]]] National Institute for Health and Care Excellence. Low back pain and sciatica.</p></li>
                </ul></div>
                </div>
                </div>
                <div class="sect1">
                <h2 id="references">References</h2>
                <div class="sectionbody">
                <div class="ulist"><ul>
                <li><p>Smith J, Jones K. Epidural steroid injections for radicular pain: a systematic review. Spine. 2019.</p></li>
                </ul></div>
                </div>
                </div>
                """;

        ReadabilityScore score = Readability.ofArticleHtml(html);

        // What(1) is(1) sci-at-i-ca(4)? / Sci-at-i-ca(4) is(1) leg(1) pain(1). / Call(1) us(1) if(1) you(1)
        // can-not(2) walk(1). → 3 sentences, 13 words, 20 syllables.
        assertEquals(3, score.sentences());
        assertEquals(13, score.words());
        assertEquals(20, score.syllables());
        assertEquals(Readability.ofText("What is sciatica?\n\nSciatica is leg pain.\n\nCall us if you cannot walk."),
                score);
    }

    @Test
    void articleHtmlDropsSectionNumbersAndFootnotes() {
        String html = """
                <div class="sect1">
                <h2 id="_overview">1. Overview</h2>
                <div class="sectionbody">
                <div class="paragraph"><p>Rest helps.<sup class="footnote">[<a id="_footnoteref_1" class="footnote" \
                href="#_footnotedef_1" title="View footnote.">1</a>]</sup></p></div>
                </div>
                </div>
                <div id="footnotes">
                <hr>
                <div class="footnote" id="_footnotedef_1"><a href="#_footnoteref_1">1</a>. Smith J, et al. Rest and recovery. 2019.</div>
                </div>
                """;

        ReadabilityScore score = Readability.ofArticleHtml(html);

        // "Overview" / "Rest helps." → 2 sentences, 3 words
        assertEquals(2, score.sentences());
        assertEquals(3, score.words());
        assertEquals(Readability.ofText("Overview\n\nRest helps."), score);
    }

    @Test
    void articleHtmlDropsContentsCalloutsAndScriptsButKeepsAnIconCellOutsideAnAdmonition() {
        String html = """
                <div id="toc" class="toc"><div id="toctitle">Table of Contents</div>
                <ul class="sectlevel1"><li><a href="#_rest">Rest</a></li></ul></div>
                <div class="paragraph"><p>Rest helps.</p></div>
                <div class="paragraph"><p>Lie down <i class="conum" data-value="1">1</i>now.</p></div>
                <div class="sidebarblock"><div class="TOC">Hidden contents.</div></div>
                <script>let tracker = 1;</script><style>p { color: red; }</style>
                <template><p>Not shown.</p></template><noscript><p>Turn on scripts.</p></noscript>
                <div class="hdlist"><table><tr><td class="icon">Walk daily.</td></tr></table></div>
                <div class="admonitionblock tip"><table><tr><td class="icon"><div class="title">Tip</div></td>
                <td class="content">Sleep well.</td></tr></table></div>
                """;

        ReadabilityScore score = Readability.ofArticleHtml(html);

        // An icon cell is left out only inside an admonition (.admonitionblock td.icon); class names
        // match in any case, as jsoup's queries match them.
        assertEquals(Readability.ofText("Rest helps.\n\nLie down now.\n\nWalk daily.\n\nSleep well."), score);
    }

    @Test
    void textWithoutWordsScoresZero() {
        assertEquals(new ReadabilityScore(0, 0, 0, 0, 0, 0, 0), Readability.ofText("  ... !! \n\n "));
        assertEquals(new ReadabilityScore(0, 0, 0, 0, 0, 0, 0), Readability.ofArticleHtml("<pre>code</pre>"));
    }
}
