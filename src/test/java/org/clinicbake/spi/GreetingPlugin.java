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
        }, "greeting_translated", new Function() {
            /** As a plugin jar run without the library it was built with fails: with an Error, not an exception. */
            @Override
            public Object execute(Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int line) {
                throw new NoClassDefFoundError("com/example/translate/Translator");
            }

            @Override
            public List<String> getArgumentNames() {
                return List.of();
            }
        });
    }

    /** A clinic's own rule, as a plugin's check would carry one: no page promises that a treatment works. */
    @Override
    public List<org.clinicbake.check.OutputCheck> checks() {
        return List.of(new org.clinicbake.check.OutputCheck() {
            @Override
            public String id() {
                return "greeting-claims";
            }

            @Override
            public boolean checksEachPageAlone() {
                return true;
            }

            @Override
            public void checkPage(org.clinicbake.check.CheckContext context, org.clinicbake.check.Page page,
                                  org.clinicbake.diag.Diagnostics out) {
                for (org.jsoup.nodes.Element paragraph : page.document().select("p:containsOwn(guaranteed)")) {
                    out.error("greeting.claim", page.path(), org.clinicbake.check.Page.line(paragraph),
                            "the page promises a result", "say what the treatment may do and how often it helps");
                }
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
