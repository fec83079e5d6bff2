package io.joystick.auth.server.login.service;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.joystick.auth.config.ServiceNotRunning;
import io.joystick.auth.server.login.config.LoginConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Sliding-window limits on failed logins: per identity and address, per address, and (much higher) per
 * identity. An attacker hammering one account from one address is stopped by the first two without
 * locking the owner out from elsewhere. A client with a valid device cookie for the identity (a trusted
 * device, see {@link DeviceCookies}) is limited per device instead, so attackers from many addresses cannot
 * lock out the owner's devices either. Counters are per instance: with N instances behind a load
 * balancer an attacker gets at most N times the budget.
 */
@ApplicationScoped
public class LoginThrottle {

    private final Map<String, Deque<Long>> failures = new ConcurrentHashMap<>();
    private final LoginConfig.Login limits;
    private final long windowMs;

    public LoginThrottle(LoginConfig config) {
        this.limits = config.login();
        this.windowMs = limits.window().toMillis();
    }

    /** Seconds until this attempt would be allowed, or empty when it is allowed now. */
    public OptionalLong blockedFor(String identity, String address) {
        return blockedFor(identity, address, Optional.empty());
    }

    /**
     * Seconds until this attempt would be allowed, or empty when it is allowed now. {@code trustedDevice}: the
     * id of the client's valid device cookie for this identity, if it has one.
     */
    public OptionalLong blockedFor(String identity, String address, Optional<String> trustedDevice) {
        long now = System.currentTimeMillis();
        long wait = trustedDevice.isPresent()
                ? waitFor(deviceKey(trustedDevice.get()), limits.maxFailuresPerIdentityAndAddress(), now)
                : Math.max(Math.max(
                        waitFor(pairKey(identity, address), limits.maxFailuresPerIdentityAndAddress(), now),
                        waitFor(addressKey(address), limits.maxFailuresPerAddress(), now)),
                        waitFor(identityKey(identity), limits.maxFailuresPerIdentity(), now));
        return wait > 0 ? OptionalLong.of((wait + 999) / 1000) : OptionalLong.empty();
    }

    public boolean failed(String identity, String address) {
        return failed(identity, address, Optional.empty());
    }

    /** Records a failure; true when it just reached a limit (a lockout worth auditing). */
    public boolean failed(String identity, String address, Optional<String> trustedDevice) {
        long now = System.currentTimeMillis();
        if (trustedDevice.isPresent()) {
            return add(deviceKey(trustedDevice.get()), limits.maxFailuresPerIdentityAndAddress(), now);
        }
        boolean locked = add(pairKey(identity, address), limits.maxFailuresPerIdentityAndAddress(), now);
        locked |= add(addressKey(address), limits.maxFailuresPerAddress(), now);
        locked |= add(identityKey(identity), limits.maxFailuresPerIdentity(), now);
        return locked;
    }

    public void succeeded(String identity, String address) {
        succeeded(identity, address, Optional.empty());
    }

    public void succeeded(String identity, String address, Optional<String> trustedDevice) {
        failures.remove(pairKey(identity, address));
        trustedDevice.ifPresent(device -> failures.remove(deviceKey(device)));
    }

    @Scheduled(every = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ServiceNotRunning.class)
    void forgetOldFailures() {
        long now = System.currentTimeMillis();
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                prune(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
    }

    private long waitFor(String key, int limit, long now) {
        Deque<Long> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            prune(times, now);
            if (times.size() < limit) {
                return 0;
            }
            // The attempt is allowed again once enough failures have left the window.
            long releasing = times.stream().skip(times.size() - limit).findFirst().orElse(now);
            return releasing + windowMs - now;
        }
    }

    private boolean add(String key, int limit, long now) {
        Deque<Long> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            prune(times, now);
            times.addLast(now);
            return times.size() == limit;
        }
    }

    private void prune(Deque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - windowMs) {
            times.removeFirst();
        }
    }

    private static String pairKey(String identity, String address) {
        return "pair\u0000" + identity + "\u0000" + address;
    }

    private static String addressKey(String address) {
        return "addr\u0000" + address;
    }

    private static String deviceKey(String device) {
        return "device\u0000" + device;
    }

    private static String identityKey(String identity) {
        return "id\u0000" + identity;
    }
}
