package org.clinicbake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

import org.clinicbake.testing.SiteFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code clinicbake serve} says when it cannot start: each used to be an "internal error". */
class ServeCommandTest {

    @TempDir
    Path temp;

    private final StringWriter err = new StringWriter();

    private int serve(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "serve";
        System.arraycopy(args, 0, command, 1, args.length);
        return Main.run(command, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        assertEquals(2, serve(temp.toString(), "--port", "70000"));
        assertEquals("clinicbake: error[serve.invalid-port]: --port 70000 is not a port", err.toString().lines().findFirst().orElse(""));
    }

    @Test
    void anAddressThatDoesNotResolveIsAUsageError() {
        assertEquals(2, serve(temp.toString(), "--bind", "no-such-host.invalid"));
        assertTrue(err.toString().startsWith("clinicbake: error[serve.invalid-address]: --bind no-such-host.invalid"), err.toString());
    }

    @Test
    void aMissingSiteFolderIsAUsageErrorReportedAsTheBakeReportsIt() {
        Path missing = temp.resolve("no-site");

        assertEquals(2, serve(missing.toString(), "--port", "0"));
        assertEquals(missing + ": error[site.missing]: the site folder does not exist", err.toString().lines().findFirst().orElse(""));
    }

    @Test
    void servingToOtherComputersIsAWarningInTheOneFormatWithWhatToDoInstead() {
        Path missing = temp.resolve("no-site");

        assertEquals(2, serve(missing.toString(), "--bind", "0.0.0.0"));
        assertEquals(List.of("clinicbake: warning[serve.public-address]: serving on 0.0.0.0 lets other computers see your drafts",
                "  hint: leave --bind out to serve on 127.0.0.1, this computer only"), err.toString().lines().limit(2).toList());
    }

    @Test
    void aPortInUseIsReportedBeforeAnythingIsBaked() throws IOException {
        Path site = SiteFixture.write(temp.resolve("site"), SiteFixture.MINIMAL_SITE);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(3, serve(site.toString(), "--port", String.valueOf(taken.getLocalPort())));
        }
        assertTrue(err.toString().startsWith("clinicbake: error[serve.cannot-listen]: cannot listen on 127.0.0.1 port "), err.toString());
        assertTrue(err.toString().contains("hint: another program (perhaps another preview) uses the port"), err.toString());
        assertTrue(!java.nio.file.Files.exists(site.resolve(".clinicbake/preview")), "the preview was baked before the port was tried");
    }
}
