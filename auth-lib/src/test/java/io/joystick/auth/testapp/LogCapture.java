package io.joystick.auth.testapp;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Every log record of the application under test while open (try-with-resources), as the text an operator could
 * read from it: level, logger, the raw and formatted message, each parameter and the whole exception chain with
 * its stack trace. {@link #start()} sees what the loggers emit at their configured levels; {@link #everyLevel()}
 * also debug and trace, without changing what the console shows.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** One captured record: {@code text} holds everything it could print. */
    public record Line(String logger, Level level, String text, Throwable thrown) {

        /** ERROR, or WARN and above with a stack trace. */
        public boolean serious() {
            return level.intValue() >= Level.SEVERE.intValue()
                    || level.intValue() >= Level.WARNING.intValue() && thrown != null;
        }

        @Override
        public String toString() {
            return level + " " + logger + ": " + text;
        }
    }

    private final Queue<Line> lines = new ConcurrentLinkedQueue<>();
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final Map<Handler, Level> consoleLevels = new HashMap<>();
    private final boolean everyLevel;

    private LogCapture(boolean everyLevel) {
        this.everyLevel = everyLevel;
        setLevel(Level.ALL);
        if (everyLevel) {
            // The console keeps its level; only this handler sees the extra debug and trace lines.
            for (Handler handler : root.getHandlers()) {
                consoleLevels.put(handler, handler.getLevel());
                if (handler.getLevel().intValue() < Level.INFO.intValue()) {
                    handler.setLevel(Level.INFO);
                }
            }
            root.setLevel(Level.ALL);
        }
        root.addHandler(this);
    }

    public static LogCapture start() {
        return new LogCapture(false);
    }

    public static LogCapture everyLevel() {
        return new LogCapture(true);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder text = new StringBuilder().append(record.getMessage());
        try {
            Method formatted = record.getClass().getMethod("getFormattedMessage"); // JBoss ExtLogRecord
            text.append('\n').append(formatted.invoke(record));
        } catch (ReflectiveOperationException | RuntimeException e) {
            // a plain LogRecord: the parameters below carry everything
        }
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append('\n').append(parameter);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        lines.add(new Line(String.valueOf(record.getLoggerName()), record.getLevel(), text.toString(),
                record.getThrown()));
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The texts of one logger's records. */
    public List<String> from(String loggerName) {
        return lines.stream().filter(l -> l.logger().equals(loggerName)).map(Line::text).toList();
    }

    /** Whether any record holds {@code fragment} anywhere. */
    public boolean contains(String fragment) {
        return lines.stream().anyMatch(l -> l.text().contains(fragment));
    }

    /** ERROR records, and any at WARN or above that carries a stack trace. */
    public List<Line> serious() {
        return lines.stream().filter(Line::serious).toList();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        if (everyLevel) {
            root.setLevel(rootLevel);
            consoleLevels.forEach(Handler::setLevel);
        }
    }
}
