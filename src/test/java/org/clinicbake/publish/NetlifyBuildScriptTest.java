package org.clinicbake.publish;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs src/main/sh/netlify-build.sh against a JDK archive served from 127.0.0.1, made from the JDK
 * running this test (bin/, lib/, conf/ and release only, under a Temurin-like top-level folder),
 * with a fake Java 8 first on PATH and CLINICBAKE_BUILD_COMMAND standing in for the Maven build.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NetlifyBuildScriptTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path SCRIPT = ROOT.resolve("src/main/sh/netlify-build.sh");
    private static final long PROCESS_TIMEOUT_SECONDS = 120;
    private static final String BUILD_COMMAND =
            "echo \"JAVA_HOME=$JAVA_HOME\"; echo \"JAVA=$(command -v java)\"; java -version 2>&1";

    /** The JDK running this test: the one archived and the one put on PATH as "a JDK 17+". */
    private static final Path JDK = Path.of(System.getProperty("java.home"));

    @TempDir
    static Path shared;

    private static Path jdkArchive;
    private static String jdkSha256;
    private static Path fakeJdkArchive;
    private static String fakeJdkSha256;
    private static Path java8Bin;

    @TempDir
    Path temp;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void buildArchives() throws IOException {
        Runtime.Version v = Runtime.version();
        String top = "jdk-" + v.version().stream().map(String::valueOf).collect(Collectors.joining("."))
                + "+" + v.build().orElse(0);
        jdkArchive = shared.resolve("jdk.tar.gz");
        jdkSha256 = writeTarGz(jdkArchive, tar -> {
            for (String part : List.of("bin", "lib", "conf", "release")) {
                tar.addTree(JDK.resolve(part), top + "/" + part);
            }
        });

        // A small archive whose java claims to be 17: it would be accepted if its checksum were not checked.
        fakeJdkArchive = shared.resolve("tampered.tar.gz");
        fakeJdkSha256 = writeTarGz(fakeJdkArchive, tar -> tar.addFile(top + "/bin/java", 0755,
                "#!/bin/sh\necho 'openjdk version \"17.0.99\" 2030-01-01' >&2\necho TAMPERED\n".getBytes(UTF_8)));

        java8Bin = Files.createDirectories(shared.resolve("java8/bin"));
        Path java8 = java8Bin.resolve("java");
        Files.writeString(java8, "#!/bin/sh\n"
                + "echo 'openjdk version \"1.8.0_402\"' >&2\n"
                + "echo 'OpenJDK Runtime Environment (Temurin)(build 1.8.0_402-b06)' >&2\n"
                + "echo 'OpenJDK 64-Bit Server VM (Temurin)(build 25.402-b06, mixed mode)' >&2\n");
        Files.setPosixFilePermissions(java8, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            Path file = path.equals("/jdk.tar.gz") ? jdkArchive
                    : path.equals("/tampered.tar.gz") ? fakeJdkArchive : null;
            try (exchange) {
                if (file == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "application/gzip");
                exchange.sendResponseHeaders(200, Files.size(file));
                try (OutputStream body = exchange.getResponseBody()) {
                    Files.copy(file, body);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void downloadsVerifiesAndUsesTheJdkWhenOnlyJava8IsPresent() throws Exception {
        Path cache = temp.resolve("netlify-cache");

        Run run = runScript(java8Path(), cache, Map.of());

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(1, requests.get(), "one download");
        Path jdkHome = javaHomeIn(run);
        assertTrue(jdkHome.startsWith(cache.resolve("clinicbake-jdk")), run.toString());
        assertEquals(jdkHome.resolve("bin/java").toString(), line(run, "JAVA="), "java on PATH is the downloaded one");
        assertTrue(run.stdout.contains("version \"" + System.getProperty("java.version") + "\""),
                "the archive of bin/, lib/, conf/ and release is a runnable JDK:\n" + run);
        assertTrue(run.stderr.contains("ignoring " + java8Bin.resolve("java")), run.stderr);
        assertTrue(run.stderr.contains("SHA-256 verified"), run.stderr);
        assertTrue(run.stderr.contains("from download"), run.stderr);
        assertEquals(List.of(), leftovers(cache), "no archive or partial extraction is left behind");
    }

    @Test
    void refusesADownloadWhoseChecksumDoesNotMatch() throws Exception {
        Path cache = temp.resolve("netlify-cache");

        Run run = runScript(java8Path(), cache, Map.of("CLINICBAKE_JDK_URL", url("/tampered.tar.gz")));

        assertNotEquals(0, run.exitCode, run.toString());
        assertEquals(1, requests.get());
        assertTrue(run.stderr.contains("SHA-256 checksum mismatch"), run.stderr);
        assertTrue(run.stderr.contains("expected " + jdkSha256 + ", got " + fakeJdkSha256), run.stderr);
        assertTrue(run.stderr.contains("nothing was extracted"), run.stderr);
        assertFalse(run.stdout.contains("JAVA_HOME="), "the build must not run:\n" + run);
        try (Stream<Path> files = Files.walk(cache)) {
            List<Path> left = files.filter(Files::isRegularFile).toList();
            assertEquals(List.of(), left, "neither the download nor anything from it is kept");
        }
    }

    @Test
    void reusesTheCachedJdkOnASecondRunWithoutDownloading() throws Exception {
        Path cache = temp.resolve("netlify-cache");
        Run first = runScript(java8Path(), cache, Map.of());
        assertEquals(0, first.exitCode, first.toString());
        assertEquals(1, requests.get());

        Run second = runScript(java8Path(), cache, Map.of());

        assertEquals(0, second.exitCode, second.toString());
        assertEquals(1, requests.get(), "no second download");
        assertEquals(javaHomeIn(first), javaHomeIn(second));
        assertTrue(second.stderr.contains("reusing the cached JDK"), second.stderr);
        assertTrue(second.stdout.contains("version \"" + System.getProperty("java.version") + "\""), second.toString());
    }

    @Test
    void usesAJdk17OrNewerOnPathWithoutAnyRequest() throws Exception {
        Path cache = temp.resolve("netlify-cache");

        Run run = runScript(JDK.resolve("bin") + ":/usr/bin:/bin", cache, Map.of());

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(0, requests.get(), "nothing downloaded");
        assertEquals(JDK.toRealPath(), javaHomeIn(run).toRealPath());
        assertTrue(run.stderr.contains("from PATH"), run.stderr);
        assertFalse(Files.exists(cache.resolve("clinicbake-jdk")), "the cache is not touched");
    }

    @Test
    void usesAJavaHomeOf17OrNewerBeforePath() throws Exception {
        Path cache = temp.resolve("netlify-cache");

        Run run = runScript(java8Path(), cache, Map.of("JAVA_HOME", JDK.toString()));

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(0, requests.get(), "nothing downloaded");
        assertEquals(JDK, javaHomeIn(run));
        assertTrue(run.stderr.contains("from JAVA_HOME"), run.stderr);
    }

    @Test
    void ignoresAJavaHomeOlderThan17() throws Exception {
        Path cache = temp.resolve("netlify-cache");

        Run run = runScript(java8Path(), cache, Map.of("JAVA_HOME", java8Bin.getParent().toString()));

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(1, requests.get(), "the JDK is downloaded");
        assertTrue(run.stderr.contains("ignoring JAVA_HOME=" + java8Bin.getParent() + ": not a Java 17+ (found: 8)"),
                run.stderr);
        assertTrue(javaHomeIn(run).startsWith(cache), run.toString());
    }

    @Test
    void failsWhenTheBuildFails() throws Exception {
        Run run = runScript(JDK.resolve("bin") + ":/usr/bin:/bin", temp.resolve("netlify-cache"),
                Map.of("CLINICBAKE_BUILD_COMMAND", "exit 3"));

        assertNotEquals(0, run.exitCode, run.toString());
        assertTrue(run.stderr.contains("ERROR: CLINICBAKE_BUILD_COMMAND failed"), run.stderr);
    }

    static Stream<Arguments> javaVersionOutputs() {
        return Stream.of(
                Arguments.of("openjdk version \"1.8.0_402\"\nOpenJDK Runtime Environment (build 1.8.0_402-b06)", "8"),
                Arguments.of("java version \"1.8.0_202\"\nJava(TM) SE Runtime Environment (build 1.8.0_202-b08)", "8"),
                Arguments.of("openjdk version \"11.0.22\" 2024-01-16", "11"),
                Arguments.of("openjdk version \"17.0.15\" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6)", "17"),
                Arguments.of("openjdk version \"25\" 2025-09-16\nOpenJDK Runtime Environment Temurin-25+36", "25"),
                Arguments.of("Picked up JAVA_TOOL_OPTIONS: -Xss4m\nopenjdk version \"21-ea\" 2023-09-19", "21"),
                Arguments.of("bash: java: command not found", ""));
    }

    @ParameterizedTest
    @MethodSource("javaVersionOutputs")
    void readsTheMajorVersionFromJavaVersionOutput(String output, String major) throws Exception {
        Path out = temp.resolve("out.txt");
        Process process = new ProcessBuilder("bash", "-c",
                "source \"$1\" && { parse_java_major \"$2\" || echo none; }", "_", SCRIPT.toString(), output)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        waitFor(process);
        assertEquals(major.isEmpty() ? "none" : major, Files.readString(out).strip());
    }

    @Test
    void netlifyTomlPublishesTheBakedSiteWithTheBuildScriptAndAStrictCsp() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("netlify.toml"));
        List<String> settings = lines.stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        Pattern table = Pattern.compile("\\[\\[?[A-Za-z0-9_.-]+]]?");
        Pattern keyValue = Pattern.compile("[A-Za-z0-9_-]+ = (\"[^\"\\\\]*\"|\\d+|true|false)");
        for (String line : settings) {
            assertTrue(table.matcher(line).matches() || keyValue.matcher(line).matches(), "not TOML-ish: " + line);
        }

        assertTrue(section(settings, "[build]").contains("publish = \"site/output\""), settings.toString());
        assertTrue(section(settings, "[build]").contains("command = \"bash src/main/sh/netlify-build.sh\""),
                settings.toString());
        assertTrue(Files.isRegularFile(SCRIPT));
        String csp = settings.stream().filter(l -> l.startsWith("Content-Security-Policy = "))
                .findFirst().orElseGet(() -> fail("no Content-Security-Policy header"));
        assertTrue(csp.contains("script-src 'self'") && csp.contains("connect-src 'self'") && csp.contains("default-src 'self'"), csp);
        for (String line : settings) {
            assertFalse(line.contains("'unsafe-inline'") || line.contains("'unsafe-eval'"), line);
        }
        assertFalse(settings.contains("[[redirects]]"), "404.html needs no catch-all redirect");
    }

    @Test
    void netlifyTomlKeepsPrettyUrlsOffSoTheAddressesTheSiteListsAreNotRedirected() throws IOException {
        List<String> settings = Files.readAllLines(ROOT.resolve("netlify.toml")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        // Canonical links, sitemap, feed and JSON-LD name about.html; Pretty URLs, left to the site's
        // settings, would answer every one of them with a redirect to /about.
        assertTrue(settings.contains("[build.processing.html]"), "Pretty URLs are left to the site's settings");
        assertEquals(List.of("pretty_urls = false"), section(settings, "[build.processing.html]"));
    }

    // ---- helpers ----

    private record Run(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private static String java8Path() {
        return java8Bin + ":/usr/bin:/bin";
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Runs the script with only the variables given here (no JAVA_HOME unless in extra). */
    private Run runScript(String path, Path cache, Map<String, String> extra) throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path out = Files.createTempFile(temp, "stdout", ".txt");
        Path err = Files.createTempFile(temp, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString())
                .directory(temp.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", path);
        env.put("HOME", home.toString());
        env.put("LANG", "C.UTF-8");
        env.put("NETLIFY_CACHE_DIR", cache.toString());
        env.put("CLINICBAKE_JDK_URL", url("/jdk.tar.gz"));
        env.put("CLINICBAKE_JDK_SHA256", jdkSha256);
        env.put("CLINICBAKE_BUILD_COMMAND", BUILD_COMMAND);
        env.putAll(extra);
        int code = waitFor(builder.start());
        return new Run(code, Files.readString(out), Files.readString(err));
    }

    private static int waitFor(Process process) throws InterruptedException {
        if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("timed out after " + PROCESS_TIMEOUT_SECONDS + " s");
        }
        return process.exitValue();
    }

    private static String line(Run run, String prefix) {
        return run.stdout.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .findFirst().orElseGet(() -> fail("no " + prefix + " line:\n" + run));
    }

    private static Path javaHomeIn(Run run) {
        return Path.of(line(run, "JAVA_HOME="));
    }

    /** Files in the cache other than the extracted JDK: downloads, temporary folders. */
    private static List<Path> leftovers(Path cache) throws IOException {
        Path jdks = cache.resolve("clinicbake-jdk");
        try (Stream<Path> entries = Files.list(jdks)) {
            return entries.filter(p -> !p.getFileName().toString().matches("[0-9a-f]{64}")).toList();
        }
    }

    private static List<String> section(List<String> settings, String header) {
        int start = settings.indexOf(header);
        assertTrue(start >= 0, "no " + header);
        List<String> body = new ArrayList<>();
        for (String line : settings.subList(start + 1, settings.size())) {
            if (line.startsWith("[")) {
                break;
            }
            body.add(line);
        }
        return body;
    }

    // ---- a minimal ustar writer: enough for tar -xzf ----

    private interface TarContent {
        void write(TarWriter tar) throws IOException;
    }

    /** Writes a gzipped tar (fast compression) and returns its SHA-256 in hex. */
    private static String writeTarGz(Path file, TarContent content) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (OutputStream raw = new DigestOutputStream(
                new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), sha256);
             GZIPOutputStream gzip = new GZIPOutputStream(raw, 1 << 16) {
                 {
                     def.setLevel(Deflater.BEST_SPEED);
                 }
             }) {
            TarWriter tar = new TarWriter(gzip);
            content.write(tar);
            tar.finish();
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static final class TarWriter {
        private final OutputStream out;
        private final byte[] buffer = new byte[1 << 16];

        TarWriter(OutputStream out) {
            this.out = out;
        }

        /** Adds a folder or file, following symbolic links and skipping dangling ones (such as lib/src.zip). */
        void addTree(Path source, String name) throws IOException {
            try (Stream<Path> paths = Files.walk(source, FileVisitOption.FOLLOW_LINKS)) {
                for (Path p : (Iterable<Path>) paths.sorted()::iterator) {
                    String entry = source.relativize(p).toString();
                    String full = entry.isEmpty() ? name : name + "/" + entry;
                    if (Files.isDirectory(p)) {
                        header(full + "/", 0755, 0, '5');
                    } else if (Files.isRegularFile(p)) {
                        int mode = Files.isExecutable(p) ? 0755 : 0644;
                        header(full, mode, Files.size(p), '0');
                        try (InputStream in = Files.newInputStream(p)) {
                            long written = 0;
                            for (int n; (n = in.read(buffer)) > 0; written += n) {
                                out.write(buffer, 0, n);
                            }
                            pad(written);
                        }
                    }
                }
            }
        }

        void addFile(String name, int mode, byte[] data) throws IOException {
            header(name, mode, data.length, '0');
            out.write(data);
            pad(data.length);
        }

        void finish() throws IOException {
            out.write(new byte[1024]);
        }

        private void pad(long size) throws IOException {
            int rest = (int) (size % 512);
            if (rest != 0) {
                out.write(new byte[512 - rest]);
            }
        }

        private void header(String name, int mode, long size, char type) throws IOException {
            byte[] h = new byte[512];
            byte[] bytes = name.getBytes(UTF_8);
            String prefix = "";
            String shortName = name;
            if (bytes.length > 100) {
                int cut = name.lastIndexOf('/', name.length() - 2);
                while (cut > 0 && (name.substring(cut + 1).getBytes(UTF_8).length > 100
                        || name.substring(0, cut).getBytes(UTF_8).length > 155)) {
                    cut = name.lastIndexOf('/', cut - 1);
                }
                if (cut <= 0) {
                    throw new IOException("name too long for ustar: " + name);
                }
                prefix = name.substring(0, cut);
                shortName = name.substring(cut + 1);
            }
            put(h, 0, 100, shortName.getBytes(UTF_8));
            put(h, 100, 8, octal(mode, 7));
            put(h, 108, 8, octal(0, 7));
            put(h, 116, 8, octal(0, 7));
            put(h, 124, 12, octal(size, 11));
            put(h, 136, 12, octal(1_700_000_000L, 11));
            java.util.Arrays.fill(h, 148, 156, (byte) ' ');
            h[156] = (byte) type;
            put(h, 257, 6, "ustar\0".getBytes(UTF_8));
            put(h, 263, 2, "00".getBytes(UTF_8));
            put(h, 345, 155, prefix.getBytes(UTF_8));
            int sum = 0;
            for (byte b : h) {
                sum += b & 0xff;
            }
            put(h, 148, 8, (String.format("%06o", sum) + "\0 ").getBytes(UTF_8));
            out.write(h);
        }

        private static byte[] octal(long value, int digits) {
            return (String.format("%0" + digits + "o", value) + "\0").getBytes(UTF_8);
        }

        private static void put(byte[] header, int offset, int length, byte[] value) {
            if (value.length > length) {
                throw new IllegalArgumentException("field too long");
            }
            System.arraycopy(value, 0, header, offset, value.length);
        }
    }
}
