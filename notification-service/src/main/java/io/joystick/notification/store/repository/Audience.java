package io.joystick.notification.store.repository;

/** Who a notification is for; stored as its lower-case name. */
public enum Audience {
    /** One user ({@code user_id}). */
    USER,
    /** The device's allow-list as it was when sent ({@code notification_recipients}), plus admins and services. */
    DEVICE,
    /** Everyone. */
    ALL
}
