package org.clinicbake.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output: three hand-written pages that link into each other, one with a missing image text.
 * Feature tested: the bake's checks ({@link SiteChecker#bakeChecks()}), run with a memory of the last run, report exactly what a run
 * without one reports after any kind of change (a page's text, a link target's ids, a deleted
 * file, the settings), while an unchanged page is taken as it was found.
 */
class CheckMemoryTest {

    @TempDir
    Path temp;
    OutputFixture output;
    Path memory;

    @BeforeEach
    void writeOutput() {
        output = new OutputFixture(temp)
                .page("index.html", "<p><a href=\"about.html#team\">Our team</a> <img src=\"spine.png\"></p>")
                .page("about.html", "<h2 id=\"team\">Team</h2><p><a href=\"contact.html\">Contact</a></p>")
                .page("contact.html", "<p><a href=\"index.html\">Home</a></p>")
                .file("spine.png", "png");
        memory = temp.resolve("memory/checks.json");
    }

    @Test
    void anUnchangedPageIsTakenAsTheLastRunFoundIt() throws IOException {
        List<String> first = remembering();
        assertEquals(List.of("index.html:10: error[a11y.img-alt]: image 'spine.png' has no alt attribute"), first);

        // Only the memory says so: the page itself is not checked again.
        Files.writeString(memory, Files.readString(memory).replace("has no alt attribute", "remembered"));
        assertEquals(List.of("index.html:10: error[a11y.img-alt]: image 'spine.png' remembered"), remembering());
    }

    @Test
    void everyKindOfChangeGivesWhatARunWithoutMemoryGives() throws IOException {
        remembering();

        output.page("contact.html", "<p><a href=\"index.html\">Home</a> <a href=\"missing.html\">Gone</a></p>");
        assertSameAsFresh("a page's own text changed");

        output.page("about.html", "<h2 id=\"people\">Team</h2><p><a href=\"contact.html\">Contact</a></p>");
        assertSameAsFresh("the id an unchanged page links to is gone");

        Files.delete(output.out.resolve("spine.png"));
        assertSameAsFresh("a file an unchanged page shows is gone");

        output.page("index.html", "<p><img src=\"https://cdn.example.com/spine.png\" alt=\"Spine\"></p>");
        remembering();
        output.properties("check.allowed-origins=https://cdn.example.com\n");
        assertSameAsFresh("the settings changed");
    }

    @Test
    void aDamagedMemoryOnlyCostsCheckingEveryPage() throws IOException {
        remembering();
        Files.writeString(memory, "{ not json");
        assertSameAsFresh("damaged memory");
    }

    private void assertSameAsFresh(String change) {
        List<String> fresh = output.firstLines();
        List<String> remembered = remembering();
        assertEquals(fresh, remembered, change);
        assertTrue(Files.exists(memory));
    }

    @Test
    void aCheckThatDoesNotSayItChecksEachPageAloneHasEveryPageChecked() throws IOException {
        OutputCheck gathering = () -> "gathering";
        List<OutputCheck> checks = new java.util.ArrayList<>(SiteChecker.bakeChecks());
        checks.add(gathering);

        new SiteChecker(checks, OutputFixture::vocabulary).check(output.site, output.out, OutputFixture.TODAY, memory);

        assertFalse(Files.exists(memory), "no memory: the next run checks every page");
    }

    private List<String> remembering() {
        try {
            // The bake's own checks: one of them the memory cannot keep (the disclaimer check, once) and it keeps none.
            return new SiteChecker(SiteChecker.bakeChecks(), OutputFixture::vocabulary).check(output.site, output.out, OutputFixture.TODAY, memory)
                    .diagnostics().stream().map(OutputFixture::firstLine).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
