package io.joystick.auth.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.joystick.auth.mechanism.Credentials;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Declares the three credentials every service accepts, so Swagger UI's "Authorize" offers each, and lets
 * any one of them satisfy a protected operation. Quarkus marks the operations guarded by
 * {@code @Authenticated} or {@code @RolesAllowed} with its single default scheme; this runs after it and
 * replaces that mark with the three alternatives. Public operations stay without one.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class SecuritySchemesFilter implements OASFilter {

    public static final String BEARER = "bearer";
    public static final String API_KEY = "apiKey";
    public static final String SESSION_COOKIE = "sessionCookie";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().setSecuritySchemes(schemes());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().stream()
                .map(PathItem::getOperations).filter(Objects::nonNull)
                .flatMap(operations -> operations.values().stream())
                .filter(SecuritySchemesFilter::isProtected)
                .forEach(operation -> operation.setSecurity(anyCredential()));
    }

    private static boolean isProtected(Operation operation) {
        return operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    }

    private static Map<String, SecurityScheme> schemes() {
        Map<String, SecurityScheme> schemes = new LinkedHashMap<>();
        schemes.put(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")
                .description("A token from auth-service's login, as `Authorization: Bearer <jwt>`."));
        schemes.put(API_KEY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name(Credentials.API_KEY_HEADER)
                .description("A service API key (service-to-service calls)."));
        schemes.put(SESSION_COOKIE, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name(Credentials.SESSION_COOKIE)
                .description("The browser console's session (`POST /api/auth/session`). Unsafe methods and "
                        + "WebSocket upgrades with it must come from a public origin."));
        return schemes;
    }

    /** Alternatives: any one requirement of the list satisfies the operation. */
    private static List<SecurityRequirement> anyCredential() {
        return List.of(
                OASFactory.createSecurityRequirement().addScheme(BEARER),
                OASFactory.createSecurityRequirement().addScheme(API_KEY),
                OASFactory.createSecurityRequirement().addScheme(SESSION_COOKIE));
    }
}
