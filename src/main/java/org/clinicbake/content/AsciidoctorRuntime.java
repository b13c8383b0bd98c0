package org.clinicbake.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.jruby.AsciidoctorJRuby;

/**
 * Starts Asciidoctor in a JRuby runtime that can find the Asciidoctor gem without RubyGems.
 *
 * <p>AsciidoctorJ bundles the gem in its jar and lets RubyGems find it. Loading RubyGems is a large
 * part of JRuby's boot, and a bake needs nothing else of it: with the gem's own folder on JRuby's
 * load path, {@code require 'asciidoctor'} is found directly, so the launcher and the tests can turn
 * RubyGems off ({@code -Djruby.cli.rubygems.enable=false}; here the boot went from 3.2-3.9 s to
 * 2.5-2.8 s without a class-data archive). Without that setting the runtime is the one
 * {@code Asciidoctor.Factory.create()} gives, with one more folder to search. Under the launcher,
 * the gem's folder is the copy the build compiled ({@link CompiledAsciidoctor}), where it is valid.
 */
public final class AsciidoctorRuntime {

    /** The gem's entry file; its folder is named for the version AsciidoctorJ bundles. */
    private static final Pattern GEM_ENTRY = Pattern.compile("gems/asciidoctor-[0-9][^/]*/lib/asciidoctor\\.rb");

    private AsciidoctorRuntime() {
    }

    /** A new Asciidoctor instance; booting JRuby takes seconds, so a bake shares one. */
    public static Asciidoctor create() {
        Optional<String> gemLib = bundledGemLibrary();
        return gemLib.isPresent()
                ? AsciidoctorJRuby.Factory.create(List.of(CompiledAsciidoctor.library(gemLib.get()).orElse(gemLib.get())))
                : Asciidoctor.Factory.create();
    }

    /**
     * The load-path entry of the gem in AsciidoctorJ's jar ({@code uri:classloader:/gems/asciidoctor-2.0.26/lib}),
     * or empty when AsciidoctorJ is not loaded from a jar that holds it (RubyGems then finds the gem as usual).
     */
    static Optional<String> bundledGemLibrary() {
        try {
            Optional<Path> jar = asciidoctorJar();
            if (jar.isEmpty()) {
                return Optional.empty();
            }
            try (JarFile file = new JarFile(jar.get().toFile())) {
                return file.stream().map(JarEntry::getName).filter(name -> GEM_ENTRY.matcher(name).matches()).sorted()
                        .findFirst().map(name -> "uri:classloader:/" + name.substring(0, name.length() - "/asciidoctor.rb".length()));
            }
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** AsciidoctorJ's jar, which holds the gem; empty when AsciidoctorJ is loaded from a folder. */
    static Optional<Path> asciidoctorJar() {
        try {
            Path jar = Path.of(AsciidoctorJRuby.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
