package io.joystick.auth.server.login.service;

import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.joystick.auth.server.audit.repository.AuditEvent;
import io.joystick.auth.server.audit.repository.AuditLog;
import io.joystick.auth.server.login.rest.AuthRecord;
import io.joystick.auth.server.token.service.TokenIssuer;
import io.joystick.auth.server.user.repository.User;
import io.joystick.auth.server.user.repository.UserRepository;
import io.joystick.auth.server.user.service.PasswordHasher;

@ApplicationScoped
public class LoginService {

    public sealed interface Outcome permits Success, Failure, Throttled {
    }

    /** {@code deviceCookie}: the value of the {@link DeviceCookies#NAME} cookie to set on the client. */
    public record Success(AuthRecord.WithToken auth, String deviceCookie) implements Outcome {
    }

    public record Failure() implements Outcome {
    }

    public record Throttled(long retryAfterSeconds) implements Outcome {
    }

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final DeviceCookies devices;

    public LoginService(UserRepository users, PasswordHasher hasher, TokenIssuer tokens, LoginThrottle throttle,
            AuditLog audit, DeviceCookies devices) {
        this.devices = devices;
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
    }

    /**
     * @param deviceCookie the client's {@link DeviceCookies#NAME} cookie, or null: a valid one for this user
     *        lets the client past the identity-wide failure limit
     */
    @Transactional
    public Outcome login(String identity, String password, String address, String deviceCookie) {
        String key = User.normalizeEmail(identity);
        Optional<User> user = users.findByEmail(key);
        Optional<String> device = deviceCookie == null ? Optional.empty()
                : user.flatMap(found -> devices.deviceOf(deviceCookie, found.id));
        OptionalLong blocked = throttle.blockedFor(key, address, device);
        if (blocked.isPresent()) {
            audit.record(AuditEvent.Type.LOGIN_LOCKED_OUT, key, key, address, "attempt refused while locked out");
            return new Throttled(blocked.getAsLong());
        }
        if (user.isEmpty()) {
            hasher.burnTime(password);
            return fail(key, address, device, "unknown identity");
        }
        if (!hasher.matches(password, user.get().passwordHash)) {
            return fail(key, address, device, "wrong password");
        }
        if (hasher.needsRehash(user.get().passwordHash)) {
            user.get().passwordHash = hasher.hash(password); // e.g. a bcrypt hash from before Argon2id
        }
        throttle.succeeded(key, address, device);
        audit.record(AuditEvent.Type.LOGIN_SUCCEEDED, user.get().id, user.get().id, address,
                device.isPresent() ? "known device" : null);
        return new Success(new AuthRecord.WithToken(tokens.issue(user.get()), AuthRecord.of(user.get())),
                devices.issue(user.get().id));
    }

    @Transactional
    public Optional<AuthRecord.WithToken> refresh(String userId, String address) {
        return users.findByIdOptional(userId).map(user -> {
            audit.record(AuditEvent.Type.TOKEN_REFRESHED, user.id, user.id, address, null);
            return new AuthRecord.WithToken(tokens.issue(user), AuthRecord.of(user));
        });
    }

    private Outcome fail(String identity, String address, Optional<String> device, String reason) {
        audit.record(AuditEvent.Type.LOGIN_FAILED, identity, identity, address, reason);
        if (throttle.failed(identity, address, device)) {
            audit.record(AuditEvent.Type.LOGIN_LOCKED_OUT, identity, identity, address, "failure limit reached");
        }
        return new Failure();
    }
}
