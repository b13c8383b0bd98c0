package org.clinicbake.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;
import org.clinicbake.*;
import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.*;
import org.junit.jupiter.api.io.TempDir;

class ExploreTest {
    @TempDir Path temp;

    @Test
    void explore() throws Exception {
        Path src = Path.of(getClass().getResource("/bad-inputs/site").toURI());
        Path site = temp.resolve("site");
        try (Stream<Path> walk = Files.walk(src)) {
            for (Path p : walk.toList()) {
                Path t = site.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t); else Files.copy(p, t);
            }
        }
        Path cases = site.resolve("content/cases");
        String head = ":jbake-type: page\n:jbake-status: published\n:jbake-date: 2026-01-10\n\n";
        Files.write(cases.resolve("latin1.adoc"), ("= Latin One\n" + head + "Caf\u00e9 au lait.\n").getBytes(StandardCharsets.ISO_8859_1));
        Files.write(cases.resolve("bom.adoc"), ("\uFEFF= Byte Order Mark\n" + head + "BOM-BODY text.\n").getBytes(StandardCharsets.UTF_8));
        Files.write(cases.resolve("crlf.adoc"), ("= Crlf Lines\n" + head + "CRLF-BODY text.\n\n== Section\n\nMore.\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        Files.write(cases.resolve("empty.adoc"), new byte[0]);
        StringBuilder big = new StringBuilder("= Big Article\n" + head);
        int i = 0;
        while (big.length() < 5_000_000) {
            big.append("Line ").append(i++).append(" of a long plain article about rest, heat and gentle walking each day.\n");
            if (i % 10 == 0) big.append('\n');
        }
        Files.writeString(cases.resolve("big.adoc"), big);
        StringBuilder deep = new StringBuilder("= Deep Lists\n" + head);
        for (int d = 1; d <= 30; d++) deep.append("*".repeat(d)).append(" level ").append(d).append('\n');
        Files.writeString(cases.resolve("deep-lists.adoc"), deep);
        Path secret = Files.writeString(temp.resolve("secret.txt"), "PATIENT-RECORDS-SECRET-4711\n");
        Files.writeString(cases.resolve("include-outside.adoc"), "= Include Outside\n" + head + "include::" + secret.toAbsolutePath() + "[]\n");
        Files.createSymbolicLink(site.resolve("content/loop"), Path.of("."));
        long t0 = System.nanoTime();
        BakeResult r = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());
        System.out.println("TIME " + (System.nanoTime() - t0) / 1_000_000 + " ms; converted " + r.work());
        r.diagnostics().forEach(d -> System.out.println("DIAG " + d.format()));
    }
}
