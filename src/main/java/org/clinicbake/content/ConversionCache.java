package org.clinicbake.content;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.clinicbake.readability.ReadabilityScore;

/**
 * Converted articles kept between bakes, keyed by a hash of everything the conversion depends on:
 * the file's text and path, the conversion settings and ClinicBake's version. An unchanged article
 * is not converted again, and when nothing changed, JRuby is not even started.
 *
 * <p>Only clean conversions are kept (no Asciidoctor message), and files that include other files
 * are always converted, since their text alone does not say what they contain. Rendering, data
 * and checks are redone on every bake: the cache holds only what Asciidoctor produced.
 */
public final class ConversionCache {

    /** Change when the cached form or the conversion changes, so old entries are not reused. */
    private static final String FORMAT = "clinicbake-asciidoc-8";

    /** Entries are binary (see {@link #write}): as JSON, writing and reading them cost a tenth of a conversion. */
    private static final String ENTRY_SUFFIX = ".bin";

    private static final String LAST_BAKE = "last-bake";

    private final Path folder;
    private final String settings;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final AtomicInteger converted = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();

    /**
     * @param folder   where entries are kept; {@code null} turns the cache off
     * @param settings everything besides a file's own text that changes how it converts
     */
    public ConversionCache(Path folder, String settings) {
        this.folder = folder;
        this.settings = FORMAT + "\n" + settings;
    }

    /**
     * What Asciidoctor made of a file, with what the checks and the structured data need to know of
     * its body: the reading level of its text, whether it lists references, and the text of its
     * tagged sections. All are functions of the body alone and need it parsed as HTML, which costs as
     * much as the conversion's other checks, so they are kept with it; {@code readability} is null
     * until they are known.
     */
    public record Converted(String doctitle, Map<String, String> attributes, String body,
                            org.clinicbake.readability.ReadabilityScore readability, boolean citesReferences,
                            SectionFacts sections, SearchText search) {

        Converted withBodyFacts(org.clinicbake.readability.ReadabilityScore score, boolean references, SectionFacts facts,
                                SearchText searchText) {
            return new Converted(doctitle, attributes, body, score, references, facts, searchText);
        }
    }

    /** Whether the file must go through Asciidoctor (its conversion is not cached). */
    public boolean needsConversion(Path file) throws IOException {
        Optional<SourceText> source = SourceText.decode(Files.readAllBytes(file)).source();
        return source.isEmpty() || needsConversion(file, source.get().text());
    }

    private boolean needsConversion(Path file, String text) {
        return folder == null || !cacheable(text) || !Files.exists(entry(key(file, text)));
    }

    /**
     * What a file converts to is a function of this value alone: a hash of its text, its path and the
     * conversion settings (the key of its entry).
     */
    public String identity(Path file, String text) {
        return key(file, text);
    }

