package io.joystick.suite.story;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.joystick.auth.testapp.PackagedService;

/**
 * An edge device with a real login shell: OpenSSH's sshd on 127.0.0.1 and a free port, with generated host
 * and login keys for the current user, as device-service's terminal tests run it. The web terminal needs a
 * PTY shell, which {@link SshDevice} does not offer.
 */
final class OpenSshDevice implements AutoCloseable {

    static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Process process;
    private final Path dir;
    private final int port;
    private final String privateKey;

    private OpenSshDevice(Process process, Path dir, int port, String privateKey) {
        this.process = process;
        this.dir = dir;
        this.port = port;
        this.privateKey = privateKey;
    }

    static OpenSshDevice start(Path dir) throws Exception {
        if (!Files.isExecutable(SSHD)) {
            throw new IllegalStateException(SSHD + " is missing (apt-get install openssh-server); .ci/run installs it");
        }
        Files.createDirectories(dir);
        // sshd refuses to start without its privilege separation directory, which Debian's service unit makes at boot
        Files.createDirectories(Path.of("/run/sshd"));
        Path hostKey = keygen(dir, "ssh_host_ed25519_key");
        Path userKey = keygen(dir, "id_ed25519");
        int port = PackagedService.freePort();
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + hostKey,
                "AuthorizedKeysFile " + userKey + ".pub",
                "PidFile " + dir.resolve("sshd.pid"),
                "UsePAM no",
                "StrictModes no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                // the shell must not depend on the dotfiles of whoever runs the test
                "SetEnv SHLVL=1",
                ""), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile()).start();
        OpenSshDevice device = new OpenSshDevice(process, dir, port, Files.readString(userKey));
        device.awaitListening();
        return device;
    }

    int port() {
        return port;
    }

    String user() {
        return System.getProperty("user.name");
    }

    /** The login key as an operator pastes it into the device's information (write-only there). */
    String privateKey() {
        return privateKey;
    }

    @Override
    public void close() throws Exception {
        // the shells sshd forked outlive its listener
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
                throw new IllegalStateException("sshd exited: " + Files.readString(dir.resolve("sshd.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("sshd did not listen on " + port + ": " + Files.readString(dir.resolve("sshd.log")));
    }

    private static Path keygen(Path dir, String name) throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        Process process = new ProcessBuilder(List.of("ssh-keygen", "-q", "-N", "", "-t", "ed25519", "-C", name, "-f", file.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("ssh-keygen failed: " + output);
        }
        return file;
    }
}
