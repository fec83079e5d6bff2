package io.joystick.auth.permission;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.joystick.auth.error.ErrorBody;
import io.quarkus.security.identity.SecurityIdentity;

/** Enforces {@link PermissionsRequired} before the resource method runs. */
public class PermissionsFilter {

    private final SecurityIdentity identity;

    public PermissionsFilter(SecurityIdentity identity) {
        this.identity = identity;
    }

    @ServerRequestFilter
    public Response check(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        PermissionsRequired required = method.getAnnotation(PermissionsRequired.class);
        if (required == null) {
            required = resource.getResourceClass().getAnnotation(PermissionsRequired.class);
        }
        if (required == null) {
            return null;
        }
        Caller caller = Caller.of(identity);
        if (caller == null) {
            return ErrorBody.unauthorized();
        }
        List<String> missing = missing(caller, required);
        if (missing.isEmpty()) {
            return null;
        }
        return ErrorBody.response(403, ErrorBody.MISSING_PERMISSIONS + String.join(", ", missing));
    }

    /** Each name of {@code value} the caller lacks, then every name of {@code anyOf} when it holds none of them. */
    static List<String> missing(Caller caller, PermissionsRequired required) {
        List<String> missing = new ArrayList<>(Arrays.stream(required.value()).filter(p -> !caller.has(p)).toList());
        String[] anyOf = required.anyOf();
        if (anyOf.length > 0 && Arrays.stream(anyOf).noneMatch(caller::has)) {
            missing.addAll(Arrays.asList(anyOf));
        }
        return missing;
    }
}
