package io.joystick.suite.story;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellCommandFactory;

/** The edge device of the story: a real SSH server on loopback that runs the commands it is sent. */
public final class SshDevice implements AutoCloseable {

    public static final String USER = "joystick";
    public static final String PASSWORD = "device-password-for-the-story";

    private final SshServer server = SshServer.setUpDefaultServer();

    public SshDevice(Path hostKey) throws IOException {
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setCommandFactory(ProcessShellCommandFactory.INSTANCE);
        server.start();
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
