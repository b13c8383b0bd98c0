package org.clinicbake.render;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.clinicbake.BakeResult;
import org.clinicbake.testing.SiteFixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Site: the minimal fixture with a second topic. Feature tested: the lists the bake writes (the
 * archive, the topics page, each topic's page) describe themselves to search engines, each in its own words.
 */
class PageModelTest {

    @TempDir
    Path temp;

    @Test
    void theArchiveAndTopicPagesEachHaveADescriptionOfTheirOwn() throws IOException {
        BakeResult result = SiteFixture.bake(temp, MINIMAL_SITE.replace(":jbake-tags: procedures", ":jbake-tags: procedures, neck-pain"));
        assertTrue(result.published(), result.diagnostics().toString());

        Set<String> descriptions = new HashSet<>();
        for (String list : List.of("archive.html", "tags/index.html", "tags/procedures.html", "tags/neck-pain.html")) {
            Document page = Jsoup.parse(temp.resolve("out").resolve(list).toFile());
            String description = page.select("meta[name=description]").attr("content");
            assertTrue(description.contains("Test Spine Clinic"), list + ": " + description);
            assertTrue(descriptions.add(description), list + " says what another list says: " + description);
        }
        assertEquals("Neck pain: the articles from Test Spine Clinic on this topic.",
                Jsoup.parse(temp.resolve("out/tags/neck-pain.html").toFile()).select("meta[name=description]").attr("content"));
    }
}
