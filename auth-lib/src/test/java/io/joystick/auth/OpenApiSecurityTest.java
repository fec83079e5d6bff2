package io.joystick.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.joystick.auth.testapp.AuthServiceStub;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Swagger UI's "Authorize" offers every credential, and protected operations accept any one of them. */
@QuarkusTest
@QuarkusTestResource(AuthServiceStub.class)
class OpenApiSecurityTest {

    static final List<Map<String, List<String>>> ANY_CREDENTIAL =
            List.of(Map.of("bearer", List.of()), Map.of("apiKey", List.of()), Map.of("sessionCookie", List.of()));

    @Test
    void declaresTheThreeSecuritySchemes() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("components.securitySchemes.bearer.bearerFormat", equalTo("JWT"))
                .body("components.securitySchemes.apiKey.type", equalTo("apiKey"))
                .body("components.securitySchemes.apiKey.in", equalTo("header"))
                .body("components.securitySchemes.apiKey.name", equalTo("X-API-Key"))
                .body("components.securitySchemes.sessionCookie.type", equalTo("apiKey"))
                .body("components.securitySchemes.sessionCookie.in", equalTo("cookie"))
                .body("components.securitySchemes.sessionCookie.name", equalTo("joystick_session"));
    }

    @Test
    void marksProtectedOperationsWithAnyOfThemAndPublicOnesWithNone() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/test/me'.get.security", equalTo(ANY_CREDENTIAL))
                .body("paths.'/test/admin'.get.security", equalTo(ANY_CREDENTIAL))
                .body("paths.'/test/state'.post.security", equalTo(ANY_CREDENTIAL))
                .body("paths.'/test/public'.get.security", nullValue())
                .body("paths.'/api/health'.get.security", nullValue());
    }
}
