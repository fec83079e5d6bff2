package io.joystick.device.execution.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;

/**
 * Runs exec requests as real {@code /bin/sh -c} processes with stdout and stderr kept apart (so the
 * client's merging is what gets tested). Like a real device's sshd, it kills the command's whole
 * process tree on a KILL/TERM signal request or when the channel closes; MINA's stock
 * ProcessShellCommandFactory only kills the shell and would leave {@code sleep} children behind.
 */
final class ProcessCommandFactory implements CommandFactory {

    @Override
    public Command createCommand(ChannelSession channel, String command) {
        return new ProcessCommand(command);
    }

    private static final class ProcessCommand implements Command {

        private final String command;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private volatile Process process;

        ProcessCommand(String command) {
            this.command = command;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            process = new ProcessBuilder("/bin/sh", "-c", command).start();
            env.addSignalListener((ch, signal) -> killTree(), Signal.KILL, Signal.TERM, Signal.INT, Signal.HUP);
            Thread stdout = pump(process.getInputStream(), out, false);
            Thread stderr = pump(process.getErrorStream(), err, false);
            pump(in, process.getOutputStream(), true);
            Thread waiter = new Thread(() -> {
                try {
                    int code = process.waitFor();
                    stdout.join();
                    stderr.join();
                    exit.onExit(code);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "test-sshd-wait");
            waiter.setDaemon(true);
            waiter.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            killTree();
        }

        private void killTree() {
            Process p = process;
            if (p != null) {
                List<ProcessHandle> descendants = p.descendants().toList();
                p.destroyForcibly();
                descendants.forEach(ProcessHandle::destroyForcibly);
            }
        }

        private static Thread pump(InputStream from, OutputStream to, boolean closeTarget) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try {
                    int n;
                    while ((n = from.read(buffer)) >= 0) {
                        to.write(buffer, 0, n);
                        to.flush();
                    }
                } catch (IOException e) {
                    // channel or process gone
                } finally {
                    if (closeTarget) {
                        try {
                            to.close();
                        } catch (IOException ignored) {
                            // already closed
                        }
                    }
                }
            }, "test-sshd-pump");
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }
    }
}
