package io.joystick.notification.send.service;

/**
 * The answer to a send: the notification is stored; {@code clientsNotified} counts the connections of
 * the instance that accepted it (other instances push to theirs as well).
 */
public record SendResult(boolean success, String notificationId, int clientsNotified) {
}
