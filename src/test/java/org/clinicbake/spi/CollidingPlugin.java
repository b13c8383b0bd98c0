package org.clinicbake.spi;

import java.util.Map;

import io.pebbletemplates.pebble.extension.Function;

/** A plugin whose function takes a name ClinicBake already uses; only loaded by PluginTest. */
public class CollidingPlugin extends GreetingPlugin {

    @Override
    public String name() {
        return "colliding";
    }

    @Override
    public java.util.List<org.clinicbake.check.OutputCheck> checks() {
        return java.util.List.of();
    }

    @Override
    public Map<String, Function> functions() {
        return Map.of("asset", super.functions().get("greeting_hello"));
    }
}
