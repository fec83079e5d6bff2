package io.joystick.auth.permission;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The feature permissions (JWT {@code groups}) a caller needs for a resource method or class; all of them.
 * Anonymous callers get 401, callers without them 403 naming what is missing. Admins and services pass.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface PermissionsRequired {

    String[] value();
}
