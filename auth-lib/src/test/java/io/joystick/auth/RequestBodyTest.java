package io.joystick.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.AuthServiceStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Body handling every service gets from auth-lib: the 1 MiB limit and JSON errors in the suite's shape. */
@QuarkusTest
@QuarkusTestResource(AuthServiceStub.class)
class RequestBodyTest {

    static final int ONE_MIB = 1024 * 1024;

    @TestHTTPResource("/test/echo")
    URL echo;

    /** A JSON object of exactly {@code size} bytes. */
    static byte[] jsonOfSize(int size) {
        String prefix = "{\"data\":\"";
        String suffix = "\"}";
        return (prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsWellFormedJson() {
        given().contentType(ContentType.JSON).body("{\"a\":1,\"b\":[true]}")
                .when().post("/test/echo").then().statusCode(200)
                .body("success", is(true)).body("fields", equalTo(2));
    }

    @Test
    void acceptsBodyOfExactlyOneMebibyte() {
        given().contentType(ContentType.JSON).body(jsonOfSize(ONE_MIB))
                .when().post("/test/echo").then().statusCode(200).body("fields", is(1));
    }

    @Test
    void rejectsBodyOverOneMebibyteWith413() {
        given().contentType(ContentType.JSON).body(jsonOfSize(ONE_MIB + 1))
                .when().post("/test/echo").then().statusCode(413);
    }

    @Test
    void rejectsChunkedBodyOverOneMebibyteWith413() throws Exception {
        byte[] body = jsonOfSize(ONE_MIB + 1024);
        // No Content-Length: the limit must hold while the body streams in, not only on the declared size.
        HttpRequest request = HttpRequest.newBuilder(echo.toURI()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
    }

    @Test
    void answersBodyOverTheLimitInErrorShape() {
        given().contentType(ContentType.JSON).body(jsonOfSize(ONE_MIB + 1))
                .when().post("/test/echo").then().statusCode(413)
                .contentType(ContentType.JSON).body("success", is(false)).body("error", not(equalTo(null)));
    }

    /** Quarkus answers 413 itself while it reads a chunked body, before any handler of ours can shape it. */
    @Test
    void answersChunkedBodyOverTheLimitInErrorShape() throws Exception {
        byte[] body = jsonOfSize(ONE_MIB + 1024);
        HttpRequest request = HttpRequest.newBuilder(echo.toURI()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
    }

    @Test
    void rejectsMalformedJsonWith400InErrorShape() {
        given().contentType(ContentType.JSON).body("{\"data\": ")
                .when().post("/test/echo").then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("success", is(false))
                .body("error", startsWith("Invalid JSON body"))
                .body(not(containsString("com.fasterxml")));
        given().contentType(ContentType.JSON).body("not json at all")
                .when().post("/test/echo").then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("success", is(false)).body("error", startsWith("Invalid JSON body"));
    }

    @Test
    void rejectsJsonOfTheWrongShapeWith400InErrorShape() {
        given().contentType(ContentType.JSON).body("[1, 2, 3]")
                .when().post("/test/echo").then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("success", is(false)).body("error", startsWith("Invalid JSON body"));
    }
}
