package io.joystick.device.terminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Forwards TCP connections on loopback to a target port that can be switched, as a device's address does
 * when the device behind it was re-installed. {@link #silenceExistingConnections()} makes the current
 * connections swallow all traffic while staying open, as a mobile link that died without a word does.
 */
final class SwitchableTcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<AtomicBoolean> silenced = new CopyOnWriteArrayList<>();
    private volatile int targetPort;

    SwitchableTcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        daemon(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections made from now on go to this port. */
    void switchTo(int port) {
        targetPort = port;
    }

    void silenceExistingConnections() {
        silenced.forEach(flag -> flag.set(true));
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket client = listener.accept();
                Socket server = new Socket("127.0.0.1", targetPort);
                sockets.add(client);
                sockets.add(server);
                AtomicBoolean silent = new AtomicBoolean();
                silenced.add(silent);
                daemon(() -> pump(client, server, silent));
                daemon(() -> pump(server, client, silent));
            }
        } catch (IOException closed) {
            // proxy closed
        }
    }

    private static void pump(Socket from, Socket to, AtomicBoolean silent) {
        byte[] buffer = new byte[16384];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (!silent.get()) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException closed) {
            // either side closed
        }
    }

    private static void daemon(Runnable runnable) {
        Thread thread = new Thread(runnable, "switchable-proxy");
        thread.setDaemon(true);
        thread.start();
    }
}
