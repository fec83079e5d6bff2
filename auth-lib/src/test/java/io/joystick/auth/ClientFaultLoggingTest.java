package io.joystick.auth;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.AuthServiceStub;
import io.joystick.auth.testapp.LogCapture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What a client can provoke at will (aborted uploads, bad chunk sizes, over-long request lines and headers,
 * garbage) never reaches the log as an error with a stack trace; a fault of the server's own still does.
 */
@QuarkusTest
@QuarkusTestResource(AuthServiceStub.class)
class ClientFaultLoggingTest {

    private static final String JSON_POST =
            "POST /test/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";

    private LogCapture records;

    @BeforeEach
    void capture() {
        records = LogCapture.start();
    }

    @AfterEach
    void stopCapturing() {
        records.close();
    }

    @Test
    void abortedUploadsAreNoErrors() throws Exception {
        abort(JSON_POST + "Content-Length: 1000\r\n\r\n{\"a\":");
        abort(JSON_POST + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\n");
        abort(JSON_POST + "Content-Length: 1000\r\n\r\n");
        // Each abort is noticed by the request that was reading the body; wait for all three.
        await().atMost(Duration.ofSeconds(10)).until(() -> clientFaults() >= 3);
        assertEquals(List.of(), records.serious());
    }

    @Test
    void malformedRequestsAreNoErrors() throws Exception {
        List<String> answers = List.of(
                answer(JSON_POST + "Transfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n"),
                answer(JSON_POST + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFFFF\r\nabc\r\n0\r\n\r\n"),
                answer("GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                answer("GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "b".repeat(100_000) + "\r\n\r\n"),
                answer("GET /api/health HTTP/1.1\r\nHost localhost\r\nBad Header\r\n\r\n"),
                answer("\u0001\u0002garbage\r\n\r\n"),
                answer(JSON_POST + "Transfer-Encoding: chunked\r\n\r\n100000\r\n" + "x".repeat(1_100_000)));
        for (String answer : answers) {
            assertTrue(answer.isEmpty() || answer.matches("HTTP/1\\.[01] 4\\d\\d .*"), "answer: " + answer);
        }
        // A request after them: everything they logged was logged before its answer.
        given().when().get("/api/health").then().statusCode(200);
        assertEquals(List.of(), records.serious());
    }

    @Test
    void aServerFaultIsStillAnError() {
        given().when().get("/test/fault").then().statusCode(500);
        assertTrue(records.lines().stream().anyMatch(r -> r.level().intValue() >= Level.SEVERE.intValue()
                && r.thrown() instanceof IllegalStateException), "the server's own fault was logged as an error");
    }

    /** Sends the start of a request, then resets the connection. */
    private static void abort(String partial) throws IOException, InterruptedException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            OutputStream out = socket.getOutputStream();
            out.write(partial.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(200); // lets the request reach the resource, which then waits for the rest of the body
            socket.setSoLinger(true, 0);
        }
    }

    /** The status line of the answer, or "" when the server just closed the connection. */
    private static String answer(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\r' && c != '\n') {
                line.append((char) c);
            }
            return line.toString();
        } catch (java.net.SocketException e) {
            return ""; // reset by the server
        }
    }

    private long clientFaults() {
        return records.lines().stream().filter(r -> r.text().startsWith("Request failed on the client's side")).count();
    }

    private static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }
}
