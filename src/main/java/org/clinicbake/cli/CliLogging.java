package org.clinicbake.cli;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.EncoderBase;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The command line's logging: errors only, on standard error, as {@code ERROR Logger: message}. The CLI
 * reports problems as diagnostics, so JBake's and OrientDB's progress logging is noise; Asciidoctor's
 * messages reach the build as diagnostics with file, line, code and hint; and JBake logs each page that
 * fails to render with its stack trace (hundreds of lines for one template mistake), which the bake
 * reports as a diagnostic at the template's line.
 *
 * <p>Set up in code rather than read from an XML file: Logback's XML configuration took ~60 ms of CPU at
 * the start of every command, while JRuby boots on the same two cores, and this takes ~20. It applies
 * only when {@link Main} asks for it ({@value #PROPERTY}): a program that uses ClinicBake as a library
 * keeps its own logging configuration, and {@code -Dlogback.configurationFile} still wins on the command line.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class CliLogging extends ContextAwareBase implements Configurator {

    /** Set by {@link Main} when no Logback configuration file was named. */
    static final String PROPERTY = "clinicbake.cli-logging";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (!Boolean.getBoolean(PROPERTY)) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LevelAndMessage encoder = new LevelAndMessage();
        encoder.setContext(context);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.ERROR);
        root.addAppender(stderr);
        context.getLogger("asciidoctor").setLevel(Level.OFF);
        context.getLogger("org.jbake").setLevel(Level.OFF);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** {@code ERROR Logger: message}, with the logger's simple name, then the stack trace of an exception logged. */
    static final class LevelAndMessage extends EncoderBase<ILoggingEvent> {

        @Override
        public byte[] headerBytes() {
            return null;
        }

        @Override
        public byte[] encode(ILoggingEvent event) {
            String logger = event.getLoggerName();
            StringBuilder text = new StringBuilder().append(event.getLevel()).append(' ')
                    .append(logger.substring(logger.lastIndexOf('.') + 1)).append(": ")
                    .append(event.getFormattedMessage()).append(System.lineSeparator());
            for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                text.append(thrown.getClassName()).append(": ").append(thrown.getMessage()).append(System.lineSeparator());
                for (StackTraceElementProxy frame : thrown.getStackTraceElementProxyArray()) {
                    text.append('\t').append(frame.getSTEAsString()).append(System.lineSeparator());
                }
            }
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public byte[] footerBytes() {
            return null;
        }
    }
}
