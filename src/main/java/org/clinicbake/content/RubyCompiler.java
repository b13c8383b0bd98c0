package org.clinicbake.content;

import java.util.concurrent.atomic.AtomicInteger;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.jruby.internal.JRubyAsciidoctor;
import org.jruby.RubyInstanceConfig;

/**
 * When JRuby compiles Asciidoctor's Ruby methods to JVM bytecode during a bake.
 *
 * <p>JRuby interprets a Ruby method until it has been called 50 times, then compiles it to JVM
 * bytecode on a thread of its own, which the JVM then compiles again. That pays off over thousands
 * of conversions, not over a few: converting 100 articles after the boot took 1.3 s here with
 * JRuby's compiler held back, and 2.4 s with it at its default; over 1,000 articles a threshold of
 * 1,000 calls was the best measured (4.9 s, against 5.3 s at 50 and 5.7 s never compiling). So a
 * bake's own instance starts with the compiler held back and lets it in, at 1,000 calls, once
 * {@value #HELD_BACK_FOR} articles have been converted: methods called that often by then are
 * compiled at their next call. The threshold is read by JRuby on every call, so it can change
 * while threads convert.
 *
 * <p>The preview keeps JRuby's default: it lives for hours and converts one article at a time.
 */
public final class RubyCompiler {

    /** Conversions run with JRuby's compiler held back. */
    static final int HELD_BACK_FOR = 150;

    /** Calls before JRuby compiles a method, once the compiler is let in. */
    static final int THRESHOLD = 1_000;

    private final RubyInstanceConfig config;
    private final AtomicInteger conversions = new AtomicInteger();

    private RubyCompiler(RubyInstanceConfig config) {
        this.config = config;
    }

    /**
     * Holds JRuby's compiler back on this instance until {@link #converted()} has been called
     * {@value #HELD_BACK_FOR} times; an instance that is not AsciidoctorJ's JRuby one is left as it is.
     */
    public static RubyCompiler heldBack(Asciidoctor asciidoctor) {
        RubyInstanceConfig config = asciidoctor instanceof JRubyAsciidoctor jruby ? jruby.getRubyRuntime().getInstanceConfig() : null;
        if (config != null) {
            config.setJitThreshold(Integer.MAX_VALUE);
        }
        return new RubyCompiler(config);
    }

    /** Counts one conversion; lets the compiler in after the last held back. */
    public void converted() {
        if (config != null && conversions.incrementAndGet() == HELD_BACK_FOR) {
            config.setJitThreshold(THRESHOLD);
        }
    }

    /** The number of calls after which JRuby compiles a method now ({@link Integer#MAX_VALUE}: held back). */
    int threshold() {
        return config == null ? -1 : config.getJitThreshold();
    }
}
