package io.joystick.telemetry.serial.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jboss.logging.Logger;

import com.fazecast.jSerialComm.SerialPort;

/**
 * The single owner of one serial device: a background thread opens it (jSerialComm), hands every byte read
 * to the listeners, and when the device disappears (read error, or its path is gone, as when a USB modem is
 * unplugged) closes it and keeps trying to open it again, so readings resume without restarting the service.
 */
public final class SerialLink implements AutoCloseable {

    /** Receives what the port delivers, on the link's reader thread; must not block. */
    public interface Listener {
        void onBytes(byte[] data, int count);

        default void onOpened() {
        }

        default void onClosed() {
        }
    }

    private static final Logger LOG = Logger.getLogger(SerialLink.class);
    private static final int READ_TIMEOUT_MS = 200;
    private static final int WRITE_TIMEOUT_MS = 1000;

    private final String path;
    private final int baud;
    private final Duration reopenDelay;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile SerialPort port;
    private volatile boolean running = true;
    private volatile long openedCount;

    public SerialLink(String path, int baud, Duration reopenDelay) {
        this.path = path;
        this.baud = baud;
        this.reopenDelay = reopenDelay;
        this.reader = new Thread(this::run, "serial " + path);
        this.reader.setDaemon(true);
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public void start() {
        reader.start();
    }

    public String path() {
        return path;
    }

    public int baud() {
        return baud;
    }

    public boolean isOpen() {
        SerialPort current = port;
        return current != null && current.isOpen();
    }

    /** How many times the port has been opened: changes after every reconnection. */
    public long openedCount() {
        return openedCount;
    }

    public void write(byte[] data) throws IOException {
        SerialPort current = port;
        if (current == null || !current.isOpen()) {
            throw new IOException("Serial port " + path + " is not connected");
        }
        int written = current.writeBytes(data, data.length);
        if (written != data.length) {
            throw new IOException("Write to serial port " + path + " failed");
        }
    }

    private void run() {
        byte[] buffer = new byte[512];
        boolean warned = false;
        while (running) {
            SerialPort opened = open();
            if (opened == null) {
                if (!warned) {
                    LOG.warnf("Serial port %s is not available; retrying every %d ms", path, reopenDelay.toMillis());
                    warned = true;
                }
                pause();
                continue;
            }
            warned = false;
            port = opened;
            openedCount++;
            LOG.infof("Serial port %s open at %d baud", path, baud);
            listeners.forEach(Listener::onOpened);
            readUntilGone(opened, buffer);
            port = null;
            opened.closePort();
            listeners.forEach(Listener::onClosed);
            if (running) {
                LOG.warnf("Serial port %s disconnected; waiting for it to come back", path);
                pause();
            }
        }
    }

    private SerialPort open() {
        if (!Files.exists(Path.of(path))) {
            return null;
        }
        try {
            SerialPort candidate = SerialPort.getCommPort(path);
            candidate.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
            candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                    READ_TIMEOUT_MS, WRITE_TIMEOUT_MS);
            return candidate.openPort() ? candidate : null;
        } catch (RuntimeException e) {
            LOG.debugf(e, "Opening serial port %s failed", path);
            return null;
        }
    }

    private void readUntilGone(SerialPort opened, byte[] buffer) {
        while (running) {
            int count = opened.readBytes(buffer, buffer.length);
            if (count < 0 || !opened.isOpen()) {
                return;
            }
            if (count > 0) {
                for (Listener listener : listeners) {
                    try {
                        listener.onBytes(buffer, count);
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "Reading from serial port %s failed", path);
                    }
                }
            } else if (!Files.exists(Path.of(path))) {
                return;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(reopenDelay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        reader.interrupt();
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SerialPort current = port;
        if (current != null) {
            current.closePort();
        }
    }
}
