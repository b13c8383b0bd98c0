package org.clinicbake.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.clinicbake.BakeResult;

/**
 * One machine-readable line about a finished bake, read by the benchmark:
 * {@code timings: startup=812 configure=35 convert=5200 render=900 write=120 total=7067 cpu=11500 rss=480 pages=1020}
 * (milliseconds, and megabytes for the peak resident set).
 */
final class Timings {

    private Timings() {
    }

    static String line(BakeResult result) {
        Map<String, Duration> phases = result.phases();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long startup = ManagementFactory.getRuntimeMXBean().getUptime() - result.duration().toMillis();
        long convert = millis(phases, "convert");
        long oven = millis(phases, "oven");
        long assets = millis(phases, "write-assets");
        long render = Math.max(0, oven - convert - assets);
        long write = assets + millis(phases, "write-publish");
        long total = System.currentTimeMillis() - jvmStart;
        return String.format(java.util.Locale.ROOT, "timings: startup=%d configure=%d convert=%d render=%d write=%d check=%d total=%d cpu=%d rss=%d"
                        + " pages=%d converted=%d reused=%d",
                startup, millis(phases, "configure"), convert, render, write, millis(phases, "check"), total, cpuMillis(),
                peakRssMegabytes(),
                result.pages(), result.work().converted(), result.work().reused());
    }

    private static long millis(Map<String, Duration> phases, String phase) {
        Duration duration = phases.get(phase);
        return duration == null ? 0 : duration.toMillis();
    }

    private static long cpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    /** VmHWM of /proc/self/status: the most memory the process ever held in RAM (Linux only). */
    private static long peakRssMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
