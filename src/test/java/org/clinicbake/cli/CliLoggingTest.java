package org.clinicbake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The command line's logging: errors only, as one line each, and only where the command line asks for it. */
class CliLoggingTest {

    @AfterEach
    void forgetTheProperty() {
        System.clearProperty(CliLogging.PROPERTY);
    }

    @Test
    void aProgramUsingClinicBakeKeepsItsOwnConfiguration() {
        LoggerContext context = new LoggerContext();

        assertEquals(ExecutionStatus.INVOKE_NEXT_IF_ANY, configure(context));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertFalse(root.iteratorForAppenders().hasNext(), "no appender added");
        assertNull(context.getLogger("org.jbake").getLevel());
    }

    @Test
    void theCommandLineShowsOnlyErrorsAndNothingOfJBakeOrAsciidoctor() {
        System.setProperty(CliLogging.PROPERTY, "true");
        LoggerContext context = new LoggerContext();

        assertEquals(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, configure(context));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.ERROR, root.getLevel());
        assertTrue(root.getAppender("STDERR").isStarted());
        assertFalse(context.getLogger("com.orientechnologies.orient.core.Orient").isWarnEnabled());
        assertTrue(context.getLogger("com.orientechnologies.orient.core.Orient").isErrorEnabled());
        assertFalse(context.getLogger("org.jbake.app.Oven").isErrorEnabled());
        assertFalse(context.getLogger("asciidoctor").isErrorEnabled());
    }

    @Test
    void anErrorIsOneLineWithTheLoggersSimpleNameThenWhatWasThrown() {
        LoggerContext context = new LoggerContext();
        Logger logger = context.getLogger("com.orientechnologies.orient.core.Orient");
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, "cannot open {}", null,
                new Object[] {"db"});
        CliLogging.LevelAndMessage encoder = new CliLogging.LevelAndMessage();
        assertEquals("ERROR Orient: cannot open db" + System.lineSeparator(),
                new String(encoder.encode(event), StandardCharsets.UTF_8));

        LoggingEvent failed = new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, "failed",
                new IllegalStateException("locked"), null);
        String text = new String(encoder.encode(failed), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("ERROR Orient: failed" + System.lineSeparator()
                + "java.lang.IllegalStateException: locked" + System.lineSeparator() + "\tat "), text);
    }

    private static ExecutionStatus configure(LoggerContext context) {
        CliLogging logging = new CliLogging();
        logging.setContext(context);
        return logging.configure(context);
    }
}
