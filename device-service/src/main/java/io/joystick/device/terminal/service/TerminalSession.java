package io.joystick.device.terminal.service;

import java.security.Principal;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.joystick.auth.permission.Caller;
import io.joystick.device.execution.service.RemoteShell;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * One shell on a device and the WebSocket currently showing it, if any. The shell outlives a dropped
 * socket for the resume window; its output meanwhile goes only to the {@link OutputHistory}.
 * Output is pumped one chunk at a time: the next chunk is read from the device when the socket has
 * written the previous one (or at once while no socket is attached).
 */
public final class TerminalSession {

    private static final Logger LOG = Logger.getLogger(TerminalSession.class);

    private final String id;
    private volatile Caller caller;
    private volatile Principal credential;
    private final String deviceId;
    private final String host;
    private final int port;
    private final Instant started = Instant.now();
    private final OutputHistory history;
    private final Utf8Text text = new Utf8Text();
    private final ObjectMapper json;
    private final TranscriptRecorder transcript;
    private final AtomicLong bytesIn = new AtomicLong();
    private final AtomicLong bytesOut = new AtomicLong();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long lastActivityNanos = System.nanoTime();
    private volatile String clientAddress;
    private RemoteShell shell;
    private WebSocketConnection socket;
    // counted from creation until the first socket attaches, so a check between the shell's start and the
    // first attach does not take the session for one whose socket stayed away
    private long detachedAtNanos = System.nanoTime();

    TerminalSession(String id, Caller caller, Principal credential, String deviceId, String host, int port,
            String clientAddress, int replayBytes, TranscriptRecorder transcript, ObjectMapper json) {
        this.id = id;
        this.caller = caller;
        this.credential = credential;
        this.deviceId = deviceId;
        this.host = host;
        this.port = port;
        this.clientAddress = clientAddress;
        this.history = new OutputHistory(replayBytes);
        this.transcript = transcript;
        this.json = json;
    }

    /** Starts pumping the shell's output to whichever socket is attached. */
    void start(RemoteShell shell) {
        synchronized (this) {
            this.shell = shell;
        }
        shell.readOutput(this::output);
    }

    /** Shows the session on this socket: a {@code session} message, then the output the browser missed. */
    public synchronized void attach(WebSocketConnection connection, String address, boolean resumed) {
        socket = connection;
        clientAddress = address;
        touch();
        ObjectNode hello = json.createObjectNode().put("type", "session").put("id", id).put("device", deviceId)
                .put("resumed", resumed);
        OutputHistory.Missed missed = history.missed();
        if (resumed) {
            hello.put("lostBytes", missed.lost());
        }
        text.reset();
        send(connection, hello.toString());
        if (missed.bytes().length > 0) {
            send(connection, outputMessage(text.decode(missed.bytes())));
        }
    }

    /**
     * The user came back with this credential (perhaps a refreshed token): from now on the session lives as long
     * as it holds and its permissions allow.
     */
    void renew(Caller newCaller, Principal newCredential) {
        caller = newCaller;
        credential = newCredential;
    }

    /** The socket went away; the shell waits for a reconnect. */
    public synchronized void detach(WebSocketConnection connection) {
        if (socket != null && socket.id().equals(connection.id())) {
            socket = null;
            detachedAtNanos = System.nanoTime();
        }
    }

    synchronized boolean detachedLongerThan(long nanos) {
        return socket == null && System.nanoTime() - detachedAtNanos > nanos;
    }

    public synchronized boolean shownOn(WebSocketConnection connection) {
        return socket != null && socket.id().equals(connection.id());
    }

    public synchronized WebSocketConnection socket() {
        return socket;
    }

    public boolean input(String data) {
        byte[] bytes = data.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        bytesIn.addAndGet(bytes.length);
        touch();
        return shell.write(bytes);
    }

    public void resize(int columns, int rows) {
        touch();
        shell.resize(columns, rows);
    }

    boolean markEnded() {
        return ended.compareAndSet(false, true);
    }

    RemoteShell shell() {
        return shell;
    }

    private void output(byte[] chunk) {
        bytesOut.addAndGet(chunk.length);
        touch();
        if (transcript != null) {
            transcript.append(chunk); // output only: what is typed is never recorded
        }
        WebSocketConnection target;
        long offset;
        String message;
        synchronized (this) {
            history.append(chunk);
            target = socket;
            offset = history.produced();
            message = target == null ? null : outputMessage(text.decode(chunk));
            if (target != null) {
                // sent under the lock, so a reconnect's replay can never overtake or follow this chunk out of order
                // the next read is handed to a worker: a write that completes at once must not recurse
                target.sendText(message).subscribe().with(done -> {
                    history.delivered(offset);
                    Infrastructure.getDefaultExecutor().execute(this::readNext);
                }, failed -> Infrastructure.getDefaultExecutor().execute(this::readNext));
                return;
            }
        }
        Infrastructure.getDefaultExecutor().execute(this::readNext);
    }

    private void readNext() {
        if (!ended.get()) {
            shell.readOutput(this::output);
        }
    }

    private String outputMessage(String data) {
        return json.createObjectNode().put("type", "output").put("data", data).toString();
    }

    private static void send(WebSocketConnection connection, String message) {
        connection.sendText(message).subscribe().with(done -> {
        }, failed -> LOG.debugf("Sending to a terminal socket failed: %s", failed.toString()));
    }

    void close(CloseReason reason) {
        WebSocketConnection current;
        synchronized (this) {
            current = socket;
            socket = null;
        }
        if (current != null && current.isOpen()) {
            current.close(reason).subscribe().with(done -> {
            }, failed -> LOG.debugf("Closing a terminal socket failed: %s", failed.toString()));
        }
    }

    private void touch() {
        lastActivityNanos = System.nanoTime();
    }

    long idleNanos() {
        return System.nanoTime() - lastActivityNanos;
    }

    public String id() {
        return id;
    }

    /** The transcript being recorded; null when the device's model does not record terminals. */
    public TranscriptRecorder transcript() {
        return transcript;
    }

    Caller caller() {
        return caller;
    }

    public String userId() {
        return caller.id();
    }

    public String userName() {
        return caller.name();
    }

    Principal credential() {
        return credential;
    }

    public String deviceId() {
        return deviceId;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public Instant started() {
        return started;
    }

    public long bytesIn() {
        return bytesIn.get();
    }

    public long bytesOut() {
        return bytesOut.get();
    }
}
