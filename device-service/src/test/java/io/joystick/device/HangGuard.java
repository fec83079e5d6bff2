package io.joystick.device;

import java.net.SocketTimeoutException;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/**
 * A request that fails its test with a clear message when the server sends no answer at all: a guard against a
 * hang, not a speed check. The limit is far beyond every answer the tests wait for (the server's own timeouts are
 * seconds), so only a server that never answers reaches it.
 */
public final class HangGuard {

    static final int LIMIT_MILLIS = 60_000;

    private HangGuard() {
    }

    public static RequestSpecification given() {
        return RestAssured.given()
                .config(RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                        .setParam("http.connection.timeout", LIMIT_MILLIS)
                        .setParam("http.socket.timeout", LIMIT_MILLIS)))
                .filter((request, response, context) -> {
                    try {
                        return context.next(request, response);
                    } catch (Throwable e) { // the socket timeout arrives unchecked, through Groovy
                        if (e instanceof SocketTimeoutException) {
                            throw new AssertionError("No answer to " + request.getMethod() + " " + request.getURI()
                                    + " within " + LIMIT_MILLIS + " ms: the server hangs", e);
                        }
                        throw e;
                    }
                });
    }
}
