package org.clinicbake.spi;

import java.util.List;

import org.clinicbake.check.OutputCheck;

/** A plugin whose check takes the id of a built-in one; only loaded by PluginTest. */
public class ShadowingCheckPlugin implements ClinicBakePlugin {

    @Override
    public String name() {
        return "shadowing";
    }

    @Override
    public List<OutputCheck> checks() {
        return List.of(() -> "links");
    }
}
