package org.clinicbake.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesCheckTest {

    @TempDir
    Path temp;

    @Test
    void zeroByteHtmlOrXmlFileIsAnEmptyPage() {
        OutputFixture output = new OutputFixture(temp)
                .page("index.html", "<p>Home</p>")
                .file("conditions/sciatica.html", "")
                .file("sitemap.xml", "");

        List<String> empty = output.check().diagnostics().stream()
                .filter(diagnostic -> diagnostic.code().equals("output.empty-page"))
                .map(OutputFixture::firstLine).toList();

        assertEquals(List.of("conditions/sciatica.html: error[output.empty-page]: page is an empty file",
                "sitemap.xml: error[output.empty-page]: file is empty"), empty);
    }

    @Test
    void pageWhoseBodyHasNoTextIsAnEmptyPage() {
        OutputFixture output = new OutputFixture(temp)
                .file("index.html", OutputFixture.page("").replace("<h1>Test page</h1>", "<h1></h1>")
                        .replaceAll("<aside class=\"disclaimer\">.*</aside>", ""));

        assertEquals(List.of("index.html: error[output.empty-page]: page body has no text"), output.firstLines());
    }

    @Test
    void pathsThatDifferOnlyByCaseCollide() throws IOException {
        OutputFixture output = new OutputFixture(temp)
                .page("About.html", "<p>About</p>")
                .page("about.html", "<p>About</p>");
        try (Stream<Path> files = Files.list(output.out)) {
            assumeTrue(files.count() == 2, "the file system ignores case");
        }

        assertEquals(List.of("about.html: error[output.duplicate-path]: path differs from 'About.html' only by case, "
                + "so the two collide on case-insensitive hosts"), output.firstLines());
    }

    @Test
    void twoPagesThatDeclareTheSameCanonicalAddressCollide() {
        String canonical = "<link rel=\"canonical\" href=\"https://clinic.example.org/sciatica.html\">";
        OutputFixture output = new OutputFixture(temp)
                .file("sciatica.html", OutputFixture.page("<p>Sciatica</p>").replace("</title>", "</title>" + canonical))
                .file("sciatica-old.html", OutputFixture.page("<p>Sciatica</p>").replace("</title>", "</title>\n" + canonical))
                .file("index.html", OutputFixture.page("<p>Home</p>")
                        .replace("</title>", "</title><link rel=\"canonical\" href=\"https://clinic.example.org/index.html\">"));

        assertEquals(List.of("sciatica.html:5: error[output.duplicate-path]: page declares the canonical address "
                + "'https://clinic.example.org/sciatica.html', as sciatica-old.html does"), output.firstLines());
    }
}
