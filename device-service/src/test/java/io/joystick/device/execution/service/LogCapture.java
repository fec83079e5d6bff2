package io.joystick.device.execution.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Records every log line at every level (including MINA's debug output) while open. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Level previousLevel = root.getLevel();
    private final Map<Handler, Level> consoleLevels = new HashMap<>();

    public LogCapture() {
        setLevel(Level.ALL);
        // Keep the console as it was; only this handler sees the extra debug and trace lines.
        for (Handler handler : root.getHandlers()) {
            consoleLevels.put(handler, handler.getLevel());
            if (handler.getLevel().intValue() < Level.INFO.intValue()) {
                handler.setLevel(Level.INFO);
            }
        }
        root.addHandler(this);
        root.setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLoggerName() != null && record.getLoggerName().startsWith("org.apache.http")) {
            return; // the test's own HTTP client (RestAssured) logging the requests it sends
        }
        StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                line.append(' ').append(parameter);
            }
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            line.append(' ').append(t);
        }
        lines.add(line.toString());
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(previousLevel);
        consoleLevels.forEach(Handler::setLevel);
    }
}
