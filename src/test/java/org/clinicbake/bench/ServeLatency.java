package org.clinicbake.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.clinicbake.serve.Preview;

/**
 * Edit-to-reload latency of {@code clinicbake serve}: on a synthetic site of N articles, appends a
 * line to one article and waits until the preview has rebuilt and sent its reload event; repeated,
 * and the median printed. Run with {@code bash src/bench/serve-latency.sh 1000}.
 */
public final class ServeLatency {

    private ServeLatency() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        boolean template = args.length > 2 && args[2].equals("template");
        Path site = Path.of("target/bench/serve-" + size).toAbsolutePath();
        if (!Files.exists(site)) {
            SyntheticSite.write(site, size);
        }
        try (Preview preview = Preview.start(site, InetAddress.getLoopbackAddress(), 0, new PrintWriter(new StringWriter()))) {
            long warming = System.nanoTime();
            int conversions = preview.warmUp().join();
            System.out.printf("warm-up: %d conversions in the background, done %d ms after start%n",
                    conversions, (System.nanoTime() - warming) / 1_000_000);
            List<Long> latencies = new ArrayList<>();
            // Each save writes the article as generated plus one changed line, as an editor saves a
            // file; or, with "template", the site's search page template (used by that page alone).
            Path edited = template ? site.resolve("templates/search.peb")
                    : site.resolve("content/articles/" + SyntheticSite.slug(size / 2) + ".adoc");
            String original = template ? "{% extends \"default:search.peb\" %}\n" : SyntheticSite.article(size / 2, size);
            Files.createDirectories(edited.getParent());
            for (int edit = 0; edit < edits; edit++) {
                long builds = preview.builds();
                Files.writeString(edited, original + (template ? "{# Edit " + edit + ". #}\n" : "\nEdit " + edit + ".\n"));
                long deadline = System.currentTimeMillis() + 120_000;
                while (preview.builds() == builds || preview.lastLatencyMillis() < 0) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("no rebuild within 2 minutes");
                    }
                    Thread.sleep(5);
                }
                Thread.sleep(300);
                latencies.add(preview.lastLatencyMillis());
                System.out.println("edit " + edit + ": " + preview.lastLatencyMillis() + " ms, phases " + new java.util.TreeMap<>(
                        preview.lastResult().phases().entrySet().stream().collect(java.util.stream.Collectors.toMap(
                                java.util.Map.Entry::getKey, entry -> entry.getValue().toMillis()))));
            }
            List<Long> sorted = latencies.stream().sorted().toList();
            if (template) {
                Files.delete(edited);
            }
            System.out.printf("serve: articles=%d edits=%d median=%d ms min=%d ms max=%d ms all=%s%n", size, edits,
                    sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), latencies);
        }
    }
}
