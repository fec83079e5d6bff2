package io.joystick.telemetry.serial.service;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real pseudo-terminal pair made by socat: {@link #device()} is what the service opens (as it would
 * /dev/ttyUSB0), {@link #peer()} is the hardware's end, which the test writes to and reads from. Killing
 * socat removes both links (unplug); {@link #start()} again recreates them under the same names (replug).
 */
public final class PtyPair implements AutoCloseable {

    private final Path device;
    private final Path peer;
    private Process socat;

    public PtyPair(Path directory, String name) {
        this.device = directory.resolve(name);
        this.peer = directory.resolve(name + "-peer");
    }

    public static PtyPair started(Path directory, String name) {
        PtyPair pair = new PtyPair(directory, name);
        pair.start();
        return pair;
    }

    public Path device() {
        return device;
    }

    public Path peer() {
        return peer;
    }

    public void start() {
        try {
            Files.createDirectories(device.getParent());
            // links left behind by a test run that was killed
            Files.deleteIfExists(device);
            Files.deleteIfExists(peer);
            socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + peer)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!(Files.exists(device) && Files.exists(peer))) {
                if (!socat.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("socat did not create " + device + " (is socat installed?)");
                }
                Thread.sleep(10);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("socat could not start (apt-get install socat)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Unplugs: socat exits and removes both links. */
    public void unplug() {
        if (socat == null) {
            return;
        }
        socat.destroy();
        try {
            if (!socat.waitFor(5, TimeUnit.SECONDS)) {
                socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(device);
            Files.deleteIfExists(peer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        socat = null;
    }

    /** Opens the hardware's end for writing. */
    public OutputStream openPeer() throws IOException {
        return new FileOutputStream(peer.toFile());
    }

    public void write(String text) {
        write(text.getBytes(StandardCharsets.US_ASCII));
    }

    public void write(byte[] bytes) {
        try (OutputStream out = openPeer()) {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        unplug();
    }
}
