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
        long t0 = System.nanoTime();
        BakeResult r = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());
        System.out.println("TIME " + (System.nanoTime() - t0) / 1_000_000 + " ms; converted " + r.work() + " " + r.phases());
        r.diagnostics().forEach(d -> System.out.println("DIAG " + d.format()));
        for (String bad : List.of("latin1.adoc", "empty.adoc", "include-outside.adoc", "include-missing.adoc", "xref-missing.adoc",
                "malformed-header.adoc", "unknown-kind.adoc", "invalid-date.adoc", "template-syntax.adoc", "template-variable.adoc")) {
            Files.delete(cases.resolve(bad));
        }
        Files.delete(site.resolve("data/broken.yml"));
        t0 = System.nanoTime();
        r = ClinicBake.bake(site, temp.resolve("out"), SiteFixture.options());
        System.out.println("TIME2 " + (System.nanoTime() - t0) / 1_000_000 + " ms; converted " + r.work() + " " + r.phases() + " published " + r.published());
        r.diagnostics().forEach(d -> System.out.println("DIAG2 " + d.format()));
        Path out = temp.resolve("out");
        try (Stream<Path> w = Files.walk(out)) { w.filter(Files::isRegularFile).forEach(f -> { try { System.out.println("FILE " + out.relativize(f) + " " + Files.size(f)); } catch (Exception e) {} }); }
        for (String page : List.of("cases/duplicate.html", "cases/script-title.html", "cases/deep-lists.html", "cases/bom.html", "cases/crlf.html")) {
            String html = Files.readString(out.resolve(page));
            System.out.println("PAGE " + page + "\n" + (html.length() > 9000 ? html.substring(0, 9000) : html));
        }
    }
}
