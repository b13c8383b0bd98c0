package org.clinicbake.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.clinicbake.readability.ReadabilityScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Features tested: a cache entry reads back exactly as it was written, whatever its text; a damaged one
 * is refused; the pack finds an entry by its key alone and replaces what earlier formats kept.
 */
class ConversionCacheTest {

    @Test
    void anEntryReadsBackAsItWasWritten() throws IOException {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("jbake-type", "therapy");
        attributes.put("description", "Nerve blocks — “numbing” shots, 5 % of… ✓");
        SectionFacts facts = new SectionFacts(
                Map.of("risks", new SectionFacts.Section("Infection. Bleeding.", List.of("Infection", "Bleeding"),
                        List.of("Infection.", "Bleeding."))),
                List.of(new SectionFacts.Reference("NHS. Nerve blocks.", "https://www.nhs.uk/"),
                        new SectionFacts.Reference("A book without an address", null)));
        // Longer than the 64 KB DataOutputStream.writeUTF can hold.
        String body = "<p>" + "é".repeat(70_000) + "</p>";
        ConversionCache.Converted converted = new ConversionCache.Converted("Nerve <em>Block</em>", attributes, body,
                new ReadabilityScore(10, 120, 170, 9, 6.5, 8.25, 70.125), true, facts,
                new SearchText(List.of("Risks", "How it is done"), "A nerve block is a shot"));

        assertEquals(converted, roundTrip(converted));
    }

    @Test
    void anEntryWithoutBodyFactsReadsBackWithout() throws IOException {
        ConversionCache.Converted bare = new ConversionCache.Converted(null, Map.of(), "", null, false, null, null);

        assertEquals(bare, roundTrip(bare));
    }

    @Test
    void aTruncatedEntryIsRefused() throws IOException {
        ConversionCache.Converted converted = new ConversionCache.Converted("Title", Map.of("a", "b"), "<p>Body</p>",
                null, false, null, new SearchText(List.of(), "Body"));
        byte[] whole = bytes(converted);

        for (int length : new int[] {0, 3, whole.length / 2, whole.length - 1}) {
            byte[] cut = Arrays.copyOf(whole, length);
            assertThrows(IOException.class, () -> ConversionCache.read(new DataInputStream(new ByteArrayInputStream(cut))),
                    "an entry cut to " + length + " of " + whole.length + " bytes");
        }
    }

    @Test
    void aPutEntryIsFoundByTheNextBakesCacheAndOnlyByItsKey(@TempDir Path folder) throws IOException {
        ConversionCache first = new ConversionCache(folder, "settings");
        Path article = folder.resolve("a.adoc");
        String key = first.identity(article, "= A");
        ConversionCache.Converted converted = new ConversionCache.Converted("A", Map.of(), "<p>A</p>", null, false, null, null);
        first.put(key, "= A", converted);
        first.finishBake();

        ConversionCache next = new ConversionCache(folder, "settings");
        assertEquals(Optional.of(converted), next.get(key, "= A"));
        assertTrue(next.needsConversion(article, "= B"), "another text, another key");
        assertFalse(next.needsConversion(article, "= A"));
        assertTrue(new ConversionCache(folder, "other settings").needsConversion(article, "= A"));
    }

    @Test
    void theOpenPackIsReadAgainAfterClosingAndRewrittenWithWhatTheBakeUsed(@TempDir Path folder) throws IOException {
        ConversionCache first = new ConversionCache(folder, "settings");
        Map<String, ConversionCache.Converted> entries = new LinkedHashMap<>();
        for (String name : List.of("a", "b", "c")) {
            String key = first.identity(folder.resolve(name + ".adoc"), "= " + name);
            ConversionCache.Converted converted = new ConversionCache.Converted(name, Map.of(), "<p>" + name + "</p>", null, false, null, null);
            first.put(key, "= " + name, converted);
            entries.put(key, converted);
        }
        first.finishBake();
        String kept = entries.keySet().iterator().next();

        ConversionCache second = new ConversionCache(folder, "settings");
        assertEquals(Optional.of(entries.get(kept)), second.get(kept, "= a"));
        second.closePack();
        assertEquals(Optional.of(entries.get(kept)), second.get(kept, "= a"), "read again after the pack was closed");
        second.finishBake();

        ConversionCache third = new ConversionCache(folder, "settings");
        assertEquals(Optional.of(entries.get(kept)), third.get(kept, "= a"));
        assertEquals(1, entries.keySet().stream().filter(key -> third.get(key, "= x").isPresent()).count(),
                "the rewritten pack holds only the entry the bake used");
    }

    @Test
    void aReadInterruptedOnOneThreadLeavesThePackReadableForTheOthers(@TempDir Path folder) throws Exception {
        ConversionCache.Converted converted = cacheOne(folder);
        ConversionCache next = new ConversionCache(folder, "settings");
        assertEquals(Optional.of(converted), next.get(keyOfOne(next, folder), "= A"));

        // The channel closes itself when a read is interrupted, for every thread reading through it.
        onAnInterruptedThread(() -> next.get(keyOfOne(next, folder), "= A"));

        assertEquals(Optional.of(converted), next.get(keyOfOne(next, folder), "= A"));
    }

    @Test
    void aFirstReadInterruptedBeforeThePackIsIndexedNeitherCutsNorForgetsIt(@TempDir Path folder) throws Exception {
        ConversionCache.Converted converted = cacheOne(folder);
        long size = Files.size(folder.resolve("conversions.pack"));
        ConversionCache next = new ConversionCache(folder, "settings");

        onAnInterruptedThread(() -> next.get(keyOfOne(next, folder), "= A"));

        assertEquals(size, Files.size(folder.resolve("conversions.pack")), "the pack was cut");
        assertEquals(Optional.of(converted), next.get(keyOfOne(next, folder), "= A"));
    }

    private static ConversionCache.Converted cacheOne(Path folder) {
        ConversionCache first = new ConversionCache(folder, "settings");
        ConversionCache.Converted converted = new ConversionCache.Converted("A", Map.of(), "<p>A</p>", null, false, null, null);
        first.put(keyOfOne(first, folder), "= A", converted);
        first.finishBake();
        return converted;
    }

    private static String keyOfOne(ConversionCache cache, Path folder) {
        return cache.identity(folder.resolve("a.adoc"), "= A");
    }

    private static void onAnInterruptedThread(Runnable work) throws InterruptedException {
        Thread thread = new Thread(() -> {
            Thread.currentThread().interrupt();
            work.run();
        });
        thread.start();
        thread.join();
    }

    @Test
    void filesOfEarlierCacheFormatsAreRemoved(@TempDir Path folder) throws IOException {
        Path old = Files.createDirectories(folder.resolve("ab")).resolve("ab12.bin");
        Files.writeString(old, "an entry of cache format 8");

        new ConversionCache(folder, "settings").finishBake();

        assertFalse(Files.exists(old.getParent()));
        assertTrue(Files.exists(folder.resolve("last-bake")));
    }

    private static ConversionCache.Converted roundTrip(ConversionCache.Converted converted) throws IOException {
        return ConversionCache.read(new DataInputStream(new ByteArrayInputStream(bytes(converted))));
    }

    private static byte[] bytes(ConversionCache.Converted converted) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            ConversionCache.write(out, converted);
        }
        return bytes.toByteArray();
    }
}
