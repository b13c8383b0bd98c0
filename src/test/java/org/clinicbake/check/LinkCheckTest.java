package org.clinicbake.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkCheckTest {

    @TempDir
    Path temp;

    @Test
    void linkToAFileThatIsNotInTheOutputIsAnError() {
        OutputFixture output = new OutputFixture(temp)
                .page("procedures/nerve-block.html", "<p>See <a href=\"../conditions/sciatca.html\">sciatica</a>.</p>")
                .page("conditions/sciatica.html", "<p>Sciatica.</p>");

        assertEquals(List.of("procedures/nerve-block.html:10: error[link.broken]: link '../conditions/sciatca.html' "
                + "points to 'conditions/sciatca.html', which is not in the output"), output.firstLines());
    }

    @Test
    void aLinkToAnArticleThatIsNotPublishedSaysSo() throws java.io.IOException {
        OutputFixture output = new OutputFixture(temp)
                .page("procedures/nerve-block.html", "<p>See <a href=\"../conditions/sciatica.html\">sciatica</a>.</p>");
        java.nio.file.Files.createDirectories(output.site.resolve("content/conditions"));
        java.nio.file.Files.writeString(output.site.resolve("content/conditions/sciatica.adoc"), "= Sciatica\n:jbake-status: draft\n");

        List<org.clinicbake.diag.Diagnostic> found = output.check().diagnostics();

        // "Publish the missing file" sent the editor looking for a file that was there, as a draft.
        assertEquals(List.of("content/conditions/sciatica.adoc is not published: a draft, or scheduled for a later day; "
                + "take the link out until it is, or publish it"), found.stream().map(org.clinicbake.diag.Diagnostic::hint).toList());
    }

    @Test
    void missingStylesheetOrImageIsABrokenLinkToo() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", "<p><img src=\"images/spine.png\" alt=\"The spine\"></p>");

        assertEquals(List.of("index.html:10: error[link.broken]: image 'images/spine.png' points to 'images/spine.png', "
                + "which is not in the output"), output.firstLines());
    }

    @Test
    void fragmentThatIsNoIdOnTheTargetPageIsAnError() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", "<p><a href=\"about.html#team\">Our team</a> <a href=\"about.html#history\">ok</a></p>")
                .page("about.html", "<h2 id=\"history\">History</h2>");

        assertEquals(List.of("index.html:10: error[link.anchor]: link 'about.html#team' points to an id 'team' "
                + "that about.html does not have"), output.firstLines());
    }

    @Test
    void samePageFragmentMustNameAnIdOfThePage() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", "<p><a href=\"#main\">Skip</a> <a href=\"#risk\">Risks</a> <a href=\"#top\">Top</a></p>");

        assertEquals(List.of("index.html:10: error[link.anchor]: link '#risk' points to an id 'risk' "
                + "that this page does not have"), output.firstLines());
    }

    @Test
    void rootRelativeLinksResolveAgainstTheOutputFolder() {
        OutputFixture output = new OutputFixture(temp)
                .file("css/site.css", "body { color: black; }\n")
                .page("index.html", "<p>Home</p>")
                .page("404.html", "<p><a href=\"/index.html\">Home</a><link rel=\"stylesheet\" href=\"/css/site.css\"></p>\n"
                        + "<p><a href=\"/archive.html\">All articles</a></p>");

        assertEquals(List.of("404.html:11: error[link.broken]: link '/archive.html' points to 'archive.html', "
                + "which is not in the output"), output.firstLines());
    }

    @Test
    void rootRelativeLinksOfASitePublishedInAFolderStartWithThatFolder() {
        OutputFixture output = new OutputFixture(temp)
                .properties("site.host=https://www.example.org/spine%20care\n")
                .file("css/site.css", "body { color: black; }\n")
                .page("index.html", "<p>Home</p>")
                .page("404.html", "<p><a href=\"/spine%20care/\">Home</a><link rel=\"stylesheet\" href=\"/spine care/css/site.css\"></p>\n"
                        + "<p><a href=\"/css/site.css\">Styles</a> <a href=\"/spine%20care\">Home</a></p>");

        assertEquals(List.of("404.html:11: error[link.broken]: link '/css/site.css' leaves the site, which site.host publishes at "
                + "/spine%20care/ on its host"), output.firstLines());
    }

    @Test
    void theSitesOwnAbsoluteAddressesOfFilesAreCheckedAsWarningsWithinItsFolder() {
        OutputFixture output = new OutputFixture(temp)
                .properties("site.host=https://www.example.org/clinic/\n")
                .page("index.html", "<h2 id=\"team\">Team</h2>")
                .page("about.html", """
                        <p><a href="https://www.example.org/clinic/index.html#team">Team</a> <a href="HTTP://WWW.EXAMPLE.ORG/clinic">Home</a>
                        <a href="https://www.example.org/clinic/sciatca.html">Sciatica</a> <a href="https://www.example.org/clinic/#staff">Staff</a>
                        <a href="https://www.example.org/clinic/appointments">Book</a> <a href="https://www.example.org/clinic/about">About</a>
                        <a href="https://www.example.org/index.html">Outside the folder</a> <a href="https://example.org/clinic/gone.html">Other host</a></p>""");

        assertEquals(List.of(
                "about.html:11: warning[link.anchor]: link 'https://www.example.org/clinic/#staff' points to an id 'staff' that "
                        + "index.html does not have",
                "about.html:11: warning[link.broken]: link 'https://www.example.org/clinic/sciatca.html' points to 'sciatca.html', "
                        + "which is not in the output"), output.firstLines());
    }

    @Test
    void externalMailAndTelephoneLinksAreNotFollowed() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", """
                        <p><a href="https://www.nih.gov/missing.html">NIH</a> <a href="http://example.org/#x">x</a>
                        <a href="mailto:care@example.org">Email</a> <a href="tel:+1-555-010-0100">Call</a>
                        <a href="//example.net/page">Protocol-relative</a> <a href="">Here</a></p>""");

        assertEquals(List.of(), output.firstLines());
    }

    @Test
    void folderLinkFindsItsIndexPageAndQueryIsIgnored() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", "<p><a href=\"tags/\">Topics</a> <a href=\"tags\">Topics</a> "
                        + "<a href=\"tags/index.html?sort=name#main\">Topics</a> <a href=\"./\">Home</a></p>")
                .page("tags/index.html", "<p>Topics</p>");

        assertEquals(List.of(), output.firstLines());
    }

    @Test
    void linkThatClimbsOutOfTheOutputFolderIsAnError() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", "<p><a href=\"../jbake.properties\">settings</a></p>");

        assertEquals(List.of("index.html:10: error[link.broken]: link '../jbake.properties' points outside the output folder"),
                output.firstLines());
    }

    @Test
    void linkPathsAreCaseSensitiveAsOnStaticHosts() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", "<p><a href=\"About.html\">About</a></p>")
                .page("about.html", "<p>About</p>");

        assertEquals(List.of("index.html:10: error[link.broken]: link 'About.html' points to 'About.html', "
                + "which is not in the output"), output.firstLines());
    }

    @Test
    void percentEncodedPathsAndFragmentsAreDecoded() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", "<p><a href=\"pain%20diary.html#week%201\">Diary</a></p>")
                .page("pain diary.html", "<h2 id=\"week 1\">Week 1</h2>");

        assertEquals(List.of(), output.firstLines());
    }

    @Test
    void everyCandidateOfASrcsetAndAVideosPosterAndCaptionsMustBeInTheOutput() {
        OutputFixture output = new OutputFixture(temp)
                .file("images/spine.png", "png")
                .file("images/spine-480w.png", "png")
                .file("images/w_480,c_fill/spine.png", "png")
                .file("media/nerve-block.mp4", "mp4")
                .page("index.html", """
                        <p><img src="images/spine.png" srcset="images/spine-480w.png 480w, images/spine-960w.png 960w, images/spine.png 1200w" alt="The spine"></p>
                        <picture><source srcset="images/w_480,c_fill/spine.png 1x,images/spine.webp 2x"><img src="images/spine.png" alt="The spine"></picture>
                        <video src="media/nerve-block.mp4" poster="media/nerve-block.jpg" controls>
                        <track kind="captions" src="media/nerve-block.vtt" srclang="en"></video>""");

        assertEquals(List.of("index.html:10: error[link.broken]: image 'images/spine-960w.png' points to 'images/spine-960w.png', "
                        + "which is not in the output",
                "index.html:11: error[link.broken]: image source 'images/spine.webp' points to 'images/spine.webp', "
                        + "which is not in the output",
                "index.html:12: error[link.broken]: video poster 'media/nerve-block.jpg' points to 'media/nerve-block.jpg', "
                        + "which is not in the output",
                "index.html:13: error[link.broken]: text track 'media/nerve-block.vtt' points to 'media/nerve-block.vtt', "
                        + "which is not in the output"), output.firstLines());
    }
}
