package io.joystick.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.AuthServiceStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(AuthServiceStub.class)
class SecurityHeadersTest {

    @Test
    void everyAnswerForbidsSniffingAndReferrers() {
        for (String path : new String[] {"/api/health", "/test/me", "/test/no-such-thing", "/q/health/live"}) {
            given().when().get(path).then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer");
        }
        given().header("X-API-Key", "wrong").when().get("/test/public").then().statusCode(401)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void tokenRoutesAreNeverCached() {
        for (String path : new String[] {"/api/auth/login", "/api/auth/refresh", "/api/auth/session",
                "/api/auth/session/", "/api/collections/users/auth-with-password",
                "/api/collections/users/auth-refresh"}) {
            given().when().post(path).then().header("Cache-Control", "no-store")
                    .header("X-Content-Type-Options", "nosniff");
        }
    }

    @Test
    void otherRoutesKeepTheirCaching() {
        given().when().get("/api/health").then().statusCode(200).header("Cache-Control", not(equalTo("no-store")));
        given().when().get("/api/auth/sessions-overview").then().header("Cache-Control", not(equalTo("no-store")));
    }
}
