package org.clinicbake.cli;

import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.clinicbake.build.SiteBuild;
import org.clinicbake.serve.Preview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Preview a site while you edit it: bakes it with its drafts, serves it on 127.0.0.1, "
                + "and reloads open pages after every save (errors, and the warnings about a page, are shown in the browser)."})
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SITE_DIR", defaultValue = ".",
            description = "Site folder (default: the current folder).")
    private Path siteDir;

    @Option(names = {"-p", "--port"}, defaultValue = "8820", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this computer only).")
    private String bind;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            return usageError(err, "serve.invalid-port", "--port " + port + " is not a port", "give a number from 1 to 65535, or 0 for a free one");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            return usageError(err, "serve.invalid-address", "--bind " + bind + " is not an address of this computer",
                    "leave --bind out to serve on 127.0.0.1");
        }
        if (!address.isLoopbackAddress()) {
            // In the one format, with its code and what to do: it was a bare "warning:" line.
            err.printf("clinicbake: warning[serve.public-address]: serving on %s lets other computers see your drafts%n"
                    + "  hint: leave --bind out to serve on 127.0.0.1, this computer only%n", bind);
        }
        if (!Files.isDirectory(siteDir)) {
            err.println(SiteBuild.missingSite(siteDir).format());
            err.flush();
            return ExitCode.USAGE.code();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Preview started;
        try {
            started = Preview.start(siteDir, address, port, out);
        } catch (BindException e) {
            boolean portTaken = String.valueOf(e.getMessage()).contains("in use");
            err.printf(java.util.Locale.ROOT, "clinicbake: error[serve.cannot-listen]: cannot listen on %s port %d: %s%n  hint: %s%n",
                    address.getHostAddress(), port, e.getMessage(), portTaken
                            ? "another program (perhaps another preview) uses the port: stop it, or pass --port 0 for a free one"
                            : "--bind takes an address of this computer; leave it out to serve on 127.0.0.1");
            err.flush();
            return ExitCode.INTERNAL_ERROR.code();
        }
        try (Preview preview = started) {
            out.printf("Serving %s at %s (drafts included). Press Ctrl+C to stop.%n", siteDir.toAbsolutePath().normalize(), preview.url());
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return ExitCode.OK.code();
    }

    private static int usageError(PrintWriter err, String code, String message, String hint) {
        err.printf("clinicbake: error[%s]: %s%n  hint: %s%n", code, message, hint);
        err.flush();
        return ExitCode.USAGE.code();
    }
}
