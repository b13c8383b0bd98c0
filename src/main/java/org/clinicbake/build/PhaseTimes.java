package org.clinicbake.build;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall time spent in each stage of a bake, for {@code bake --timings} and the benchmark. */
public final class PhaseTimes {

    private final Map<String, Duration> phases = new LinkedHashMap<>();

    /** Adds the time since {@code startedNanos} to the phase. */
    public synchronized void add(String phase, long startedNanos) {
        phases.merge(phase, Duration.ofNanos(System.nanoTime() - startedNanos), Duration::plus);
    }

    public synchronized Map<String, Duration> snapshot() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(phases));
    }
}
