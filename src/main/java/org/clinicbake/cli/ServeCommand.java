package org.clinicbake.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.clinicbake.serve.Preview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Preview a site while you edit it: bakes it with its drafts, serves it on 127.0.0.1,",
                "and reloads open pages after every save (errors are shown in the browser)."})
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
        InetAddress address = InetAddress.getByName(bind);
        if (!address.isLoopbackAddress()) {
            spec.commandLine().getErr().println("clinicbake: warning: serving on " + bind
                    + " lets other computers see your drafts; the preview is meant for 127.0.0.1");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (Preview preview = Preview.start(siteDir, address, port, out)) {
            out.printf("Serving %s at %s (drafts included). Press Ctrl+C to stop.%n", siteDir.toAbsolutePath().normalize(), preview.url());
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            stopped.await();
        }
        return ExitCode.OK.code();
    }
}