    /** The conversion of the text whose {@link #identity} is {@code key}, when it is kept. */
    Optional<Converted> get(String key, String text) {
        if (folder == null || !cacheable(text)) {
            return Optional.empty();
        }
        Path entry = entry(key);
        if (!Files.exists(entry)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(entry), 1 << 15))) {
            Converted hit = read(in);
            used.add(key);
            reused.incrementAndGet();
            return Optional.of(hit);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry is converted again and replaced
        }
    }

    void put(String key, String text, Converted conversion) {
        converted.incrementAndGet();
        if (folder == null || !cacheable(text)) {
            return;
        }
        Path entry = entry(key);
        try {
            Files.createDirectories(entry.getParent());
            Path partial = Files.createTempFile(entry.getParent(), key, ".partial");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 15))) {
                write(out, conversion);
            }
            Files.move(partial, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            used.add(key);
        } catch (IOException e) {
            // The cache only saves time; a bake never fails because of it.
        }
    }

    /** Articles converted by Asciidoctor in this bake. */
    public int converted() {
        return converted.get();
    }

    /** Articles taken from the cache in this bake. */
    public int reused() {
        return reused.get();
    }

    /**
     * Ends a successful bake: deletes the entries it did not use, so the cache does not grow without
     * end, and notes when ({@link #lastBake}).
     */
    public void finishBake() {
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        Path stamp = folder.resolve(LAST_BAKE);
        try (Stream<Path> entries = Files.walk(folder)) {
            for (Path entry : entries.filter(Files::isRegularFile).filter(entry -> !entry.equals(stamp)).toList()) {
                String name = entry.getFileName().toString();
                if (!name.endsWith(ENTRY_SUFFIX) || !used.contains(name.substring(0, name.length() - ENTRY_SUFFIX.length()))) {
                    Files.deleteIfExists(entry);
                }
            }
            Files.writeString(stamp, "");
            Files.setLastModifiedTime(stamp, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * When a bake last finished successfully with the cache in {@code folder}; empty when none has
     * (or the cache is off). An article modified since then is likely not in the cache.
     */
    public static Optional<java.nio.file.attribute.FileTime> lastBake(Path folder) {
        try {
            return folder == null ? Optional.empty() : Optional.of(Files.getLastModifiedTime(folder.resolve(LAST_BAKE)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean cacheable(String text) {
        return !includesOtherFiles(text);
    }

    /** Whether an article's text includes other files, so that the text alone does not say what it converts to. */
    public static boolean includesOtherFiles(String text) {
        return text.contains("include::");
    }

    private Path entry(String key) {
        return folder.resolve(key.substring(0, 2)).resolve(key + ENTRY_SUFFIX);
    }

    private String key(Path file, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(settings.getBytes(StandardCharsets.UTF_8));
            sha.update(("\n" + file.toAbsolutePath().normalize() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    // ---------------------------------------------------------------- entries

    /** Begins every entry; a file that does not is not an entry of this format. */
    private static final int MAGIC = 0x43424331; // "CBC1"

    static void write(DataOutputStream out, Converted converted) throws IOException {
        out.writeInt(MAGIC);
        writeNullable(out, converted.doctitle());
        out.writeInt(converted.attributes().size());
        for (Map.Entry<String, String> attribute : converted.attributes().entrySet()) {
            writeText(out, attribute.getKey());
            writeText(out, attribute.getValue());
        }
        writeText(out, converted.body());
        ReadabilityScore score = converted.readability();
        out.writeBoolean(score != null);
        if (score != null) {
            out.writeInt(score.sentences());
            out.writeInt(score.words());
            out.writeInt(score.syllables());
            out.writeInt(score.polysyllables());
            out.writeDouble(score.fleschKincaidGrade());
            out.writeDouble(score.smogGrade());
            out.writeDouble(score.fleschReadingEase());
        }
        out.writeBoolean(converted.citesReferences());
        SectionFacts facts = converted.sections();
        out.writeBoolean(facts != null);
        if (facts != null) {
            out.writeInt(facts.sections().size());
            for (Map.Entry<String, SectionFacts.Section> section : new java.util.TreeMap<>(facts.sections()).entrySet()) {
                writeText(out, section.getKey());
                writeText(out, section.getValue().text());
                writeList(out, section.getValue().itemNames());
                writeList(out, section.getValue().items());
            }
            out.writeInt(facts.references().size());
            for (SectionFacts.Reference reference : facts.references()) {
                writeText(out, reference.name());
                writeNullable(out, reference.url());
            }
        }
        SearchText search = converted.search();
        out.writeBoolean(search != null);
        if (search != null) {
            writeList(out, search.headings());
            writeText(out, search.opening());
        }
        out.writeInt(MAGIC);
    }

    static Converted read(DataInputStream in) throws IOException {
        expectMagic(in);
        String doctitle = readNullable(in);
        int attributeCount = count(in);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < attributeCount; i++) {
            attributes.put(readText(in), readText(in));
        }
        String body = readText(in);
        ReadabilityScore score = null;
        if (in.readBoolean()) {
            score = new ReadabilityScore(in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                    in.readDouble(), in.readDouble(), in.readDouble());
        }
        boolean citesReferences = in.readBoolean();
        SectionFacts facts = null;
        if (in.readBoolean()) {
            int sectionCount = count(in);
            Map<String, SectionFacts.Section> sections = new LinkedHashMap<>();
            for (int i = 0; i < sectionCount; i++) {
                sections.put(readText(in), new SectionFacts.Section(readText(in), readList(in), readList(in)));
            }
            int referenceCount = count(in);
            List<SectionFacts.Reference> references = new ArrayList<>(referenceCount);
            for (int i = 0; i < referenceCount; i++) {
                references.add(new SectionFacts.Reference(readText(in), readNullable(in)));
            }
            facts = new SectionFacts(Map.copyOf(sections), List.copyOf(references));
        }
        SearchText search = null;
        if (in.readBoolean()) {
            search = new SearchText(readList(in), readText(in));
        }
        expectMagic(in);
        return new Converted(doctitle, attributes, body, score, citesReferences, facts, search);
    }

    private static void expectMagic(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a conversion cache entry");
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > 1 << 20) {
            throw new IOException("damaged conversion cache entry");
        }
        return count;
    }

    /** UTF-8 with its length first (DataOutputStream's own writeUTF stops at 64 KB). */
    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readText(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 1 << 30) {
            throw new IOException("damaged conversion cache entry");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void writeNullable(DataOutputStream out, String text) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            writeText(out, text);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? readText(in) : null;
    }

    private static void writeList(DataOutputStream out, List<String> texts) throws IOException {
        out.writeInt(texts.size());
        for (String text : texts) {
            writeText(out, text);
        }
    }

    private static List<String> readList(DataInputStream in) throws IOException {
        int size = count(in);
        List<String> texts = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            texts.add(readText(in));
        }
        return List.copyOf(texts);
    }

    /** The header attributes worth keeping from a converted document: those the header wrote. */
    static Map<String, String> headerAttributes(Map<String, Object> all, List<String> names) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : names) {
            Object value = all.get(name);
            if (value != null) {
                kept.put(name, value.toString());
            }
        }
        return kept;
    }
}
