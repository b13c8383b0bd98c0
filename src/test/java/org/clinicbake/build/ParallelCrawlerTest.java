package org.clinicbake.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jbake.app.FileUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feature tested: the crawler gives documents JBake's own {@code sha1} attribute, computed faster. */
class ParallelCrawlerTest {

    @TempDir
    Path temp;

    @Test
    void theSha1AttributeIsTheOneJBakeGives() throws Exception {
        for (String text : new String[] {"", "= Title\n\nBody — with “quotes”.\n", "x".repeat(100_000)}) {
            File file = Files.writeString(temp.resolve("article.adoc"), text, StandardCharsets.UTF_8).toFile();

            assertEquals(FileUtil.sha1(file), ParallelCrawler.sha1(file));
        }
    }
}
