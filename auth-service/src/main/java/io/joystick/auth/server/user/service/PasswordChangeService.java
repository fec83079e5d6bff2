package io.joystick.auth.server.user.service;

import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.server.audit.repository.AuditEvent;
import io.joystick.auth.server.audit.repository.AuditLog;
import io.joystick.auth.server.login.service.LoginThrottle;

/**
 * A user changing their own password proves the current one, so a stolen token must not allow unlimited
 * guessing of it: failures count against the login throttle (keyed by user id and client address) and
 * are audited like failed logins.
 */
@ApplicationScoped
public class PasswordChangeService {

    public sealed interface Outcome permits Changed, WrongPassword, Throttled {
    }

    public record Changed() implements Outcome {
    }

    public record WrongPassword() implements Outcome {
    }

    public record Throttled(long retryAfterSeconds) implements Outcome {
    }

    private final UserService users;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    public PasswordChangeService(UserService users, LoginThrottle throttle, AuditLog audit) {
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
    }

    public Outcome change(String userId, UserInput.PasswordChange change, String address) {
        OptionalLong blocked = throttle.blockedFor(userId, address);
        if (blocked.isPresent()) {
            audit.record(AuditEvent.Type.LOGIN_LOCKED_OUT, userId, userId, address,
                    "password change refused while locked out");
            return new Throttled(blocked.getAsLong());
        }
        if (users.changeOwnPassword(userId, change)) {
            throttle.succeeded(userId, address);
            return new Changed();
        }
        audit.record(AuditEvent.Type.PASSWORD_CHANGE_FAILED, userId, userId, address, "wrong current password");
        if (throttle.failed(userId, address)) {
            audit.record(AuditEvent.Type.LOGIN_LOCKED_OUT, userId, userId, address,
                    "password change failure limit reached");
        }
        return new WrongPassword();
    }
}
