package org.clinicbake.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * ClinicBake's benchmark: for each size, writes a synthetic site and bakes it in fresh JVMs through
 * the launcher ({@code src/main/sh/clinicbake}), then measures the AsciidoctorJ lower bound on the
 * same files. Run it with {@code bash src/bench/benchmark.sh 100 1000 10000}.
 *
 * <p>Each row: a full bake with an empty cache, a re-bake with nothing changed, a re-bake after one
 * article changed, and the raw conversion (one AsciidoctorJ instance shared by all cores, the
 * launcher's JVM flags, no templates, no store, no checks). The last two columns are the raw
 * conversion as issue #5 measured its tuned bound, the "stock" raw: C1 only and one instance
 * shared by all cores, but AsciidoctorJ's own JRuby settings, the JVM's default collector and no
 * class-data archive, none of the tuning the launcher gives a bake. Figures are wall and CPU seconds and
 * the peak resident set of the baking process; medians when {@code --runs} is above 1 (the full/raw
 * ratios: the median of each run's ratio).
 */
public final class Benchmark {

    private static final Pattern FIELD = Pattern.compile("(\\w+)=(-?\\d+)");

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        int runs = 1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else {
                sizes.add(Integer.parseInt(args[i].replace(",", "").replace("_", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100, 1000);
        }
        Path root = Path.of("target/bench").toAbsolutePath();
        Path launcher = Path.of("src/main/sh/clinicbake").toAbsolutePath();
        System.out.printf("ClinicBake benchmark, %d cores, %s, %d run(s) each (medians)%n%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), runs);
        // The launcher writes its class-data-sharing archive on its first run; that run is not measured.
        Path warmUp = root.resolve("warm-up");
        org.clinicbake.io.FileTrees.delete(warmUp);
        SyntheticSite.write(warmUp, 20);
        bake(launcher, warmUp, root.resolve("warm-up-out"));
        RawJvm rawJvm = RawJvm.prepare(root, warmUp);
        System.out.println("| articles | full bake | CPU | peak RSS | pages/s | start-up | convert | render | write | check "
                + "| no change | one change | raw AsciidoctorJ | raw CPU | full/raw | CPU full/raw | stock raw | full/stock raw |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        // A median hides how far the runs of a noisy machine spread: each run's ratios are listed under the table.
        List<String> spread = new ArrayList<>();
        for (int size : sizes) {
            Path site = root.resolve("site-" + size);
            org.clinicbake.io.FileTrees.delete(site);
            SyntheticSite.write(site, size);
            Path out = root.resolve("out-" + size);
            List<Map<String, Long>> full = new ArrayList<>();
            List<Map<String, Long>> unchanged = new ArrayList<>();
            List<Map<String, Long>> oneChange = new ArrayList<>();
            List<Map<String, Long>> raw = new ArrayList<>();
            List<Map<String, Long>> stockRaw = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                org.clinicbake.io.FileTrees.delete(site.resolve(".clinicbake"));
                full.add(bake(launcher, site, out));
                unchanged.add(bake(launcher, site, out));
                Path edited = site.resolve("content/articles/" + SyntheticSite.slug(size / 2) + ".adoc");
                Files.writeString(edited, "\nEdited in run " + run + ".\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.APPEND);
                oneChange.add(bake(launcher, site, out));
                raw.add(raw(site, rawJvm));
                stockRaw.add(run(rawJvm.stockCommand(site), "raw:"));
            }
            Map<String, Long> f = median(full);
            Map<String, Long> r = median(raw);
            System.out.printf("| %,d | %.1f s | %.1f s | %d MB | %.0f | %.1f s | %.1f s | %.1f s | %.1f s | %.1f s | %.1f s | %.1f s | %.1f s | %.1f s | %.2f | %.2f | %.1f s | %.2f |%n",
                    size, s(f.get("wall")), s(f.get("cpu")), f.get("rss"), f.get("pages") * 1000.0 / f.get("wall"),
                    s(f.get("startup") + f.get("configure")), s(f.get("convert")), s(f.get("render")), s(f.get("write")),
                    s(f.get("check")),
                    s(median(unchanged).get("wall")), s(median(oneChange).get("wall")), s(r.get("wall")), s(r.get("cpu")),
                    medianRatio(full, raw, "wall"), medianRatio(full, raw, "cpu"),
                    s(median(stockRaw).get("wall")), medianRatio(full, stockRaw, "wall"));
            spread.add(String.format("%,d articles, each run: full/raw %s; full/stock raw %s", size,
                    ratios(full, raw, "wall"), ratios(full, stockRaw, "wall")));
        }
        System.out.println();
        spread.forEach(System.out::println);
    }

    /** Each run's ratio, in run order: "1.24 1.31 1.22". */
    private static String ratios(List<Map<String, Long>> full, List<Map<String, Long>> raw, String key) {
        StringBuilder listed = new StringBuilder();
        for (int run = 0; run < full.size(); run++) {
            listed.append(run == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.2f", (double) full.get(run).get(key) / raw.get(run).get(key)));
        }
        return listed.toString();
    }

    private static Map<String, Long> bake(Path launcher, Path site, Path out) throws IOException, InterruptedException {
        List<String> command = List.of("bash", launcher.toString(), "bake", site.toString(), "-o", out.toString(),
                "--today", "2026-11-25", "--timings");
        return run(command, "timings:");
    }

    private static Map<String, Long> raw(Path site, RawJvm jvm) throws IOException, InterruptedException {
        return run(jvm.command(site, false), "raw:");
    }

    /**
     * How the raw bound runs: C1 only, the launcher's collector (the parallel one with a 100 MB young
     * generation; the raw conversion takes the same time with it as with the serial one), JRuby as the launcher runs it, huge pages where
     * the kernel gives them on request, and its own class-data archive (an AOT cache on JDK 25 and later), as the
     * launcher gives the bake: without one JRuby boots about twice as slowly, which would flatter the
     * bake by most of a second. It loads the Asciidoctor gem the build compiled, as the launcher's bakes
     * do (CompiledAsciidoctor). A class-data archive holds classes from jars only, so the bound runs
     * from ClinicBake's jar, a jar of this class and the dependencies' jars.
     */
    private record RawJvm(Path archive, String classPath, boolean aotCache) {

        static RawJvm prepare(Path root, Path warmUpSite) throws IOException, InterruptedException {
            Path jar = root.resolve("raw-conversion.jar");
            String resource = RawConversion.class.getName().replace('.', '/') + ".class";
            try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                 java.io.InputStream in = RawConversion.class.getClassLoader().getResourceAsStream(resource)) {
                out.putNextEntry(new java.util.jar.JarEntry(resource));
                in.transferTo(out);
            }
            List<String> classPath = new ArrayList<>(List.of(jar.toString(), clinicBakeJar().toString()));
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                if (entry.endsWith(".jar")) {
                    classPath.add(entry);
                }
            }
            boolean aot = Runtime.version().feature() >= 25;
            Path archive = root.resolve(aot ? "raw-conversion.aot" : "raw-conversion.jsa");
            Files.deleteIfExists(archive);
            RawJvm jvm = new RawJvm(archive, String.join(java.io.File.pathSeparator, classPath), aot);
            run(jvm.command(warmUpSite, true), "raw:");
            if (!Files.exists(archive)) {
                throw new IllegalStateException("the raw bound's class-data archive was not written: " + archive);
            }
            return jvm;
        }

        List<String> command(Path site, boolean recording) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseParallelGC", "-Xmn100m", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens", "java.base/java.io=ALL-UNNAMED", "-Djruby.native.enabled=false", "-Djruby.cli.rubygems.enable=false"));
            if (hugePagesOnRequest()) {
                command.add("-XX:+UseTransparentHugePages");
            }
            // CompiledAsciidoctor itself falls back to the jar's gem when the build wrote no valid copy.
            command.add("-D" + org.clinicbake.content.CompiledAsciidoctor.LOAD_CLASSES_PROPERTY + "=true");
            command.add("-D" + org.clinicbake.content.CompiledAsciidoctor.FOLDER_PROPERTY + "="
                    + Path.of("target", "compiled-asciidoctor").toAbsolutePath());
            if (aotCache) {
                command.add((recording ? "-XX:AOTCacheOutput=" : "-XX:AOTCache=") + archive);
            } else {
                command.add((recording ? "-XX:ArchiveClassesAtExit=" : "-XX:SharedArchiveFile=") + archive);
            }
            command.addAll(List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", classPath, RawConversion.class.getName(),
                    site.resolve("content").toString()));
            return command;
        }

        /** The stock raw conversion (see the class comment): C1 only, and nothing else of the launcher's. */
        List<String> stockCommand(Path site) {
            return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                    "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.base/java.io=ALL-UNNAMED",
                    "-cp", classPath, RawConversion.class.getName(), site.resolve("content").toString(), "--stock");
        }

        private static Path clinicBakeJar() throws IOException {
            try (Stream<Path> files = Files.list(Path.of("target"))) {
                return files.filter(file -> file.getFileName().toString().matches("clinicbake-.*\\.jar")
                                && !file.getFileName().toString().matches(".*-(sources|javadoc)\\.jar"))
                        .findFirst().orElseThrow(() -> new IllegalStateException("no target/clinicbake-*.jar: run ./mvnw package"))
                        .toAbsolutePath();
            }
        }
    }

    /** Whether the kernel gives transparent huge pages to memory that asks for them, as the launcher checks. */
    private static boolean hugePagesOnRequest() {
        try {
            return Files.readString(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")).contains("[madvise]");
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, Long> run(List<String> command, String prefix) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        long wall = (System.nanoTime() - started) / 1_000_000;
        String line = output.lines().filter(text -> text.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new IllegalStateException("exit " + exit + ", no '" + prefix + "' line in:\n" + output));
        Map<String, Long> fields = new LinkedHashMap<>();
        Matcher matcher = FIELD.matcher(line);
        while (matcher.find()) {
            fields.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        fields.put("wall", wall);
        return fields;
    }

    private static Map<String, Long> median(List<Map<String, Long>> runs) {
        Map<String, Long> median = new LinkedHashMap<>();
        for (String key : runs.get(0).keySet()) {
            List<Long> values = runs.stream().map(run -> run.get(key)).sorted().toList();
            median.put(key, values.get(values.size() / 2));
        }
        return median;
    }

    /**
     * The median over runs of each run's full bake against the raw conversion measured right after it:
     * this machine's speed drifts by a fifth between minutes, so a ratio within one run is steadier
     * than the ratio of two medians taken from different runs.
     */
    private static double medianRatio(List<Map<String, Long>> full, List<Map<String, Long>> raw, String key) {
        List<Double> ratios = new ArrayList<>();
        for (int run = 0; run < full.size(); run++) {
            ratios.add((double) full.get(run).get(key) / raw.get(run).get(key));
        }
        ratios.sort(null);
        return ratios.get(ratios.size() / 2);
    }

    private static double s(long millis) {
        return millis / 1000.0;
    }
}
