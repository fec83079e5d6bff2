package io.joystick.auth;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.AuthServiceStub;
import io.joystick.auth.testapp.LogCapture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The positive control of the tests that assert what is not logged: the kit's capture really sees the
 * application's lines (formatted, with parameters and stack traces), and only while it is open.
 */
@QuarkusTest
@QuarkusTestResource(AuthServiceStub.class)
class LogCaptureTest {

    private static final Logger LOG = Logger.getLogger("io.joystick.auth.LogCaptureTest");

    @Test
    void seesFormattedLinesTheirParametersAndStackTraces() {
        String marker = UUID.randomUUID().toString();
        try (LogCapture capture = LogCapture.start()) {
            LOG.warnf("formatted %s", marker);
            LOG.error("with a trace", new IllegalStateException("cause-" + marker));
            assertTrue(
                    capture.from("io.joystick.auth.LogCaptureTest").stream()
                            .anyMatch(t -> t.contains("formatted " + marker)),
                    capture.lines().toString());
            assertTrue(capture.contains("cause-" + marker), capture.lines().toString());
            assertTrue(capture.contains("at io.joystick.auth.LogCaptureTest."), "the stack trace is captured");
            assertTrue(capture.serious().stream().anyMatch(l -> l.text().contains("with a trace")));
        }
    }

    @Test
    void seesTheAccessLogOfARequest() {
        String path = "/test/public?capture=" + UUID.randomUUID();
        try (LogCapture capture = LogCapture.start()) {
            given().get(path).then().statusCode(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> capture.contains("/test/public"));
        }
    }

    @Test
    void seesDebugLinesOnlyWhenAskedTo() {
        String marker = UUID.randomUUID().toString();
        try (LogCapture capture = LogCapture.everyLevel()) {
            Logger.getLogger("org.example.quiet").tracef("trace %s", marker);
            assertTrue(capture.contains("trace " + marker), capture.lines().toString());
        }
        try (LogCapture capture = LogCapture.start()) {
            Logger.getLogger("org.example.quiet").tracef("trace again %s", marker);
            assertFalse(capture.contains("trace again " + marker));
        }
    }

    @Test
    void seesNothingOnceClosed() {
        LogCapture capture = LogCapture.start();
        capture.close();
        LOG.warn("after closing");
        assertFalse(capture.contains("after closing"));
    }
}
