package io.joystick.device.execution.service;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.apache.sshd.client.channel.ChannelShell;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.jboss.logging.Logger;

/**
 * An interactive shell with a PTY on a device, over a pooled SSH session. Output is pulled: the owner asks
 * for the next chunk only when it has passed on the previous one, so a shell whose reader is slow is held
 * back by SSH's own flow control and never by, or at the cost of, another shell.
 */
public final class RemoteShell {

    /** Why a shell ended. {@link Kind#CLOSED} is the owner's own {@link #close()}. */
    public record Ending(Kind kind, String message) {
    }

    public enum Kind {
        EXITED, LOST, CONNECTION_CHANGED, CLOSED
    }

    private static final Logger LOG = Logger.getLogger(RemoteShell.class);
    private static final int CHUNK = 16 * 1024;
    /** Keystrokes and pastes waiting for the device; more than this means the device stopped reading. */
    private static final int MAX_PENDING_INPUT = 256 * 1024;

    private final String deviceId;
    private final ChannelShell channel;
    private final SshSessionPool.Lease lease;
    private final Consumer<Ending> onEnd;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Deque<byte[]> pendingInput = new ArrayDeque<>();
    private int pendingInputBytes;
    private boolean writing;
    private volatile Ending requested;

    RemoteShell(String deviceId, ChannelShell channel, SshSessionPool.Lease lease, Consumer<Ending> onEnd) {
        this.deviceId = deviceId;
        this.channel = channel;
        this.lease = lease;
        this.onEnd = onEnd;
    }

    String deviceId() {
        return deviceId;
    }

    void watch(Runnable onClosed) {
        channel.addCloseFutureListener(closed -> {
            onClosed.run();
            finish();
        });
    }

    /** Reads the next chunk of output and hands it to {@code sink}; nothing when the output has ended. */
    public void readOutput(Consumer<byte[]> sink) {
        try {
            channel.getAsyncOut().read(new ByteArrayBuffer(CHUNK)).addListener(read -> {
                if (read.getException() != null) {
                    return; // end of output: the channel's close reports how the shell ended
                }
                int count = read.getRead();
                if (count < 0) {
                    return;
                }
                var buffer = read.getBuffer();
                sink.accept(Arrays.copyOfRange(buffer.array(), buffer.rpos(), buffer.wpos()));
            });
        } catch (RuntimeException e) {
            LOG.debugf("Reading the shell output of device %s failed: %s", deviceId, e.getMessage());
            end(new Ending(Kind.LOST, "Connection to the device was lost"));
        }
    }

    /** Queues input for the shell in order; false when the device has stopped taking it. */
    public boolean write(byte[] input) {
        synchronized (pendingInput) {
            if (pendingInputBytes + input.length > MAX_PENDING_INPUT) {
                return false;
            }
            pendingInput.add(input);
            pendingInputBytes += input.length;
            if (writing) {
                return true;
            }
            writing = true;
        }
        writeNext();
        return true;
    }

    public void resize(int columns, int rows) {
        try {
            channel.sendWindowChange(columns, rows);
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Resizing the shell of device %s failed: %s", deviceId, e.getMessage());
        }
    }

    /** Hangs the shell up (the device sends it SIGHUP). */
    public void close() {
        end(new Ending(Kind.CLOSED, "Closed"));
    }

    void end(Ending ending) {
        if (requested == null) {
            requested = ending;
        }
        channel.close(true);
    }

    private void writeNext() {
        byte[] next;
        synchronized (pendingInput) {
            next = pendingInput.poll();
            if (next == null) {
                writing = false;
                return;
            }
            pendingInputBytes -= next.length;
        }
        try {
            channel.getAsyncIn().writeBuffer(new ByteArrayBuffer(next)).addListener(written -> {
                if (written.isWritten()) {
                    writeNext();
                } else {
                    end(new Ending(Kind.LOST, "Connection to the device was lost"));
                }
            });
        } catch (IOException | RuntimeException e) {
            end(new Ending(Kind.LOST, "Connection to the device was lost"));
        }
    }

    private void finish() {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        lease.close();
        Ending ending = requested;
        if (ending == null) {
            Integer status = channel.getExitStatus();
            String signal = channel.getExitSignal();
            ending = status != null ? new Ending(Kind.EXITED, "Shell exited with status " + status)
                    : signal != null ? new Ending(Kind.EXITED, "Shell ended by signal " + signal)
                            : new Ending(Kind.LOST, "Connection to the device was lost");
        }
        onEnd.accept(ending);
    }
}
