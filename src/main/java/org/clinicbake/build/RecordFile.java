package org.clinicbake.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A small JSON file that bakes keep between runs under {@code .clinicbake} (what the last bake
 * recorded, its pages, its checks): read when it parses, written whole and atomically, so a bake
 * killed while writing leaves the old file or none, never half of one. It only ever saves work:
 * a file that is missing or cannot be read is no record at all.
 *
 * @param <T> the record, a Java record Jackson reads and writes
 */
public final class RecordFile<T> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path file;
    private final Class<T> type;

    public RecordFile(Path file, Class<T> type) {
        this.file = file;
        this.type = type;
    }

    /**
     * ClinicBake's code and libraries (the class path, by size and time): a record that says what
     * the code found must be made with the same code to be trusted.
     */
    public static String codeStamp() {
        return new Fingerprint().addClassPath().hex();
    }

    /** The record, when there is one that can be read. */
    public Optional<T> read() {
        try {
            return Files.isRegularFile(file) ? Optional.ofNullable(JSON.readValue(file.toFile(), type)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Replaces the record; when that fails, deletes it, so no record older than the output remains. */
    public void write(T record) {
        try {
            replace(file, partial -> JSON.writeValue(partial.toFile(), record));
        } catch (IOException | RuntimeException e) {
            delete();
        }
    }

    /** Writes the content of a file that {@link #replace} puts in place. */
    interface Content {
        void writeTo(Path partial) throws IOException;
    }

    /**
     * Replaces {@code file} whole: the content goes to a temporary file beside it, which is then
     * renamed over it, so a reader finds the old file or the new one, never half of one; the
     * temporary file is removed when anything fails.
     */
    static void replace(Path file, Content content) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
        try {
            content.writeTo(partial);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Deletes the record: the next bake does the work it would have saved. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A record that cannot be deleted no longer matches what it describes, and is not used.
        }
    }
}
