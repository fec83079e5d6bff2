package io.joystick.device.execution.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Forwards TCP connections on loopback to a device's port, as its link does. {@link #freezeExistingConnections()}
 * makes the current connections swallow all traffic while staying open, as a cellular link that died silently
 * does; connections made afterwards work normally. {@link #switchTo(int)} sends new connections to another port,
 * as an address does when the device behind it was re-installed.
 */
public final class DeviceLinkProxy implements AutoCloseable {

    private final ServerSocket listener;
    private volatile int targetPort;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();

    public DeviceLinkProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        daemon(this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Connections made from now on go to this port. */
    public void switchTo(int port) {
        targetPort = port;
    }

    public void freezeExistingConnections() {
        connections.forEach(connection -> connection.frozen = true);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Connection connection : connections) {
            connection.close();
        }
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket client = listener.accept();
                Socket server = new Socket("127.0.0.1", targetPort);
                Connection connection = new Connection(client, server);
                connections.add(connection);
                daemon(() -> connection.pump(client, server));
                daemon(() -> connection.pump(server, client));
            }
        } catch (IOException closed) {
            // proxy closed
        }
    }

    private static void daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "test-tcp-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    private static final class Connection {
        private final Socket client;
        private final Socket server;
        volatile boolean frozen;

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (!frozen) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side closed
            }
            if (!frozen) {
                close();
            }
        }

        void close() {
            try {
                client.close();
                server.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
