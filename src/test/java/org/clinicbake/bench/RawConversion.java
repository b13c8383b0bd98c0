package org.clinicbake.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;

/**
 * The lower bound of a bake: the same files converted by one AsciidoctorJ instance shared by N
 * threads, with no templates, no store and no checks, and tuned as a bake's own instance is (JRuby's
 * compiler held back for the first articles, {@link org.clinicbake.content.RubyCompiler}). Prints one
 * {@code raw:} line like the bake's {@code timings:} line.
 *
 * <p>With {@code --stock}, the instance is AsciidoctorJ's own ({@code Asciidoctor.Factory.create()},
 * JRuby's defaults): the tuned raw conversion issue #5 measured (C1 only, two threads sharing one
 * instance), before any of ClinicBake's tuning of JRuby and Asciidoctor.
 */
public final class RawConversion {

    private RawConversion() {
    }

    public static void main(String[] args) throws Exception {
        Path content = Path.of(args[0]);
        boolean stock = List.of(args).contains("--stock");
        int threads = Runtime.getRuntime().availableProcessors();
        long started = System.nanoTime();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(content)) {
            files = walk.filter(path -> path.toString().endsWith(".adoc")).sorted().toList();
        }
        Asciidoctor asciidoctor = stock ? Asciidoctor.Factory.create() : org.clinicbake.content.AsciidoctorRuntime.create();
        Runnable onConverted = stock ? () -> { } : org.clinicbake.content.RubyCompiler.heldBack(asciidoctor)::converted;
        long booted = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long bytes = 0;
        // Shut down however the conversions end: a failed one left the pool's threads keeping the JVM, and the benchmark, waiting.
        try {
            for (Future<Integer> converted : pool.invokeAll(files.stream().map(file -> (java.util.concurrent.Callable<Integer>) () -> {
                Options options = Options.builder().safe(SafeMode.SAFE).baseDir(file.getParent().toFile()).standalone(false).build();
                int length = asciidoctor.load(Files.readString(file), options).convert().length();
                onConverted.run();
                return length;
            }).toList())) {
                bytes += converted.get();
            }
        } finally {
            pool.shutdown();
        }
        long done = System.nanoTime();
        asciidoctor.shutdown();
        long total = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
        System.out.printf("raw: files=%d boot=%d convert=%d total=%d cpu=%d rss=%d bytes=%d%n", files.size(),
                (booted - started) / 1_000_000, (done - booted) / 1_000_000, total, cpu, peakRss(), bytes);
    }

    private static long peakRss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
