package org.clinicbake.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Today is {@link OutputFixture#TODAY}, 2026-11-27. */
class ReviewDateCheckTest {

    @TempDir
    Path temp;

    private static String article(String nextReview) {
        return """
                <script type="application/ld+json">{"@context": "https://schema.org", "@type": "MedicalWebPage", "name": "Test page", "lastReviewed": "2025-11-02"}</script>
                <div class="review-dates">
                  <p><span>Page last reviewed: <time datetime="2025-11-02">November 2, 2025</time></span>
                  <span>Next review due: <time datetime="%s">the due day</time></span></p>
                </div>""".formatted(nextReview);
    }

    @Test
    void reviewDueDateInThePastIsAnError() {
        OutputFixture output = new OutputFixture(temp).page("conditions/sciatica.html", article("2026-11-02"));

        assertEquals(List.of("conditions/sciatica.html:13: error[medical.review-date]: medical review of this page was "
                + "due on 2026-11-02, 25 day(s) ago"), output.firstLines());
    }

    @Test
    void reviewDueWithinThirtyDaysIsAWarning() {
        OutputFixture output = new OutputFixture(temp).page("conditions/sciatica.html", article("2026-12-27"));

        assertEquals(List.of("conditions/sciatica.html:13: warning[medical.review-date]: medical review of this page is "
                + "due on 2026-12-27, in 30 day(s)"), output.firstLines());
    }

    @Test
    void reviewDueLaterIsFine() {
        OutputFixture output = new OutputFixture(temp).page("conditions/sciatica.html", article("2026-12-28"));

        assertEquals(List.of(), output.firstLines());
    }

    @Test
    void reviewClassNameIsRecognisedToo() {
        OutputFixture output = new OutputFixture(temp).page("conditions/sciatica.html",
                article("2026-11-27").replace("class=\"review-dates\"", "class=\"review\""));

        assertEquals(List.of("conditions/sciatica.html:13: warning[medical.review-date]: medical review of this page is "
                + "due on 2026-11-27, today"), output.firstLines());
    }

    @Test
    void pageWithoutLastReviewedInItsJsonLdIsNotJudged() {
        OutputFixture output = new OutputFixture(temp).page("about.html",
                article("2020-01-01").replace(", \"lastReviewed\": \"2025-11-02\"", ""));

        assertEquals(List.of(), output.firstLines());
    }

    @Test
    void nextReviewDateThatIsNoDateIsAnError() {
        OutputFixture output = new OutputFixture(temp).page("conditions/sciatica.html", article("next year"));

        assertEquals(List.of("conditions/sciatica.html:13: error[medical.review-date]: next review date 'next year' "
                + "is not a YYYY-MM-DD date"), output.firstLines());
    }
}
