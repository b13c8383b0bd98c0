package org.clinicbake.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Features tested: the build's compiled copy of the Asciidoctor gem holds every Ruby file of the gem,
 * compiled (in class files any JDK loads) or as Ruby, and its data; it is used only where it was
 * written, by the JRuby that wrote it, for the same gem, and when JRuby looks for compiled files. (That JRuby loads it and bakes the
 * same pages with it is checked through the launcher: src/test/launcher/archive.sh.)
 */
class CompiledAsciidoctorTest {

    @TempDir
    Path folder;

    static final String GEM = AsciidoctorRuntime.bundledGemLibrary().orElseThrow();

    @Test
    void everyRubyFileOfTheGemIsThereCompiledOrAsRubyWithItsData() throws IOException {
        Path compiled = folder.resolve("compiled-asciidoctor");

        CompiledAsciidoctor.write(compiled);

        List<String> gemFiles = gemRubyFiles();
        assertTrue(gemFiles.size() > 40, "the gem's Ruby files: " + gemFiles.size());
        for (String file : gemFiles) {
            Path source = compiled.resolve("lib").resolve(file);
            Path classFile = source.resolveSibling(source.getFileName().toString().replace(".rb", ".class"));
            assertTrue(Files.exists(source) != Files.exists(classFile), file + ": exactly one of its Ruby and its compiled form");
        }
        assertTrue(Files.exists(compiled.resolve("lib/asciidoctor.class")), "asciidoctor.rb compiled");
        try (var in = new java.io.DataInputStream(Files.newInputStream(compiled.resolve("lib/asciidoctor.class")))) {
            in.readInt();
            in.readUnsignedShort();
            assertEquals(CompiledAsciidoctor.CLASS_FILE_VERSION, in.readUnsignedShort(),
                    "a class file the oldest JDK can load, whichever JDK built it");
        }
        assertTrue(Files.exists(compiled.resolve("data/stylesheets/asciidoctor-default.css")), "the gem's data, found next to lib");
        assertEquals(compiled.toRealPath().resolve("lib").toString(), CompiledAsciidoctor.library(compiled.toString(), true, GEM).orElseThrow());
    }

    @Test
    void aCopyIsUsedOnlyWhereAndByWhatItWasWrittenFor() throws IOException {
        Path compiled = stamped(folder.resolve("compiled-asciidoctor"), folder.resolve("compiled-asciidoctor"), org.jruby.runtime.Constants.VERSION, GEM);
        Path moved = stamped(folder.resolve("moved"), folder.resolve("elsewhere"), org.jruby.runtime.Constants.VERSION, GEM);
        Path otherJRuby = stamped(folder.resolve("other-jruby"), folder.resolve("other-jruby"), "9.3.0.0", GEM);
        Path otherGem = stamped(folder.resolve("other-gem"), folder.resolve("other-gem"), org.jruby.runtime.Constants.VERSION,
                "uri:classloader:/gems/asciidoctor-2.0.0/lib");

        assertTrue(CompiledAsciidoctor.library(compiled.toString(), true, GEM).isPresent());
        Path link = Files.createSymbolicLink(folder.resolve("checkout-link"), compiled);
        assertTrue(CompiledAsciidoctor.library(link.toString(), true, GEM).isPresent(), "named through a link to where it was written");
        assertTrue(CompiledAsciidoctor.library(compiled.toString(), false, GEM).isEmpty(), "JRuby would not look for .class files");
        assertTrue(CompiledAsciidoctor.library(moved.toString(), true, GEM).isEmpty(), "compiled files hold their source's path");
        assertTrue(CompiledAsciidoctor.library(otherJRuby.toString(), true, GEM).isEmpty(), "compiled for another JRuby");
        assertTrue(CompiledAsciidoctor.library(otherGem.toString(), true, GEM).isEmpty(), "compiled from another gem");
        assertTrue(CompiledAsciidoctor.library(folder.resolve("never-built").toString(), true, GEM).isEmpty());
        assertTrue(CompiledAsciidoctor.library(null, true, GEM).isEmpty(), "without the launcher the jar's gem is parsed");
    }

    private static Path stamped(Path root, Path writtenAt, String jruby, String gem) throws IOException {
        Files.createDirectories(root.resolve("lib"));
        Properties stamp = new Properties();
        Files.createDirectories(writtenAt);
        stamp.setProperty("folder", writtenAt.toRealPath().toString());
        stamp.setProperty("jruby", jruby);
        stamp.setProperty("gem", gem);
        try (var out = Files.newBufferedWriter(root.resolve("compiled.properties"))) {
            stamp.store(out, null);
        }
        return root;
    }

    private static List<String> gemRubyFiles() throws IOException {
        String prefix = GEM.substring("uri:classloader:/".length()) + "/";
        try (JarFile jar = new JarFile(AsciidoctorRuntime.asciidoctorJar().orElseThrow().toFile());
             Stream<java.util.jar.JarEntry> entries = jar.stream()) {
            return entries.map(java.util.jar.JarEntry::getName)
                    .filter(name -> name.startsWith(prefix) && name.endsWith(".rb"))
                    .map(name -> name.substring(prefix.length())).sorted().toList();
        }
    }
}
