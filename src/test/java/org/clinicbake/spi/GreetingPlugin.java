package org.clinicbake.spi;

import java.util.List;
import java.util.Map;

import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.Function;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/** A plugin as a developer's jar would ship it; registered in src/test/resources/META-INF/services. */
public class GreetingPlugin implements ClinicBakePlugin {

    @Override
    public String name() {
        return "greeting";
    }

    @Override
    public Map<String, Function> functions() {
        return Map.of("greeting_hello", new Function() {
            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
                return "Hello from a plugin, " + args.get("name");
            }

            @Override
            public List<String> getArgumentNames() {
                return List.of("name");
            }
        });
    }

    /** Written for strings only, as a plugin's filter may be: anything else throws a ClassCastException. */
    @Override
    public Map<String, Filter> filters() {
        return Map.of("greeting_shout", new Filter() {
            @Override
            public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
                return ((String) input).toUpperCase(java.util.Locale.ROOT);
            }

            @Override
            public List<String> getArgumentNames() {
                return List.of();
            }
        });
    }
}
