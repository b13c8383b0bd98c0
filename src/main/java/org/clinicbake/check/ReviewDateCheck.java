package org.clinicbake.check;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.clinicbake.diag.Diagnostics;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * {@value #REVIEW_DATE}: on a page whose JSON-LD has {@code lastReviewed}, the visible "Next review due"
 * {@code <time datetime="YYYY-MM-DD">} (inside an element of class {@code review} or {@code review-dates}, the default
 * theme's) is an error when the day has passed and a warning when it is at most {@value #WARN_DAYS} days away.
 *
 * <p>The bake applies the same rule to the sources; this check catches a site that was baked long ago and is still
 * being served.
 */
public final class ReviewDateCheck implements OutputCheck {

    public static final String REVIEW_DATE = "medical.review-date";
    static final int WARN_DAYS = 30;

    private static final Evaluator NEXT_REVIEW = QueryParser.parse(".review time[datetime], .review-dates time[datetime]");

    @Override
    public String id() {
        return "review-date";
    }

    @Override
    public void checkPage(CheckContext context, Page page, Diagnostics out) {
        if (!hasLastReviewed(page)) {
            return;
        }
        for (Element time : page.select(NEXT_REVIEW)) {
            Element label = time.parent();
            if (label != null && label.text().toLowerCase(Locale.ROOT).contains("next review due")) {
                check(context, page, time, out);
            }
        }
    }

    private static boolean hasLastReviewed(Page page) {
        for (Element block : JsonLd.blocks(page)) {
            try {
                if (JsonLd.parse(block).findValue("lastReviewed") != null) {
                    return true;
                }
            } catch (JsonProcessingException e) {
                // jsonld.invalid reports it.
            }
        }
        return false;
    }

    private static void check(CheckContext context, Page page, Element time, Diagnostics out) {
        String datetime = time.attr("datetime").strip();
        LocalDate due;
        try {
            due = LocalDate.parse(datetime.length() > 10 && datetime.charAt(10) == 'T' ? datetime.substring(0, 10) : datetime);
        } catch (DateTimeParseException e) {
            out.error(REVIEW_DATE, page.path(), Page.line(time), "next review date '" + datetime + "' is not a YYYY-MM-DD date",
                    "write the date as <time datetime=\"YYYY-MM-DD\">, as the default theme's review partial does");
            return;
        }
        long days = ChronoUnit.DAYS.between(context.today(), due);
        if (days < 0) {
            out.error(REVIEW_DATE, page.path(), Page.line(time),
                    "medical review of this page was due on " + due + ", " + -days + " day(s) ago",
                    "have the medical reviewer check the article, set :med-last-reviewed: to the day of the review and "
                            + "bake again; until then patients may read out-of-date advice");
        } else if (days <= WARN_DAYS) {
            out.warning(REVIEW_DATE, page.path(), Page.line(time),
                    "medical review of this page is due on " + due + (days == 0 ? ", today" : ", in " + days + " day(s)"),
                    "plan the review with the medical reviewer now; once the date passes, bake and check fail");
        }
    }
}
