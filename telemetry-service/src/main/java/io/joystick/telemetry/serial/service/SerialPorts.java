package io.joystick.telemetry.serial.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

/**
 * Opened serial ports by device path, so a port used by several sensors (the modem's AT port serves
 * cellular, modem GPS and modem battery) has exactly one owner and one reader thread.
 */
public final class SerialPorts implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SerialPorts.class);

    private final Map<Path, SerialLink> links = new ConcurrentHashMap<>();
    private final Duration reopenDelay;

    public SerialPorts(Duration reopenDelay) {
        this.reopenDelay = reopenDelay;
    }

    /** The link for {@code path}, opened on first use; later callers share it (a different baud is ignored). */
    public SerialLink link(String path, int baud) {
        Path key = Path.of(path).toAbsolutePath().normalize();
        SerialLink link = links.computeIfAbsent(key, k -> {
            SerialLink created = new SerialLink(path, baud, reopenDelay);
            created.start();
            return created;
        });
        if (link.baud() != baud) {
            LOG.warnf("Serial port %s is already open at %d baud; ignoring the request for %d", path, link.baud(),
                    baud);
        }
        return link;
    }

    public int size() {
        return links.size();
    }

    @Override
    public void close() {
        links.values().forEach(SerialLink::close);
        links.clear();
    }
}
