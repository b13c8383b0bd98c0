package org.clinicbake.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.clinicbake.io.FileTrees;
import org.jruby.Ruby;
import org.jruby.RubyInstanceConfig;

/**
 * The Asciidoctor gem with its Ruby already compiled to JRuby's intermediate representation,
 * written by the build ({@code ./mvnw package}, into {@code target/compiled-asciidoctor}) and used
 * by the launcher's bakes, so that booting Asciidoctor reads its ~50 files instead of parsing them.
 *
 * <p>Every bake that converts an article boots JRuby first, and JRuby parses each Ruby file it
 * loads. JRuby's own compiler ({@code jrubyc}) keeps a file's parsed form in a {@code .class} file,
 * which JRuby loads in place of the {@code .rb} when {@code jruby.aot.loadClasses} is on. Here a
 * changed article in a 1,000-article site baked in 2.76 s (median) with the compiled gem against
 * 2.92 s without (ten alternating pairs, seven faster), 100 articles 0.2-0.3 s faster in three of
 * four pairs, with byte-identical pages.
 *
 * <p>The folder is a copy of the gem ({@code lib} and {@code data}) in which each {@code .rb} that
 * compiled is replaced by its {@code .class}: Asciidoctor requires its own files relative to the
 * file requiring them, so they must all be found here, compiled or not. The compiled form holds
 * the file's absolute path and is tied to the JRuby that wrote it, so {@link #library} uses the
 * folder only where it was written and with the same JRuby and gem; else the gem in AsciidoctorJ's
 * jar is parsed as usual.
 */
public final class CompiledAsciidoctor {

    /** The folder the launcher names, and JRuby's switch that makes it look for compiled files. */
    public static final String FOLDER_PROPERTY = "clinicbake.compiled-asciidoctor";
    public static final String LOAD_CLASSES_PROPERTY = "jruby.aot.loadClasses";

    private static final String STAMP = "compiled.properties";

    /** The class-file version of the compiled files: Java 8's, loaded by every JDK ClinicBake runs on. */
    static final int CLASS_FILE_VERSION = 52;

    private CompiledAsciidoctor() {
    }

    /** Writes the compiled gem into the folder given (the build's {@code target/compiled-asciidoctor}). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompiledAsciidoctor <folder>");
        }
        write(Path.of(args[0]));
    }

    /**
     * Copies the gem AsciidoctorJ bundles into {@code folder} (replacing what it held) and compiles
     * its Ruby there: the compiled files record their source's path, so they are compiled where
     * they will be read. The stamp, written last, marks the folder complete.
     */
    public static void write(Path folder) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        String gem = AsciidoctorRuntime.bundledGemLibrary()
                .orElseThrow(() -> new IllegalStateException("AsciidoctorJ's jar holds no Asciidoctor gem"));
        FileTrees.delete(target);
        copyGem(gemFolder(gem), target);
        // The stamp and the compiled files name the folder without links, as library() resolves it.
        target = target.toRealPath();
        int failed = compile(target.resolve("lib"));
        for (Path source : rubyFiles(target.resolve("lib"))) {
            Path compiled = source.resolveSibling(source.getFileName().toString().replaceFirst("\\.rb$", ".class"));
            if (Files.exists(compiled)) {
                Files.delete(source);
            }
        }
        try (Writer out = Files.newBufferedWriter(target.resolve(STAMP), StandardCharsets.UTF_8)) {
            stamp(target, gem).store(out, "Asciidoctor compiled by JRuby for ClinicBake's launcher; " + failed + " file(s) left as Ruby");
        }
    }

    /**
     * The compiled gem's {@code lib} folder for JRuby's load path, when the launcher names one that
     * was written in that place (links resolved: the launcher and Maven may name it differently), by
     * this JRuby, from this gem, and JRuby looks for compiled files.
     */
    static Optional<String> library(String gem) {
        return library(System.getProperty(FOLDER_PROPERTY), Boolean.getBoolean(LOAD_CLASSES_PROPERTY), gem);
    }

    static Optional<String> library(String folder, boolean jrubyLoadsClasses, String gem) {
        if (folder == null || folder.isBlank() || !jrubyLoadsClasses) {
            return Optional.empty();
        }
        Path root;
        Properties written = new Properties();
        try {
            root = Path.of(folder).toRealPath();
            try (Reader in = Files.newBufferedReader(root.resolve(STAMP), StandardCharsets.UTF_8)) {
                written.load(in);
            }
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        return written.equals(stamp(root, gem)) ? Optional.of(root.resolve("lib").toString()) : Optional.empty();
    }

    private static Properties stamp(Path root, String gem) {
        Properties stamp = new Properties();
        stamp.setProperty("folder", root.toString());
        stamp.setProperty("jruby", org.jruby.runtime.Constants.VERSION);
        stamp.setProperty("gem", gem);
        return stamp;
    }

    /** {@code gems/asciidoctor-2.0.26/} for {@code uri:classloader:/gems/asciidoctor-2.0.26/lib}. */
    private static String gemFolder(String gemLibrary) {
        String entry = gemLibrary.substring("uri:classloader:/".length());
        return entry.substring(0, entry.length() - "lib".length());
    }

    private static void copyGem(String gemFolder, Path into) throws IOException {
        Path jar = AsciidoctorRuntime.asciidoctorJar()
                .orElseThrow(() -> new IllegalStateException("AsciidoctorJ is not loaded from a jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().filter(entry -> entry.getName().startsWith(gemFolder) && !entry.isDirectory()).toList()) {
                String relative = entry.getName().substring(gemFolder.length());
                if (!relative.startsWith("lib/") && !relative.startsWith("data/")) {
                    continue;
                }
                Path destination = into.resolve(relative).normalize();
                if (!destination.startsWith(into)) {
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, destination);
                }
            }
        }
    }

    /** Runs JRuby's compiler on every Ruby file under {@code lib}; returns how many failed (they stay Ruby). */
    private static int compile(Path lib) {
        RubyInstanceConfig config = new RubyInstanceConfig();
        config.setLoadPaths(List.of());
        Ruby ruby = Ruby.newInstance(config);
        try {
            ruby.getGlobalVariables().set("$clinicbake_lib", ruby.newString(lib.toString()));
            // Class files for Java 8 (version 52), as JRuby writes for its oldest Java: jrubyc would
            // write them for the JDK building ClinicBake, which an older JDK running it cannot load.
            Object failed = ruby.evalScriptlet("require 'jruby/compiler'\n"
                    + "JRuby::Compiler.send(:remove_const, :BYTECODE_VERSION)\n"
                    + "JRuby::Compiler.const_set(:BYTECODE_VERSION, " + CLASS_FILE_VERSION + ")\n"
                    + "JRuby::Compiler.compile_argv(['--dir', $clinicbake_lib, '--target', $clinicbake_lib, $clinicbake_lib])");
            return Integer.parseInt(String.valueOf(failed));
        } finally {
            ruby.tearDown();
        }
    }

    private static List<Path> rubyFiles(Path lib) throws IOException {
        try (Stream<Path> walk = Files.walk(lib)) {
            return walk.filter(path -> path.getFileName().toString().endsWith(".rb")).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
