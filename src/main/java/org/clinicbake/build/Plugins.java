package org.clinicbake.build;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import org.clinicbake.check.OutputCheck;
import org.clinicbake.diag.Diagnostics;
import org.clinicbake.spi.ClinicBakePlugin;

/**
 * The plugins on the class path ({@link ClinicBakePlugin} via ServiceLoader), loaded for one build.
 * Two contributions with one name are an error naming both owners, so a template never calls a
 * function other than the one its author meant.
 */
public record Plugins(Map<String, Function> functions, Map<String, Filter> filters, List<OutputCheck> checks) {

    private static final java.util.Set<String> BUILT_IN_CHECKS = org.clinicbake.check.SiteChecker.builtInChecks().stream()
            .map(OutputCheck::id).collect(java.util.stream.Collectors.toUnmodifiableSet());

    public static Plugins none() {
        return new Plugins(Map.of(), Map.of(), List.of());
    }

    /** Loads every plugin; empty (with diagnostics) when names collide. */
    public static Optional<Plugins> load(ClassLoader loader, Diagnostics diagnostics) {
        Map<String, String> owners = new LinkedHashMap<>();
        Map<String, Function> functions = new LinkedHashMap<>();
        Map<String, Filter> filters = new LinkedHashMap<>();
        List<OutputCheck> checks = new java.util.ArrayList<>();
        Map<String, String> checkOwners = new LinkedHashMap<>();
        java.util.function.Predicate<String> builtIn = org.clinicbake.render.PebbleThemeEngine.builtInNames();
        boolean ok = true;
        for (ClinicBakePlugin plugin : ServiceLoader.load(ClinicBakePlugin.class, loader)) {
            for (var entry : plugin.functions().entrySet()) {
                ok &= claim(owners, builtIn, entry.getKey(), plugin.name(), diagnostics);
                functions.put(entry.getKey(), entry.getValue());
            }
            for (var entry : plugin.filters().entrySet()) {
                ok &= claim(owners, builtIn, entry.getKey(), plugin.name(), diagnostics);
                filters.put(entry.getKey(), entry.getValue());
            }
            for (OutputCheck check : plugin.checks()) {
                // Two checks with one id: a check.failed, or a finding, could not say which of them it came from.
                String previous = BUILT_IN_CHECKS.contains(check.id()) ? "ClinicBake" : checkOwners.putIfAbsent(check.id(), plugin.name());
                if (previous != null) {
                    diagnostics.error("plugin.name-collision", "plugin " + plugin.name(), 0,
                            "check '" + check.id() + "' is also defined by " + (previous.equals("ClinicBake") ? previous : "plugin " + previous), "give one of them another id");
                    ok = false;
                }
                checks.add(check);
            }
        }
        return ok ? Optional.of(new Plugins(Map.copyOf(functions), Map.copyOf(filters), List.copyOf(checks))) : Optional.empty();
    }

    private static boolean claim(Map<String, String> owners, java.util.function.Predicate<String> builtIn, String name,
                                 String plugin, Diagnostics diagnostics) {
        String previous = builtIn.test(name) ? "ClinicBake" : owners.get(name);
        if (previous != null) {
            diagnostics.error("plugin.name-collision", "plugin " + plugin, 0,
                    "template function or filter '" + name + "' is already defined by " + previous,
                    "rename it, e.g. with a prefix of your plugin's name");
            return false;
        }
        owners.put(name, plugin);
        return true;
    }
}
