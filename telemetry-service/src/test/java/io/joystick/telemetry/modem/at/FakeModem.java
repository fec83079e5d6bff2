package io.joystick.telemetry.modem.at;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.joystick.telemetry.serial.service.PtyPair;

/**
 * A modem at the hardware end of a {@link PtyPair}: it reads CR-terminated commands and answers each with
 * the lines set for it, wrapped in CR LF, then OK (or a given final code) — echoing the command first while
 * echo is on (ATE0/ATE1 switch it unless {@link #stubbornEcho}), and slipping URCs before or in the middle
 * of replies when asked to. Unknown commands get ERROR.
 */
public final class FakeModem implements AutoCloseable {

    public record Reply(List<String> lines, String finalCode) {
    }

    private final PtyPair pair;
    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> urcsBeforeNextReply = new CopyOnWriteArrayList<>();
    private volatile boolean echo = true;
    private volatile boolean stubbornEcho;
    private volatile boolean silent;
    private volatile String urcInsideReplies;
    private final Map<String, Duration> lateBy = new ConcurrentHashMap<>();
    private Thread thread;
    private volatile InputStream in;

    public FakeModem(PtyPair pair) {
        this.pair = pair;
        answer("ATE0", List.of());
        answer("ATE1", List.of());
    }

    public FakeModem answer(String command, List<String> lines) {
        replies.put(command, new Reply(lines, "OK"));
        return this;
    }

    public FakeModem fail(String command, String finalCode) {
        replies.put(command, new Reply(List.of(), finalCode));
        return this;
    }

    /** Echo stays on whatever ATE0 says (some firmware after a reset). */
    public FakeModem stubbornEcho() {
        stubbornEcho = true;
        return this;
    }

    /** Reads commands but never answers (a hung modem). */
    public FakeModem silent(boolean value) {
        silent = value;
        return this;
    }

    /** Answers {@code command} only after {@code delay}, reading nothing meanwhile (a busy modem). */
    public FakeModem lateBy(String command, Duration delay) {
        lateBy.put(command, delay);
        return this;
    }

    /** Sends this URC between the first reply line and the rest of every reply. */
    public FakeModem urcInsideReplies(String urc) {
        urcInsideReplies = urc;
        return this;
    }

    public FakeModem urcBeforeNextReply(String urc) {
        urcsBeforeNextReply.add(urc);
        return this;
    }

    public List<String> received() {
        return received;
    }

    public boolean echo() {
        return echo;
    }

    public FakeModem start() {
        thread = new Thread(this::serve, "fake modem " + pair.peer());
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void serve() {
        try (InputStream input = new FileInputStream(pair.peer().toFile());
                OutputStream out = new FileOutputStream(pair.peer().toFile())) {
            in = input;
            StringBuilder command = new StringBuilder();
            int b;
            while ((b = input.read()) >= 0) {
                if (b == '\r' || b == '\n') {
                    if (command.length() > 0) {
                        handle(command.toString(), out);
                        command.setLength(0);
                    }
                } else {
                    command.append((char) b);
                }
            }
        } catch (IOException e) {
            // unplugged
        }
    }

    private void handle(String command, OutputStream out) throws IOException {
        received.add(command);
        if (silent) {
            return;
        }
        Duration delay = lateBy.get(command);
        if (delay != null) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        StringBuilder reply = new StringBuilder();
        if (echo) {
            reply.append(command).append("\r");
        }
        if (command.equals("ATE0") && !stubbornEcho) {
            echo = false;
        } else if (command.equals("ATE1")) {
            echo = true;
        }
        for (String urc : urcsBeforeNextReply) {
            reply.append("\r\n").append(urc).append("\r\n");
        }
        urcsBeforeNextReply.clear();
        Reply answer = replies.getOrDefault(command, new Reply(List.of(), "ERROR"));
        for (int i = 0; i < answer.lines().size(); i++) {
            reply.append("\r\n").append(answer.lines().get(i)).append("\r\n");
            if (i == 0 && urcInsideReplies != null) {
                reply.append("\r\n").append(urcInsideReplies).append("\r\n");
            }
        }
        reply.append("\r\n").append(answer.finalCode()).append("\r\n");
        // modems deliver in small pieces
        byte[] bytes = reply.toString().getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i += 13) {
            out.write(bytes, i, Math.min(13, bytes.length - i));
            out.flush();
        }
    }

    @Override
    public void close() {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }
}
