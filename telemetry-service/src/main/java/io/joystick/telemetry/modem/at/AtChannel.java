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

import io.joystick.telemetry.serial.service.SerialLink;

/**
 * AT commands over a serial link, one in flight at a time, each with its own timeout. Every line the modem
 * sends is classified as the echo of the command, an intermediate reply (it starts with the prefix the
 * command answers with, e.g. {@code +CSQ:}), a final result code ({@code OK}, {@code ERROR},
 * {@code +CME ERROR:}, {@code +CMS ERROR:}), or an unsolicited result code, which goes to the URC listeners
 * and never into a reply. Works whether echo is on or off.
 * <p>
 * A command that timed out may still be answered: its late final result code would otherwise end the next
 * command early with the wrong lines. So after a timeout the channel owes that command a final result code,
 * and the next command waits (up to half its own timeout) for it to arrive and be discarded before it is sent.
 * If the modem never sends it, the debt is forgiven then; a reply later than that can still be mistaken.
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
    /** Final result codes still owed by commands that timed out; guarded by {@code this}. */
    private int owedFinals;

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
                throw new AtException(AtException.Reason.TIMEOUT,
                        command + ": another command is still in flight on " + link.path());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtException(AtException.Reason.UNAVAILABLE, command + ": interrupted");
        }
        try {
            awaitLateReplies(command, deadline);
            Pending current = new Pending(command, replyPrefix);
            pending = current;
            try {
                link.write((command + "\r").getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new AtException(AtException.Reason.UNAVAILABLE, command + ": " + e.getMessage());
            }
            long left = Math.max(1, deadline - System.nanoTime());
            try {
                return current.result.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                AtException timedOut = new AtException(AtException.Reason.TIMEOUT,
                        command + ": no answer within " + timeout.toMillis() + " ms on " + link.path());
                if (current.result.completeExceptionally(timedOut)) {
                    oweFinal();
                }
                return current.result.get(); // the answer if it came just as the time ran out, else timedOut
            }
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
        synchronized (this) {
            owedFinals = 0; // a new connection: nothing late is coming
            notifyAll();
        }
    }

    @Override
    public void onClosed() {
        Pending current = pending;
        if (current != null) {
            current.result.completeExceptionally(
                    new AtException(AtException.Reason.UNAVAILABLE,
                            current.command + ": port " + link.path() + " disconnected"));
        }
    }

    /** Waits, at most until half the time to {@code deadline}, for the late replies of timed-out commands. */
    private void awaitLateReplies(String command, long deadline) throws InterruptedException {
        long until = System.nanoTime() + (deadline - System.nanoTime()) / 2;
        synchronized (this) {
            while (owedFinals > 0) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    LOG.debugf("%s: %d timed-out command(s) on %s never answered; sending anyway", command, owedFinals,
                            link.path());
                    owedFinals = 0;
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    private void onLine(String line) {
        Pending current = pending;
        if (current == null || current.result.isDone()) {
            if (!(isFinal(line) && settledLateReply(line))) {
                unsolicited(line);
            }
            return;
        }
        if (line.equalsIgnoreCase(current.command)) {
            return; // echo
        }
        if (line.equals("OK")) {
            current.result.complete(List.copyOf(current.lines));
        } else if (isFinal(line)) {
            current.result
                    .completeExceptionally(new AtException(AtException.Reason.REFUSED, current.command + ": " + line));
        } else if (current.prefix != null ? line.startsWith(current.prefix) : !looksUnsolicited(line)) {
            current.lines.add(line);
        } else {
            unsolicited(line);
        }
    }

    private static boolean isFinal(String line) {
        return line.equals("OK") || line.equals("ERROR") || line.startsWith("+CME ERROR")
                || line.startsWith("+CMS ERROR");
    }

    private synchronized void oweFinal() {
        owedFinals++;
    }

    /** @return whether {@code finalCode} was the late answer to a command that timed out */
    private synchronized boolean settledLateReply(String finalCode) {
        if (owedFinals == 0) {
            return false;
        }
        owedFinals--;
        LOG.debugf("Late %s on %s for a command that had timed out; discarded", finalCode, link.path());
        notifyAll();
        return true;
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
