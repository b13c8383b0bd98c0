package org.clinicbake.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.clinicbake.diag.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyCheckTest {

    @TempDir
    Path temp;

    private static final String TRACKER_PAGE = """
            <!DOCTYPE html>
            <html lang="en-US">
            <head>
            <title>Tracked</title>
            <link rel="preconnect" href="https://fonts.gstatic.com">
            <link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">
            <link rel="alternate" type="application/atom+xml" href="https://feeds.example.com/feed.xml">
            <script async src="https://www.googletagmanager.com/gtag/js?id=G-123"></script>
            </head>
            <body>
            <main>
            <h1>Tracked</h1>
            <p><img src="https://px.ads.example.com/p.gif" alt=""> <a href="https://www.nih.gov/">NIH</a></p>
            <iframe src="https://www.youtube.com/embed/abc" title="Video"></iframe>
            <div style="background: url('https://cdn.example.org/bg.png')">Text</div>
            </main>
            </body>
            </html>
            """;

    @Test
    void requestToAnotherOriginIsAnErrorWithHhsHint() {
        OutputFixture output = new OutputFixture(temp).file("index.html", TRACKER_PAGE);

        List<Diagnostic> diagnostics = output.check().diagnostics();

        assertEquals(List.of(
                "index.html:5: error[privacy.third-party]: preconnect link requests 'https://fonts.gstatic.com' "
                        + "from the third-party host fonts.gstatic.com",
                "index.html:6: error[privacy.third-party]: stylesheet link requests "
                        + "'https://fonts.googleapis.com/css2?family=Inter' from the third-party host fonts.googleapis.com",
                "index.html:8: error[privacy.third-party]: script requests 'https://www.googletagmanager.com/gtag/js?id=G-123' "
                        + "from the third-party host www.googletagmanager.com",
                "index.html:13: error[privacy.third-party]: image requests 'https://px.ads.example.com/p.gif' "
                        + "from the third-party host px.ads.example.com",
                "index.html:14: error[privacy.third-party]: frame requests 'https://www.youtube.com/embed/abc' "
                        + "from the third-party host www.youtube.com",
                "index.html:15: error[privacy.third-party]: inline style requests 'https://cdn.example.org/bg.png' "
                        + "from the third-party host cdn.example.org"),
                diagnostics.stream().map(OutputFixture::firstLine).toList());
        assertTrue(diagnostics.get(0).hint().contains("HHS guidance on tracking technologies"), diagnostics.get(0).hint());
    }

    @Test
    void stylesheetOfTheOutputMayNotImportFromAnotherOrigin() {
        OutputFixture output = new OutputFixture(temp)
                .file("css/site.css", """
                        /* Fonts: url(https://fonts.example.com/commented-out.woff2) */
                        @import "https://fonts.googleapis.com/css2?family=Inter";
                        body { background: url(../images/paper.png); }
                        .hero {
                          background-image: url( "//cdn.example.net/hero.jpg" );
                        }
                        .banner {
                          background-image: image-set("../images/paper.png" 1x,
                            "https://cdn.example.net/banner.avif" type("image/avif"), url("//cdn.example.net/banner@2x.jpg") 2x);
                        }
                        """)
                .file("images/paper.png", "png")
                .page("index.html", "<p>Home</p>");

        assertEquals(List.of(
                "css/site.css:2: error[privacy.third-party]: stylesheet requests "
                        + "'https://fonts.googleapis.com/css2?family=Inter' from the third-party host fonts.googleapis.com",
                "css/site.css:5: error[privacy.third-party]: stylesheet requests '//cdn.example.net/hero.jpg' "
                        + "from the third-party host cdn.example.net",
                "css/site.css:9: error[privacy.third-party]: stylesheet requests '//cdn.example.net/banner@2x.jpg' "
                        + "from the third-party host cdn.example.net",
                // An image set's plain string is fetched like a url(): it passed.
                "css/site.css:9: error[privacy.third-party]: stylesheet requests 'https://cdn.example.net/banner.avif' "
                        + "from the third-party host cdn.example.net"), output.firstLines());
    }

    @Test
    void hostsInAllowedOriginsAndTheSitesOwnHostAreAllowed() {
        OutputFixture output = new OutputFixture(temp)
                .properties("""
                        site.host=https://www.example.org
                        check.allowed-origins=fonts.googleapis.com, https://fonts.gstatic.com,www.youtube.com,\
                        cdn.example.org,px.ads.example.com
                        """)
                .file("index.html", TRACKER_PAGE.replace("https://www.googletagmanager.com/gtag/js?id=G-123",
                        "https://cdn.example.org/js/menu.js"));

        assertEquals(List.of("index.html:8: warning[privacy.script]: script 'https://cdn.example.org/js/menu.js' "
                + "from another site runs on this page"), output.firstLines());
    }

    @Test
    void theSitesOwnScriptFilesAreFine() {
        OutputFixture output = new OutputFixture(temp)
                .properties("site.host=https://www.example.org\n")
                .file("js/search.0a1b2c3d.js", "document.title;\n")
                .file("js/menu.js", "document.title;\n")
                .page("index.html", """
                        <script src="js/search.0a1b2c3d.js" defer></script>
                        <script src="https://www.example.org/js/menu.js" defer></script>""");

        assertEquals(List.of(), output.firstLines());
    }

    @Test
    void allowListDoesNotCoverOtherHosts() {
        OutputFixture output = new OutputFixture(temp)
                .properties("check.allowed-origins=fonts.googleapis.com\n")
                .page("index.html", "<p><img src=\"https://fonts.googleapis.com.evil.example/p.gif\" alt=\"\"></p>");

        assertEquals(List.of("index.html:10: error[privacy.third-party]: image requests "
                + "'https://fonts.googleapis.com.evil.example/p.gif' from the third-party host fonts.googleapis.com.evil.example"),
                output.firstLines());
    }

    @Test
    void inlineScriptIsAWarningButJsonLdIsNot() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", """
                        <script>window.dataLayer = [];</script>
                        <script type="application/ld+json">{"@context": "https://schema.org", "@type": "WebPage", "name": "Test page"}</script>""");

        assertEquals(List.of("index.html:10: warning[privacy.script]: inline script runs on this page"), output.firstLines());
    }

    @Test
    void prerenderImageButtonsSvgImagesAndBackgroundAttributesRequestFromTheirHostToo() {
        OutputFixture output = new OutputFixture(temp).page("index.html", """
                <link rel="prerender" href="https://next.example.com/page">
                <link rel="preload" as="image" href="hero.png" imagesrcset="hero.png 1x, https://img.example.com/hero-2x.png 2x">
                <form><input type="image" src="https://buttons.example.com/go.png" alt="Search"></form>
                <svg><image href="https://svg.example.com/spine.png"/><use xlink:href="https://icons.example.com/all.svg#phone"/></svg>
                <table background="https://bg.example.com/t.png"><tr><td>Cell</td></tr></table>
                <img srcset="https://img.example.com/w_480,c_fill/spine.jpg 480w" alt="Spine">""");

        assertEquals(List.of(
                "index.html:10: error[privacy.third-party]: prerender link requests 'https://next.example.com/page' "
                        + "from the third-party host next.example.com",
                "index.html:11: error[privacy.third-party]: preload link requests 'https://img.example.com/hero-2x.png' "
                        + "from the third-party host img.example.com",
                "index.html:12: error[privacy.third-party]: image button requests 'https://buttons.example.com/go.png' "
                        + "from the third-party host buttons.example.com",
                "index.html:13: error[privacy.third-party]: SVG image requests 'https://svg.example.com/spine.png' "
                        + "from the third-party host svg.example.com",
                "index.html:13: error[privacy.third-party]: SVG use requests 'https://icons.example.com/all.svg#phone' "
                        + "from the third-party host icons.example.com",
                "index.html:14: error[privacy.third-party]: background image requests 'https://bg.example.com/t.png' "
                        + "from the third-party host bg.example.com",
                "index.html:15: error[privacy.third-party]: image requests 'https://img.example.com/w_480,c_fill/spine.jpg' "
                        + "from the third-party host img.example.com"),
                output.firstLines().stream().filter(line -> line.contains("privacy.")).toList());
    }

    @Test
    void aBaseAddressOnAnotherHostPingsAndTheDocumentOfAFrameRequestFromTheirHostsToo() {
        // <base> sends every relative address of the page (the site's own stylesheet and scripts) to its host.
        OutputFixture output = new OutputFixture(temp).page("index.html", """
                <base href="https://cdn.example.com/">
                <p><a href="about.html" ping="https://track.example.com/click">About</a></p>
                <iframe title="Map" srcdoc="<p>Map</p><img src='https://maps.example.com/tile.png' alt=''>"></iframe>
                <base href="/">""");

        assertEquals(List.of(
                "index.html:10: error[privacy.third-party]: base address, for every relative address of the page, requests "
                        + "'https://cdn.example.com/' from the third-party host cdn.example.com",
                "index.html:11: error[privacy.third-party]: link ping requests 'https://track.example.com/click' "
                        + "from the third-party host track.example.com",
                "index.html:12: error[privacy.third-party]: frame document's image requests 'https://maps.example.com/tile.png' "
                        + "from the third-party host maps.example.com"),
                output.firstLines().stream().filter(line -> line.contains("privacy.")).toList());
    }

    @Test
    void eventHandlerAttributesAndJavascriptAddressesAreInlineScriptsToo() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", """
                        <p><button type="button" onclick="track('booked')">Book</button> <a href="/" onmouseover="ping()">Home</a></p>
                        <p><a href=" JavaScript:track()">Call us</a> <a href="https://www.nih.gov/" title="online resources">NIH</a></p>""");

        assertEquals(List.of(
                "index.html:10: warning[privacy.script]: inline script runs on this page: the onclick attribute of <button>",
                "index.html:10: warning[privacy.script]: inline script runs on this page: the onmouseover attribute of <a>",
                "index.html:11: warning[privacy.script]: inline script runs on this page: the javascript: address in href of <a>"),
                output.firstLines());
    }

    @Test
    void dataBlocksRunNothingButEveryJavascriptTypeIsAScript() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", """
                        <script type="application/json" id="clinic-hours">{"monday": "8-17"}</script>
                        <script type="text/template"><li class="result"></li></script>
                        <script type="text/javascript">track();</script>
                        <script type="module">track();</script>""");

        assertEquals(List.of("index.html:12: warning[privacy.script]: inline script runs on this page",
                "index.html:13: warning[privacy.script]: inline script runs on this page"), output.firstLines());
    }

    /** Addresses as browsers read them: tabs and newlines dropped anywhere, spaces and control characters before, ASCII case. */
    @Test
    void javascriptAddressesAreReadAsBrowsersReadThem() {
        for (String address : List.of("javascript:track()", " JavaScript:x", "\u0000\u001f javascript:x", "java\tscr\nipt:x",
                "\t\r\nJAVASCRIPT:", "javascript:")) {
            assertTrue(PrivacyCheck.isJavascriptUrl(address), address);
        }
        for (String address : List.of("", "javascript", "/javascript:x", "java script:x", "javascripts:x", "x javascript:",
                "javascr\u0130pt:x", "https://example.org/?javascript:")) {
            assertFalse(PrivacyCheck.isJavascriptUrl(address), address);
        }
    }

    @Test
    void eventHandlersAreOnAndLetters() {
        for (String name : List.of("onclick", "onmouseover", "onx")) {
            assertTrue(PrivacyCheck.isEventHandler(name), name);
        }
        for (String name : List.of("on", "o", "one-two", "on1", "xonclick", "href", "data-onclick")) {
            assertFalse(PrivacyCheck.isEventHandler(name), name);
        }
    }
}
