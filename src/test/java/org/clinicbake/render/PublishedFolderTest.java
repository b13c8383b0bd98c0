package org.clinicbake.render;

import static org.clinicbake.testing.SiteFixture.MINIMAL_SITE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.BakeResult;
import org.clinicbake.ClinicBake;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site published in a folder of its host ({@code site.host=https://clinic.example.org/spine-care},
 * as on a GitHub Pages project site). The host serves the 404 page at any depth, so its links start
 * from the host's root: they used to start at {@code /}, and the page came without its stylesheet and
 * with a menu of links that were all missing too.
 */
class PublishedFolderTest {

    @TempDir
    Path temp;

    @Test
    void theNotFoundPageLinksFromTheFolderTheSiteIsPublishedIn() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), MINIMAL_SITE.replace("site.host=https://clinic.example.org",
                "site.host=https://clinic.example.org/spine-care\ncheck.on-bake=true"));

        BakeResult result = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options().withOutputChecks(true));

        assertEquals(List.of(), result.diagnostics());
        String notFound = Files.readString(temp.resolve("out/404.html"));
        assertTrue(notFound.contains("href=\"/spine-care/index.html\""), notFound);
        assertTrue(notFound.matches("(?s).*<link rel=\"stylesheet\" href=\"/spine-care/css/site\\.[0-9a-f]+\\.css\">.*"), notFound);
        assertFalse(notFound.matches("(?s).*(href|src)=\"/(?!spine-care/|/).*"), "every link from the root starts with the folder: " + notFound);
        assertFalse(notFound.contains("rel=\"canonical\""), "served at any address, the page declares none canonical: " + notFound);
        String page = Files.readString(temp.resolve("out/procedures/nerve-block.html"));
        assertTrue(page.contains("<link rel=\"canonical\" href=\"https://clinic.example.org/spine-care/procedures/nerve-block.html\">"), page);
    }

    @Test
    void theNotFoundPageClaimsNoAddressForSharingOrInItsStructuredData() throws IOException {
        BakeResult result = SiteFixture.bake(temp, MINIMAL_SITE);

        assertTrue(result.published(), result.diagnostics().toString());
        String notFound = Files.readString(temp.resolve("out/404.html"));
        assertFalse(notFound.contains("og:url"), "shared from any address, it would be shared as /404.html: " + notFound);
        assertFalse(notFound.contains("\"url\" : \"https://clinic.example.org/404.html\""), notFound);
        String page = Files.readString(temp.resolve("out/procedures/nerve-block.html"));
        assertTrue(page.contains("<meta property=\"og:url\" content=\"https://clinic.example.org/procedures/nerve-block.html\">"), page);
    }
}
