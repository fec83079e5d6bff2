package io.joystick.auth.permission;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The feature permissions (JWT {@code groups}) a caller needs for a resource method or class: all of
 * {@link #value()}, and at least one of {@link #anyOf()} when it names any. Anonymous callers get 401, callers
 * without them 403 naming what is missing. Admins and services pass.
 *
 * <pre>
 * &#64;PermissionsRequired({ "device-cpsi", "device-battery" })            // both
 * &#64;PermissionsRequired(anyOf = { "device-gps", "device-imu" })         // either
 * </pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PermissionsRequired {

    /** Every one of these. */
    String[] value() default {};

    /** At least one of these (when not empty). */
    String[] anyOf() default {};
}
