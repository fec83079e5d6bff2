package io.joystick.device.execution.service;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;

/**
 * A real MINA SSH server on 127.0.0.1 running commands as processes, with password and public-key
 * login, counting the sessions and channels it sees. It can be restarted on the same port, with the
 * same or a new host key.
 */
public final class MinaSshServer implements AutoCloseable {

    static {
        MinaSecurity.useOwnProviderInstances();
    }

    public static final String USER = "operator";
    public static final String PASSWORD = "s3cret-Pa55word!";

    private final List<PublicKey> authorizedKeys;
    private final AtomicInteger sessionsCreated = new AtomicInteger();
    private final AtomicInteger openChannels = new AtomicInteger();
    private final AtomicInteger maxOpenChannels = new AtomicInteger();
    private KeyPair hostKey;
    private SshServer server;
    private int port;

    public MinaSshServer(PublicKey... authorizedKeys) throws GeneralSecurityException {
        this.authorizedKeys = List.of(authorizedKeys);
        this.hostKey = newHostKey();
    }

    public MinaSshServer start() throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user)
                && authorizedKeys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        server.setCommandFactory(new ProcessCommandFactory());
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                sessionsCreated.incrementAndGet();
            }
        });
        server.addChannelListener(new ChannelListener() {
            @Override
            public void channelOpenSuccess(Channel channel) {
                maxOpenChannels.accumulateAndGet(openChannels.incrementAndGet(), Math::max);
            }

            @Override
            public void channelClosed(Channel channel, Throwable reason) {
                openChannels.decrementAndGet();
            }
        });
        server.start();
        port = server.getPort();
        return this;
    }

    public void stop() throws IOException {
        server.stop(true);
    }

    public void restart() throws IOException {
        stop();
        start();
    }

    public void restartWithNewHostKey() throws IOException, GeneralSecurityException {
        stop();
        hostKey = newHostKey();
        start();
    }

    /** Drops every connection from the server side, as a device reboot or link loss would. */
    public void dropSessions() {
        server.getActiveSessions().forEach(session -> session.close(true));
    }

    public int port() {
        return port;
    }

    public int sessionsCreated() {
        return sessionsCreated.get();
    }

    public int activeSessions() {
        return server.getActiveSessions().size();
    }

    public int openChannels() {
        return openChannels.get();
    }

    public int maxOpenChannels() {
        return maxOpenChannels.get();
    }

    public PublicKey hostKey() {
        return hostKey.getPublic();
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            stop();
        }
    }

    private static KeyPair newHostKey() throws GeneralSecurityException {
        return KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
    }
}
