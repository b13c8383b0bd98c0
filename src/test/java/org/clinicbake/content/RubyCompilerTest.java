package org.clinicbake.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.jruby.internal.JRubyAsciidoctor;
import org.clinicbake.testing.SiteFixture;
import org.jruby.RubyInstanceConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Feature tested: a bake's Asciidoctor converts its first articles with JRuby's compiler held back,
 * then lets it in at a threshold of 1,000 calls. The tests' shared instance is used, and its
 * threshold put back after each test.
 */
class RubyCompilerTest {

    Asciidoctor asciidoctor;
    RubyInstanceConfig config;
    int before;

    @BeforeEach
    void rememberThreshold() {
        asciidoctor = SiteFixture.options().asciidoctor();
        config = ((JRubyAsciidoctor) asciidoctor).getRubyRuntime().getInstanceConfig();
        before = config.getJitThreshold();
    }

    @AfterEach
    void restoreThreshold() {
        config.setJitThreshold(before);
    }

    @Test
    void theCompilerIsHeldBackForTheFirstConversionsThenLetIn() {
        RubyCompiler compiler = RubyCompiler.heldBack(asciidoctor);
        assertEquals(Integer.MAX_VALUE, config.getJitThreshold(), "held back: no method is ever called that often");

        for (int converted = 1; converted < RubyCompiler.HELD_BACK_FOR; converted++) {
            compiler.converted();
        }
        assertEquals(Integer.MAX_VALUE, config.getJitThreshold(), "one conversion short");

        compiler.converted();
        assertEquals(RubyCompiler.THRESHOLD, config.getJitThreshold());
        assertEquals(RubyCompiler.THRESHOLD, compiler.threshold());

        compiler.converted();
        assertEquals(RubyCompiler.THRESHOLD, config.getJitThreshold(), "later conversions change nothing");
    }

    @Test
    void anInstanceThatIsNotJRubysIsLeftAlone() {
        Asciidoctor other = (Asciidoctor) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Asciidoctor.class}, (proxy, method, args) -> null);

        RubyCompiler compiler = RubyCompiler.heldBack(other);
        compiler.converted();

        assertEquals(-1, compiler.threshold());
        assertEquals(before, config.getJitThreshold());
    }
}
