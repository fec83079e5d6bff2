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
import io.quarkus.narayana.jta.QuarkusTransaction;

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
     * The password is checked outside any transaction: a check costs tens of milliseconds of CPU by design, and a
     * pooled database connection held meanwhile let a burst of logins on a busy machine take every connection, so
     * other requests waited out the pool's acquisition timeout.
     *
     * @param deviceCookie the client's {@link DeviceCookies#NAME} cookie, or null: a valid one for this user
     *        lets the client past the identity-wide failure limit
     */
    public Outcome login(String identity, String password, String address, String deviceCookie) {
        String key = User.normalizeEmail(identity);
        Optional<CheckedPassword> stored = QuarkusTransaction.joiningExisting()
                .call(() -> users.findByEmail(key).map(user -> new CheckedPassword(user.id, user.passwordHash)));
        Optional<String> device = deviceCookie == null ? Optional.empty()
                : stored.flatMap(found -> devices.deviceOf(deviceCookie, found.userId()));
        OptionalLong blocked = throttle.blockedFor(key, address, device);
        if (blocked.isPresent()) {
            audit.record(AuditEvent.Type.LOGIN_LOCKED_OUT, key, key, address, "attempt refused while locked out");
            return new Throttled(blocked.getAsLong());
        }
        if (stored.isEmpty()) {
            hasher.burnTime(password);
            return fail(key, address, device, "unknown identity");
        }
        if (!hasher.matches(password, stored.get().hash())) {
            return fail(key, address, device, "wrong password");
        }
        // e.g. a bcrypt hash from before Argon2id
        String rehashed = hasher.needsRehash(stored.get().hash()) ? hasher.hash(password) : null;
        return QuarkusTransaction.joiningExisting().call(() -> succeed(stored.get(), rehashed, key, address, device));
    }

    /** The user's id and password hash as read before the check. */
    private record CheckedPassword(String userId, String hash) {
    }

    private Outcome succeed(CheckedPassword checked, String rehashed, String key, String address,
            Optional<String> device) {
        Optional<User> user =
                users.findByIdOptional(checked.userId()).filter(u -> checked.hash().equals(u.passwordHash));
        if (user.isEmpty()) {
            return fail(key, address, device, "password changed or user removed during the check");
        }
        if (rehashed != null) {
            user.get().passwordHash = rehashed;
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
