package io.joystick.device.execution.service;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSH's own sshd on 127.0.0.1 and a free high port, with a generated host key and a generated
 * login key for the current user: the server a real device runs. Fails (never skips) when sshd is not
 * installed, because CI installs it.
 */
public final class OpenSshServer implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Path dir;
    private final TestKeys userKey;
    private final int port;
    private final Process process;

    private OpenSshServer(Path dir, TestKeys userKey, int port, Process process) {
        this.dir = dir;
        this.userKey = userKey;
        this.port = port;
        this.process = process;
    }

    public static OpenSshServer start(Path dir) throws Exception {
        if (!Files.isExecutable(SSHD)) {
            throw new IllegalStateException(
                    SSHD + " is missing: install OpenSSH's server (apt-get install -y openssh-server)"
                            + " to run the end-to-end SSH tests");
        }
        ensurePrivilegeSeparationDirectory();
        TestKeys hostKey = TestKeys.generate(dir, "ssh_host_ed25519_key", "-t", "ed25519");
        TestKeys userKey = TestKeys.generate(dir, "id_ed25519", "-t", "ed25519");
        int port = freePort();
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey.privateKeyFile(),
                "AuthorizedKeysFile " + userKey.privateKeyFile() + ".pub",
                "PidFile " + dir.resolve("sshd.pid"),
                "UsePAM no",
                "StrictModes no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "MaxSessions 20",
                "MaxStartups 100",
                "LogLevel INFO",
                // The tests must not depend on (or wait for) the dotfiles of whoever runs them: bash sources
                // ~/.bashrc for ssh commands only at SHLVL < 2, and a terminal's interactive shell finds its
                // dotfiles through HOME, here an empty directory (a user's .bashrc can hang on a lock a
                // killed shell left behind).
                "SetEnv SHLVL=1 HOME=" + Files.createDirectories(dir.resolve("home")),
                ""), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("sshd.log").toFile())
                .start();
        OpenSshServer server = new OpenSshServer(dir, userKey, port, process);
        server.awaitListening();
        return server;
    }

    public SshTarget target(String deviceId) {
        return new SshTarget(deviceId, "127.0.0.1", port, System.getProperty("user.name"), null, userKey.privateKey());
    }

    public int port() {
        return port;
    }

    public TestKeys userKey() {
        return userKey;
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("sshd.log"));
    }

    @Override
    public void close() throws Exception {
        // sshd's session processes outlive the listener they forked from; the test leaves none behind.
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("sshd exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("sshd did not start listening on port " + port + ":\n" + log());
    }

    /** sshd refuses to start without it; Debian's service unit normally creates it at boot. */
    private static void ensurePrivilegeSeparationDirectory() throws IOException {
        Path privsep = Path.of("/run/sshd");
        if (!Files.isDirectory(privsep)) {
            Files.createDirectories(privsep);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
