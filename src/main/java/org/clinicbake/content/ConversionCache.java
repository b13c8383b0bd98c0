package org.clinicbake.content;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
    private static final String FORMAT = "clinicbake-asciidoc-14";

    /**
     * All entries live in one file, each appended as its article is converted. One file per entry
     * cost 1.0-1.5 ms of CPU per article to create, write and rename (a fifth of its conversion); an
     * append is one write. Records are never changed in place: a newer record of a key wins, and a
     * successful bake rewrites the pack without what it did not use once that is most of it.
     */
    private static final String PACK = "conversions.pack";

    private static final String LAST_BAKE = "last-bake";

    /**
     * Begins every record of the pack: {@code RECORD, entry length, CRC-32C of the entry, 32-byte key,
     * entry}. The checksum catches what the entry's own checks cannot: a changed byte inside a text.
     */
    private static final int RECORD = 0x43425031; // "CBP1"
    private static final int KEY_BYTES = 32;
    private static final int RECORD_HEADER = 4 + 4 + 4 + KEY_BYTES;

    private final Path folder;
    private final String settings;
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final AtomicInteger converted = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private volatile Map<String, Pack.Slot> index;
    /** The pack, open for reading while a bake takes articles from it (one open file, not one per article). */
    private FileChannel reader;

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

    boolean needsConversion(Path file, String text) {
        return folder == null || !cacheable(text) || !index().containsKey(key(file, text));
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
        Pack.Slot slot = index().get(key);
        if (slot == null) {
            return Optional.empty();
        }
        try {
            // Positional reads: the crawl's threads share the one channel.
            Converted hit = read(new DataInputStream(new ByteArrayInputStream(Pack.entry(reader(), slot))));
            used.add(key);
            reused.incrementAndGet();
            return Optional.of(hit);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry is converted again, and its new record wins
        }
    }

    private synchronized FileChannel reader() throws IOException {
        // A thread interrupted while reading closes the channel for every thread: open it again.
        if (reader == null || !reader.isOpen()) {
            reader = FileChannel.open(folder.resolve(PACK), StandardOpenOption.READ);
        }
        return reader;
    }

    /**
     * Closes the pack file, which {@link #get} keeps open; a later {@code get} opens it again. A bake
     * calls this when its crawl is over ({@code BuildSession.close}), and {@link #finishBake} before it
     * replaces the pack, which some systems refuse while the file is open.
     */
    public synchronized void closePack() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // Only read from: nothing was left unwritten.
            }
            reader = null;
        }
    }

    /** Keeps a conversion: appends its record to the pack, where the next bake finds it. */
    void put(String key, String text, Converted conversion) {
        converted.incrementAndGet();
        if (folder == null || !cacheable(text)) {
            return;
        }
        try {
            ByteArrayOutputStream entry = new ByteArrayOutputStream(conversion.body().length() + 4096);
            try (DataOutputStream out = new DataOutputStream(entry)) {
                write(out, conversion);
            }
            Pack.append(folder.resolve(PACK), Pack.record(HexFormat.of().parseHex(key), entry.toByteArray()));
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
     * Ends a successful bake: drops the entries it did not use once they are most of the pack, so the
     * cache does not grow without end, and notes when ({@link #lastBake}).
     */
    public void finishBake() {
        closePack();
        if (folder == null || !Files.isDirectory(folder)) {
            return;
        }
        try {
            removeAllBut(Set.of(PACK, LAST_BAKE));
            Path pack = folder.resolve(PACK);
            if (Files.exists(pack)) {
                try {
                    Pack.keepOnly(pack, used);
                } catch (IOException e) {
                    // The cache only saves time: a pack that could not be rewritten stays as it was.
                }
            }
            Path stamp = folder.resolve(LAST_BAKE);
            Files.writeString(stamp, "");
            Files.setLastModifiedTime(stamp, java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
        } catch (IOException | UncheckedIOException e) {
            // Tidying the cache must not fail a bake that succeeded (another process may be tidying
            // it too): a stamp not written only means the next bake looks at more files.
        }
    }

    /** Removes what earlier versions kept here (a file per entry, in folders). */
    private void removeAllBut(Set<String> names) throws IOException {
        List<Path> others;
        try (Stream<Path> children = Files.list(folder)) {
            others = children.filter(child -> !names.contains(child.getFileName().toString())).toList();
        }
        for (Path other : others) {
            org.clinicbake.io.FileTrees.delete(other);
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
        // Every name the regex knows ends in date}, time} or year}: most texts have none, and a scan for
        // those is far cheaper than the regex over the whole text (asked up to three times per article).
        boolean mayShowTheClock = text.contains("date}") || text.contains("time}") || text.contains("year}");
        return !includesOtherFiles(text) && !(mayShowTheClock && CLOCK_ATTRIBUTE.matcher(text).find());
    }

    /** A reference to a clock attribute, which shows the bake's day (see AsciidocEngine.clockAttributes). */
    private static final java.util.regex.Pattern CLOCK_ATTRIBUTE = java.util.regex.Pattern.compile("\\{(?:local|doc)(?:date|time|datetime|year)\\}");

    /** Whether an article's text includes other files, so that the text alone does not say what it converts to. */
    public static boolean includesOtherFiles(String text) {
        return text.contains("include::");
    }

    /** Where each kept key's newest record is, read once per bake (a pack's record headers only). */
    private Map<String, Pack.Slot> index() {
        Map<String, Pack.Slot> known = index;
        if (known == null) {
            synchronized (this) {
                known = index;
                if (known == null) {
                    Path pack = folder == null ? null : folder.resolve(PACK);
                    Pack.Scan scan = Pack.slots(pack);
                    if (scan.end() == Pack.UNREAD) {
                        return scan.newest(); // for this call only: the next one reads the pack again
                    }
                    // Records appended after an unreadable end could not be found: cut it off first.
                    Pack.cutAt(pack, scan.end());
                    known = scan.newest();
                    index = known;
                }
            }
        }
        return known;
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

    // ---------------------------------------------------------------- the pack

    /** The pack file's records: where they are, how to append one and how to drop the unused. */
    static final class Pack {

        /** Where a record's entry starts in the pack, its length and checksum. */
        record Slot(long position, int length, int checksum) {
        }

        /** The newest whole record of each key in a pack, and where the whole records end ({@link #UNREAD}: unknown). */
        record Scan(Map<String, Slot> newest, long end) {
        }

        /** The end of a scan that could not read the pack to its end. */
        static final long UNREAD = -1;

        private Pack() {
        }

        /** Reads the records' headers only; stops at the first that is not whole (an append cut short). */
        static Scan slots(Path pack) {
            Map<String, Slot> newest = new java.util.HashMap<>();
            if (pack == null || !Files.isRegularFile(pack)) {
                return new Scan(Map.of(), 0);
            }
            long position = 0;
            try (FileChannel channel = FileChannel.open(pack, StandardOpenOption.READ)) {
                long size = channel.size();
                ByteBuffer header = ByteBuffer.allocate(RECORD_HEADER);
                while (size - position >= RECORD_HEADER) {
                    header.clear();
                    readFully(channel, header, position);
                    header.flip();
                    int length = header.getInt(4);
                    if (header.getInt(0) != RECORD || length < 0 || length > size - position - RECORD_HEADER) {
                        break;
                    }
                    byte[] key = new byte[KEY_BYTES];
                    header.get(12, key);
                    // A later record of a key replaces an earlier one.
                    newest.put(HexFormat.of().formatHex(key), new Slot(position + RECORD_HEADER, length, header.getInt(8)));
                    position += RECORD_HEADER + length;
                }
            } catch (IOException e) {
                // Reading failed (a thread interrupted in a read closes the file): the records are not
                // known to end here, so nothing may be cut or dropped on the strength of this scan.
                return new Scan(Map.copyOf(newest), UNREAD);
            }
            return new Scan(Map.copyOf(newest), position);
        }

        /** Cuts the pack at {@code end} when it is longer (an append was cut short, or its end is damaged). */
        static void cutAt(Path pack, long end) {
            if (pack == null || !Files.isRegularFile(pack)) {
                return;
            }
            try (FileChannel channel = FileChannel.open(pack, StandardOpenOption.WRITE)) {
                if (channel.size() > end) {
                    channel.truncate(end);
                }
            } catch (IOException e) {
                // Then what comes after stays unread, and the next successful bake rewrites the pack.
            }
        }

        /**
         * Appends one record in one write in append mode, so records of two bakes writing at once do
         * not interleave; the cache folder is made by the first append that finds it missing.
         */
        static void append(Path pack, ByteBuffer record) throws IOException {
            try (FileChannel channel = openForAppend(pack)) {
                writeFully(channel, record);
            }
        }

        private static FileChannel openForAppend(Path pack) throws IOException {
            java.nio.file.OpenOption[] appending = {StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND};
            try {
                return FileChannel.open(pack, appending);
            } catch (java.nio.file.NoSuchFileException noFolder) {
                Files.createDirectories(pack.getParent());
                return FileChannel.open(pack, appending);
            }
        }

        static byte[] entry(FileChannel channel, Slot slot) throws IOException {
            ByteBuffer entry = ByteBuffer.allocate(slot.length());
            readFully(channel, entry, slot.position());
            if (checksum(entry.array()) != slot.checksum()) {
                throw new IOException("damaged conversion cache entry");
            }
            return entry.array();
        }

        static ByteBuffer record(byte[] key, byte[] entry) {
            ByteBuffer record = ByteBuffer.allocate(RECORD_HEADER + entry.length);
            record.putInt(RECORD).putInt(entry.length).putInt(checksum(entry)).put(key).put(entry);
            return record.flip();
        }

        private static int checksum(byte[] entry) {
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(entry);
            return (int) crc.getValue();
        }

        /**
         * Rewrites the pack with only the newest record of each kept key, when the rest is most of it
         * (or its end is damaged); a new file replaces it, so a reader never sees it half-written.
         */
        static void keepOnly(Path pack, Set<String> kept) throws IOException {
            Scan scan = slots(pack);
            if (scan.end() == UNREAD) {
                return;
            }
            Map<String, Slot> newest = scan.newest();
            long keptBytes = 0;
            for (String key : kept) {
                Slot slot = newest.get(key);
                keptBytes += slot == null ? 0 : RECORD_HEADER + slot.length();
            }
            long size = Files.size(pack);
            if (scan.end() == size && size <= 2 * keptBytes) {
                return;
            }
            Path partial = pack.resolveSibling(pack.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
            try (FileChannel from = FileChannel.open(pack, StandardOpenOption.READ);
                 FileChannel to = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                         StandardOpenOption.TRUNCATE_EXISTING)) {
                for (String key : new java.util.TreeSet<>(kept)) {
                    Slot slot = newest.get(key);
                    byte[] entry = null;
                    try {
                        entry = slot == null ? null : entry(from, slot);
                    } catch (IOException damaged) {
                        // dropped: its article is converted again by the next bake
                    }
                    if (entry != null) {
                        writeFully(to, record(HexFormat.of().parseHex(key), entry));
                    }
                }
            }
            Files.move(partial, pack, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }

        private static void readFully(FileChannel channel, ByteBuffer into, long position) throws IOException {
            while (into.hasRemaining()) {
                int read = channel.read(into, position + into.position());
                if (read < 0) {
                    throw new IOException("the conversion cache ends inside a record");
                }
            }
        }

        static void writeFully(FileChannel channel, ByteBuffer from) throws IOException {
            while (from.hasRemaining()) {
                channel.write(from);
            }
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
