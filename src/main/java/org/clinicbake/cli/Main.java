package org.clinicbake.cli;

import java.io.PrintWriter;
import java.util.List;

import org.clinicbake.ClinicBake;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code clinicbake} command. Only {@link #main} exits the JVM; {@link #run} returns the code, for tests. */
@Command(name = "clinicbake", mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Bakes pain-clinic patient-education sites written in AsciiDoc into static HTML.")
public final class Main implements Runnable {

    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(BakeCommand.class, ServeCommand.class, CheckCommand.class,
            InitCommand.class, NewCommand.class, CommandLine.HelpCommand.class);

    public static void main(String[] args) {
        quietLibraryLogging();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * JBake and OrientDB log progress on every bake; the CLI reports problems as diagnostics, so only
     * their errors are shown ({@link CliLogging}). OrientDB logs through java.util.logging, hence the bridge.
     *
     * <p>Logback reads its configuration on a thread of its own, beside the parsing of the command
     * line: read when the bake first logged, it held up JRuby's boot by ~0.13 s. SLF4J makes a
     * logger asked for meanwhile wait for it, and replays what was logged.
     */
    private static void quietLibraryLogging() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty(CliLogging.PROPERTY, "true");
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        Thread configuring = new Thread(LoggerFactory::getILoggerFactory, "clinicbake-logging");
        configuring.setDaemon(true);
        configuring.start();
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        for (Class<?> command : commandsFor(args)) {
            commandLine.addSubcommand(command);
        }
        // Set after the subcommands are added: picocli passes these settings on to the subcommands it has.
        commandLine.setOut(out)
                .setErr(err)
                .setExitCodeExceptionMapper(exception -> exception instanceof CommandLine.ParameterException
                        ? ExitCode.USAGE.code() : ExitCode.INTERNAL_ERROR.code())
                .setExecutionExceptionHandler((exception, cmd, parseResult) -> internalError(exception, cmd.getErr()))
                .setParameterExceptionHandler((exception, arguments) -> usageError(exception))
                .registerConverter(java.time.LocalDate.class, Main::day);
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCode.USAGE.code());
        return commandLine.execute(args);
    }

    /**
     * A command line ClinicBake cannot run, in the one error format, with picocli's suggestion for a
     * mistyped word: picocli printed its message above the whole help text, and a date it could not
     * read as a Java exception.
     */
    static int usageError(CommandLine.ParameterException exception) {
        CommandLine command = exception.getCommandLine();
        PrintWriter err = command.getErr();
        String message = exception.getMessage();
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched && command.getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            message = "'" + unmatched.getUnmatched().get(0) + "' is not a command"; // picocli: "Unmatched arguments from index 0"
        }
        err.println("clinicbake: error[usage]: " + message);
        CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
        String name = command.getParent() == null ? "clinicbake" : "clinicbake " + command.getCommandName();
        err.println("  hint: `" + name + " --help` lists what it takes");
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** A day given on the command line ({@code --today}), as the help shows it. */
    private static java.time.LocalDate day(String text) {
        try {
            return java.time.LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a day written YYYY-MM-DD, e.g. 2026-11-25");
        }
    }

    /** Reports a failure no command explained: a bug, since every mistake in a site is a diagnostic. */
    static int internalError(Exception exception, PrintWriter err) {
        err.println("clinicbake: error[internal]: " + exception);
        if (Boolean.getBoolean(ClinicBake.STACK_TRACE_PROPERTY)) {
            exception.printStackTrace(err);
        } else {
            // The launcher hands CLINICBAKE_JAVA_OPTS to java: a -D after the command would be taken for a clinicbake option.
            err.println("  hint: this is likely a ClinicBake bug: please report it with this message; CLINICBAKE_JAVA_OPTS=-D"
                    + ClinicBake.STACK_TRACE_PROPERTY + "=true prints where it happened");
        }
        err.flush();
        return ExitCode.INTERNAL_ERROR.code();
    }

    /**
     * The subcommands to build for these arguments: only the one named first, when one is (picocli
     * builds a command's model by reflection, ~0.1 s for all of them in a cold JVM, on the way to
     * every bake), else all of them, for the help and for picocli's suggestions.
     */
    static List<Class<?>> commandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                Command annotation = command.getAnnotation(Command.class);
                if (command != CommandLine.HelpCommand.class && annotation.name().equals(args[0])) {
                    return List.of(command);
                }
            }
        }
        return COMMANDS;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required, e.g. `clinicbake bake site`");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"clinicbake " + (version == null ? "(development build)" : version)};
        }
    }
}
