package io.joystick.device.run.service;

import java.util.LinkedHashSet;
import java.util.Set;

import io.joystick.auth.error.ApiException;
import io.joystick.auth.error.ErrorBody;
import io.joystick.auth.permission.Caller;
import io.joystick.device.run.repository.RunDefinition;

/**
 * The feature permissions a run needs besides the device's allow-list: the one its definition names
 * ({@code permission}, e.g. {@code control-ptz}), and {@code control-mode} for {@code set-mode}, which changes
 * the device's stream. Admins and services pass.
 */
public final class RunPermissions {

    public static final String CONTROL_MODE = "control-mode";

    private RunPermissions() {
    }

    static Set<String> required(String actionName, RunDefinition run) {
        Set<String> required = new LinkedHashSet<>();
        if (ActionRunner.SET_MODE.equals(actionName)) {
            required.add(CONTROL_MODE);
        }
        if (run.permission != null && !run.permission.isBlank()) {
            required.add(run.permission);
        }
        return required;
    }

    /** @throws ApiException 403 naming the permissions the caller lacks */
    static void require(Caller caller, String actionName, RunDefinition run) {
        Set<String> missing = new LinkedHashSet<>();
        for (String permission : required(actionName, run)) {
            if (!caller.has(permission)) {
                missing.add(permission);
            }
        }
        if (!missing.isEmpty()) {
            throw ApiException.forbidden(ErrorBody.MISSING_PERMISSIONS + String.join(", ", missing));
        }
    }
}
