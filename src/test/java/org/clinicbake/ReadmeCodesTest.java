package org.clinicbake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Sources: ClinicBake's own code and README.md. Feature tested: every diagnostic code the code can
 * print is in the README's list of codes (by name, or by its family, as {@code link.*}), so an
 * editor who meets a code can look it up there. Codes were added without it before this test.
 */
class ReadmeCodesTest {

    /** A code where a diagnostic is made: {@code error("header.repeated", ...)}, a printed {@code error[serve.public-address]}. */
    private static final List<Pattern> RAISED = List.of(
            Pattern.compile("\\b(?:error|warning)\\(\\s*\"([a-z0-9]+(?:\\.[a-z0-9-]+)+)\""),
            Pattern.compile("(?:error|warning)\\[([a-z0-9.-]+)]"));
    /** The output checks name their codes as constants ({@code BROKEN = "link.broken"}). */
    private static final Pattern CHECK_CODE = Pattern.compile("public static final String [A-Z_]+ = \"([a-z0-9]+\\.[a-z0-9-]+)\"");

    @Test
    void everyCodeTheCodeCanPrintIsInTheReadme() throws IOException {
        TreeSet<String> codes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                for (Pattern raised : RAISED) {
                    add(codes, raised.matcher(text));
                }
                if (source.toString().replace('\\', '/').contains("/check/")) {
                    add(codes, CHECK_CODE.matcher(text));
                }
            }
        }
        String readme = Files.readString(Path.of("README.md"));

        assertTrue(codes.size() > 50, "the scan found the codes: " + codes);
        assertEquals(List.of(), codes.stream()
                .filter(code -> !readme.contains("`" + code + "`") && !readme.contains("`" + code.substring(0, code.indexOf('.')) + ".*`"))
                .toList(), "codes the README's list does not name");
    }

    private static void add(TreeSet<String> codes, Matcher matcher) {
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
    }
}
