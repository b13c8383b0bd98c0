package org.clinicbake.cli;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.clinicbake.scaffold.Scaffold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a new clinic site that bakes at once: settings, clinic and provider data, clinic pages and a first article.")
final class InitCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".",
            description = "Folder for the new site; it must be empty or missing (default: the current folder).")
    private Path dir;

    /** The path as the shell reads it back: quoted when it holds a space or another special character. */
    static String shellWord(Path path) {
        String text = path.toString();
        return text.matches("[A-Za-z0-9_./:@%+=,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    @Override
    public Integer call() throws Exception {
        try {
            var files = Scaffold.init(dir, java.time.Clock.systemUTC());
            spec.commandLine().getOut().printf(java.util.Locale.ROOT, "Created a clinic site in %s (%d files). Next:%n  clinicbake bake %s%n"
                    + "  clinicbake new article \"Your first article\" --site %s%n", dir.toAbsolutePath().normalize(),
                    files.size(), shellWord(dir), shellWord(dir));
            return ExitCode.OK.code();
        } catch (java.nio.file.NotDirectoryException e) {
            spec.commandLine().getErr().printf("%s: error[init.not-a-folder]: this is a file, not a folder; nothing was written%n"
                    + "  hint: choose a new folder, e.g. clinicbake init my-clinic%n", dir);
            return ExitCode.USAGE.code();
        } catch (FileAlreadyExistsException e) {
            spec.commandLine().getErr().printf("%s: error[init.not-empty]: the folder is not empty; nothing was written%n"
                    + "  hint: choose a new folder, e.g. clinicbake init my-clinic%n", dir);
            return ExitCode.USAGE.code();
        }
    }
}
