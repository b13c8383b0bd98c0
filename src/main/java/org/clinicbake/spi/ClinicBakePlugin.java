package org.clinicbake.spi;

import java.util.List;
import java.util.Map;

import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import org.clinicbake.check.OutputCheck;

/**
 * What a developer's jar adds to ClinicBake: template functions and filters, and checks of the
 * baked output. Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.clinicbake.spi.ClinicBakePlugin}. A name already used by ClinicBake
 * or by another plugin is an error, never a silent override.
 */
public interface ClinicBakePlugin {

    /** A short name, shown in diagnostics. */
    String name();

    /** Template functions by name, e.g. {@code clinic_hours}. */
    default Map<String, Function> functions() {
        return Map.of();
    }

    /** Template filters by name. */
    default Map<String, Filter> filters() {
        return Map.of();
    }

    /** Checks that {@code clinicbake check} runs after its own. */
    default List<OutputCheck> checks() {
        return List.of();
    }
}
