package org.clinicbake.io;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feature tested: a folder ClinicBake removes goes with everything in it, and nothing outside it. */
class FileTreesTest {

    @TempDir
    Path folder;

    @Test
    void aFolderIsDeletedWithEverythingInIt() throws IOException {
        Path tree = folder.resolve("staging");
        Files.createDirectories(tree.resolve("articles/images"));
        Files.writeString(tree.resolve("index.html"), "<p>home</p>");
        Files.writeString(tree.resolve("articles/images/spine.svg"), "<svg/>");

        FileTrees.delete(tree);

        assertFalse(Files.exists(tree));
    }

    @Test
    void aLinkInsideIsDeletedWithoutTouchingWhatItPointsTo() throws IOException {
        Path usersFiles = Files.createDirectories(folder.resolve("clinic-notes"));
        Files.writeString(usersFiles.resolve("patients.txt"), "kept");
        Path tree = Files.createDirectories(folder.resolve("staging"));
        Files.createSymbolicLink(tree.resolve("notes"), usersFiles);

        FileTrees.delete(tree);

        assertFalse(Files.exists(tree));
        assertEquals("kept", Files.readString(usersFiles.resolve("patients.txt")));
    }

    @Test
    void aMissingFolderIsNothingToDo() {
        assertDoesNotThrow(() -> FileTrees.delete(folder.resolve("never-written")));
    }
}
