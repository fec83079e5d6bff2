package io.joystick.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.JwksFileAuth;
import io.joystick.notification.push.service.Connections;
import io.joystick.notification.push.service.Outgoing;
import io.joystick.notification.store.repository.Audience;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** A client that stops reading must cost the others nothing, and is let go of once its queue is full. */
@Tag("database")
@QuarkusTest
@QuarkusTestResource(JwksFileAuth.class)
@QuarkusTestResource(DeviceServiceMock.class)
class StuckClientTest {

    @Inject
    Connections connections;

    @Test
    void aClientThatStopsReadingIsDisconnectedAndDoesNotDelayTheOthers() throws Exception {
        String stuckUser = Fixtures.unique("stuck");
        String liveUser = Fixtures.unique("live");
        try (Socket stuck = upgradeAndNeverRead(Fixtures.user(stuckUser));
                WsClient live = WsClient.withToken(Fixtures.user(liveUser))) {
            Fixtures.awaitRegistered(connections, stuckUser, liveUser);
            String bulky = "{\"type\":\"notification\",\"payload\":{\"message\":\"" + "x".repeat(60_000) + "\"}}";
            Outgoing forStuck = new Outgoing(0, "bulk", Audience.USER, stuckUser, Set.of(), bulky);

            int rounds = 0;
            while (connections.countFor(stuckUser) > 0 && rounds < 100) {
                for (int i = 0; i < 20; i++) {
                    connections.deliver(forStuck);
                }
                // Real sends to the live client keep arriving while the stuck one's data piles up.
                live.awaitNotification(Fixtures.send(Fixtures.to(liveUser, "round " + rounds)));
                rounds++;
            }
            assertEquals(0, connections.countFor(stuckUser), "the stuck client should have been dropped");
            assertTrue(rounds > 1, "the stuck client must have taken some data before it was dropped");
            assertEquals(1, connections.countFor(liveUser));
            live.awaitNotification(Fixtures.send(Fixtures.to(liveUser, "after the drop")));
            assertTrue(endsWithin(stuck, Duration.ofSeconds(30)), "the server should close the stuck connection");
        }
    }

    /** A WebSocket client at the socket level: it completes the upgrade, then never reads a byte. */
    private static Socket upgradeAndNeverRead(String token) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", RestAssured.port), 5000);
        socket.setSoTimeout(5000);
        String key = Base64.getEncoder().encodeToString("stuck-client-key".getBytes(StandardCharsets.US_ASCII));
        String request =
                "GET /notifications?token=" + token + " HTTP/1.1\r\n" + "Host: localhost:" + RestAssured.port + "\r\n"
                        + "Upgrade: websocket\r\nConnection: Upgrade\r\n" + "Sec-WebSocket-Key: " + key + "\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String head = readHead(socket.getInputStream());
        assertTrue(head.startsWith("HTTP/1.1 101"), head);
        return socket;
    }

    /** Reads what the server had buffered until it closes the connection. */
    private static boolean endsWithin(Socket socket, Duration limit) throws IOException {
        socket.setSoTimeout((int) limit.toMillis());
        byte[] buffer = new byte[64 * 1024];
        InputStream in = socket.getInputStream();
        try {
            while (in.read(buffer) >= 0) {
                // drain
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset by the server: closed as well
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
