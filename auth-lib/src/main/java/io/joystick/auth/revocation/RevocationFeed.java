package io.joystick.auth.revocation;

/** Where revocations come from: auth-service over HTTP, or auth-service's own database. */
public interface RevocationFeed {

    RevocationsPage since(long cursor);
}
