package org.clinicbake.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.jruby.internal.JRubyRuntimeContext;
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
        Asciidoctor asciidoctor = gemLib.isPresent()
                ? AsciidoctorJRuby.Factory.create(List.of(CompiledAsciidoctor.library(gemLib.get()).orElse(gemLib.get())))
                : Asciidoctor.Factory.create();
        JRubyRuntimeContext.get(asciidoctor).evalScriptlet(JAIL_BEHIND_LINKS);
        JRubyRuntimeContext.get(asciidoctor).evalScriptlet(SHOWN_PATHS);
        return asciidoctor;
    }

    /**
     * SAFE mode's jail (the article's folder) is checked on the path as written, so
     * {@code include::shared/notes.txt[]} read the file wherever a link {@code shared} to a folder
     * pointed: the crawler skips such a link (content.symlink-skipped) because it can lead out of the
     * site, and the include went there all the same, as did an image embedded with {@code :data-uri:}.
     * The folder a path ends in must really be inside the jail; a link to a file is followed, as the
     * bake publishes it. Out of the jail, Asciidoctor recovers as it does for a path outside: it
     * warns, and then finds nothing at a path inside the jail.
     */
    private static final String JAIL_BEHIND_LINKS = """
            module ClinicBakeJailBehindLinks
              def system_path target, start = nil, jail = nil, opts = {}
                path = super
                return path unless jail && ::String === path && path != jail
                begin
                  real_jail = ::File.realpath jail
                  real_folder = ::File.realpath ::File.dirname path
                rescue ::SystemCallError
                  return path
                end
                return path if real_folder == real_jail || (real_folder.start_with? %(#{real_jail}/))
                name = opts[:target_name] || 'path'
                raise ::SecurityError, %(#{name} #{target} is outside of jail: #{jail} (disallowed in safe mode)) unless opts.fetch :recover, true
                logger.warn %(#{name} is outside of jail; recovering automatically)
                ::File.join jail, path
              end
            end
            ::Asciidoctor::PathResolver.prepend ClinicBakeJailBehindLinks
            """;

    /**
     * The option that gives the values a document shows for its intrinsic path attributes, a map of
     * attribute name to value ({@link AsciidocEngine} passes {@code docdir}, {@code docfile} and
     * {@code user-home}).
     */
    public static final String SHOWN_PATHS_OPTION = "clinicbake_shown_paths";

    /**
     * SAFE mode leaves {@code docdir}, {@code docfile} and {@code user-home} set to this computer's
     * folders, so an article that wrote them published where the site was checked out, and two
     * checkouts baked different pages. They cannot simply be passed as attributes: the
     * {@code base_dir} option overwrites {@code docdir} (also in every AsciiDoc table cell, a document
     * of its own), and the reader takes its cursor from {@code docfile}, which is how includes and
     * messages find their files. So the document is built with the real paths, and only then are the
     * attributes (and their locks, which table cells copy) given the values to show; includes, images
     * and {@code :data-uri:} resolve from {@code base_dir} and the cursor, which keep the real ones.
     */
    private static final String SHOWN_PATHS = """
            module ClinicBakeShownPaths
              def initialize data = nil, options = {}
                parent = options[:parent]
                super
                shown = parent ? (parent.instance_variable_get :@clinicbake_shown_paths) : @options[:%s]
                return unless ::Hash === shown
                @clinicbake_shown_paths = shown
                shown.each do |name, value|
                  @attributes[name] = value
                  @attribute_overrides[name] = value
                end
              end
            end
            ::Asciidoctor::Document.prepend ClinicBakeShownPaths
            """.formatted(SHOWN_PATHS_OPTION);

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
