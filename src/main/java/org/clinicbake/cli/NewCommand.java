package org.clinicbake.cli;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.clinicbake.scaffold.Scaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create a new draft article with every header attribute and section in place: new article \"Title\".")
final class NewCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "KIND", description = "What to create: article.")
    private String kind;

    @Parameters(index = "1", paramLabel = "TITLE", description = "The article's title.")
    private String title;

    @Option(names = "--site", paramLabel = "SITE_DIR", defaultValue = ".", description = "Site folder (default: the current folder).")
    private Path site;

    @Option(names = "--type", defaultValue = "article",
            description = "therapy, procedure, condition or article (default: ${DEFAULT-VALUE}).")
    private String type;

    @Option(names = "--provider", paramLabel = "ID", description = "Author id from data/providers.yml (default: the first); the reviewer is the next clinician listed.")
    private String provider;

    @Option(names = "--slug", paramLabel = "NAME",
            description = "The file's name and the page's address, e.g. spinal-stenosis (default: made from the title).")
    private String slug;

    @Override
    public Integer call() throws Exception {
        if (!kind.equals("article")) {
            spec.commandLine().getErr().println("clinicbake: error[new.unknown-kind]: can only create an article, not '" + kind + "'\n"
                    + "  hint: clinicbake new article \"Title\"");
            return ExitCode.USAGE.code();
        }
        try {
            Path file = Scaffold.newArticle(site, title, type, provider, slug, java.time.Clock.systemUTC());
            spec.commandLine().getOut().printf("Created %s (a draft). Preview it with: clinicbake serve %s%n", file, InitCommand.shellWord(site));
            return ExitCode.OK.code();
        } catch (FileAlreadyExistsException e) {
            spec.commandLine().getErr().printf("%s: error[new.exists]: the file exists; nothing was written%n"
                    + "  hint: choose another title, or another name with --slug%n", e.getFile());
            return ExitCode.USAGE.code();
        } catch (Scaffold.InvalidRequest e) {
            spec.commandLine().getErr().println("clinicbake: error[new.invalid]: " + e.getMessage() + "\n  hint: " + e.hint());
            return ExitCode.USAGE.code();
        }
    }
}
