package io.joystick.telemetry.modem.at;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import io.joystick.telemetry.serial.SerialLink;

/**
 * AT commands over a serial link, one in flight at a time, each with its own timeout. Every line the modem
 * sends is classified as the echo of the command, an intermediate reply (it starts with the prefix the
 * command answers with, e.g. {@code +CSQ:}), a final result code ({@code OK}, {@code ERROR},
 * {@code +CME ERROR:}, {@code +CMS ERROR:}), or an unsolicited result code, which goes to the URC listeners
 * and never into a reply. Works whether echo is on or off.
 */
public final class AtChannel implements SerialLink.Listener {

    private static final Logger LOG = Logger.getLogger(AtChannel.class);
    /** Unsolicited lines without a {@code +} (SIMCom start-up, Quectel's RDY after a reset). */
    private static final Set<String> BARE_URCS = Set.of("RDY", "PB DONE", "SMS DONE", "SMS Ready", "Call Ready",
            "NORMAL POWER DOWN", "START", "+PB DONE");

    private final SerialLink link;
    private final ReentrantLock inFlight = new ReentrantLock(true);
    private final AtLineAssembler assembler = new AtLineAssembler();
    private final List<Consumer<String>> urcListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Pending pending;

    public AtChannel(SerialLink link) {
        this.link = link;
        link.addListener(this);
    }

    public void onUnsolicited(Consumer<String> listener) {
        urcListeners.add(listener);
    }

    public boolean connected() {
        return link.isOpen();
    }

    /** Changes whenever the port was reopened, e.g. to send the set-up commands again. */
    public long connection() {
        return link.openedCount();
    }

    /**
     * Sends {@code command} (without CR) and returns its intermediate lines: those starting with
     * {@code replyPrefix}, or, when it is null, every line that is not echo, URC or result code.
     */
    public List<String> send(String command, String replyPrefix, Duration timeout) throws AtException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!inFlight.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AtException(AtException.Reason.TIMEOUT, command + ": another command is still in flight on " + link.path());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtException(AtException.Reason.UNAVAILABLE, command + ": interrupted");
        }
        try {
            Pending current = new Pending(command, replyPrefix);
            pending = current;
            try {
                link.write((command + "\r").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new AtException(AtException.Reason.UNAVAILABLE, command + ": " + e.getMessage());
            }
            long left = Math.max(1, deadline - System.nanoTime());
            return current.result.get(left, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new AtException(AtException.Reason.TIMEOUT, command + ": no answer within " + timeout.toMillis() + " ms on " + link.path());
        } catch (ExecutionException e) {
            throw (AtException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtException(AtException.Reason.UNAVAILABLE, command + ": interrupted");
        } finally {
            pending = null;
            inFlight.unlock();
        }
    }

    @Override
    public void onBytes(byte[] data, int count) {
        assembler.feed(data, count, this::onLine);
    }

    @Override
    public void onOpened() {
        assembler.reset();
    }

    @Override
    public void onClosed() {
        Pending current = pending;
        if (current != null) {
            current.result.completeExceptionally(
                    new AtException(AtException.Reason.UNAVAILABLE, current.command + ": port " + link.path() + " disconnected"));
        }
    }

    private void onLine(String line) {
        Pending current = pending;
        if (current == null) {
            unsolicited(line);
            return;
        }
        if (line.equalsIgnoreCase(current.command)) {
            return; // echo
        }
        if (line.equals("OK")) {
            current.result.complete(List.copyOf(current.lines));
        } else if (line.equals("ERROR") || line.startsWith("+CME ERROR") || line.startsWith("+CMS ERROR")) {
            current.result.completeExceptionally(new AtException(AtException.Reason.REFUSED, current.command + ": " + line));
        } else if (current.prefix != null ? line.startsWith(current.prefix) : !looksUnsolicited(line)) {
            current.lines.add(line);
        } else {
            unsolicited(line);
        }
    }

    private static boolean looksUnsolicited(String line) {
        return line.startsWith("+") || line.startsWith("*") || BARE_URCS.contains(line) || line.startsWith("AT");
    }

    private void unsolicited(String line) {
        LOG.debugf("URC on %s: %s", link.path(), line);
        for (Consumer<String> listener : urcListeners) {
            listener.accept(line);
        }
    }

    private static final class Pending {
        final String command;
        final String prefix;
        final List<String> lines = new ArrayList<>();
        final CompletableFuture<List<String>> result = new CompletableFuture<>();

        Pending(String command, String prefix) {
            this.command = command;
            this.prefix = prefix;
        }
    }
}
