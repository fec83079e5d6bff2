package io.joystick.device.execution.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remote commands are prefixed with a line that prints the remote shell's process id, which sshd
 * made a process-group leader. With it a timed-out command's whole group can be killed from a second
 * channel even where the server refuses signal requests (OpenSSH does for root logins). This filter
 * takes that first stdout line out of the output and remembers the number; any other first line
 * passes through untouched.
 */
final class ProcessGroupHeader extends OutputStream {

    private static final String PREFIX = "JOYSTICK_PGID=";
    private static final Pattern HEADER = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{1,10})");
    private static final int MAX_HEADER = PREFIX.length() + 12;

    private final OutputStream next;
    private final ByteArrayOutputStream header = new ByteArrayOutputStream();
    private boolean passThrough;
    private volatile long processGroup = -1;

    ProcessGroupHeader(OutputStream next) {
        this.next = next;
    }

    static String wrap(String command) {
        return "echo " + PREFIX + "$$\n" + command;
    }

    OptionalLong processGroup() {
        long group = processGroup;
        return group > 1 ? OptionalLong.of(group) : OptionalLong.empty();
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int i = 0;
        while (!passThrough && i < length) {
            byte b = bytes[offset + i++];
            if (b == '\n') {
                endHeader(false);
            } else {
                header.write(b);
                if (header.size() > MAX_HEADER) {
                    endHeader(true);
                }
            }
        }
        if (i < length) {
            next.write(bytes, offset + i, length - i);
        }
    }

    private void endHeader(boolean overlong) throws IOException {
        passThrough = true;
        String line = header.toString(StandardCharsets.UTF_8);
        Matcher matcher = HEADER.matcher(line);
        if (!overlong && matcher.matches()) {
            processGroup = Long.parseLong(matcher.group(1));
        } else {
            next.write(header.toByteArray());
            if (!overlong) {
                next.write('\n');
            }
        }
    }

    @Override
    public void flush() throws IOException {
        next.flush();
    }
}
