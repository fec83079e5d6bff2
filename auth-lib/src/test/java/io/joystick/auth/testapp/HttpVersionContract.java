package io.joystick.auth.testapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Joystick service answers a request line with an unsupported HTTP version the same way: 501, closed. A
 * service's {@code @QuarkusTest} extends this to hold its own HTTP server to it.
 */
public abstract class HttpVersionContract {

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.2", "HTTP/2.0", "HTTP/3.0", "HTTP/0.9", "HTTX/1.1"})
    void refusesAnUnsupportedHttpVersion(String version) throws IOException {
        String status = statusLine(port(), "GET /api/health " + version);
        assertEquals("501", status.split(" ")[1], status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.0", "HTTP/1.1"})
    void servesHttp1(String version) throws IOException {
        String status = statusLine(port(), "GET /api/health " + version);
        assertEquals(version + " 200 OK", status);
    }

    /**
     * The service's test port, read by the subclass: this class comes from auth-lib's test jar, outside the
     * Quarkus test's class loader, so its own configuration lookup would not see the service's.
     */
    protected abstract int port();

    /** The status line of the answer to a request with this request line. */
    public static String statusLine(int port, String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String line = in.readLine();
            return line == null ? "(connection closed without an answer)" : line;
        }
    }
}
