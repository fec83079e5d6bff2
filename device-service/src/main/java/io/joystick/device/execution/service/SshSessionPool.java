package io.joystick.device.execution.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.sshd.client.session.ClientSession;

/**
 * One authenticated session per (permits, host, port, user, credentials), reused by every run; a slot
 * switch or a credential change therefore gets a session of its own. Each device admits a bounded
 * number of concurrent runs over all its sessions.
 */
final class SshSessionPool implements AutoCloseable {

    interface Connector {
        ClientSession open(SshTarget target, long deadlineNanos);
    }

    private final Connector connector;
    private final int maxConcurrentPerDevice;
    private final Duration idleTimeout;
    private final Map<String, DevicePermits> perDevice = new ConcurrentHashMap<>();
    private final byte[] credentialSalt = new byte[16];

    SshSessionPool(Connector connector, int maxConcurrentPerDevice, Duration idleTimeout) {
        if (maxConcurrentPerDevice < 1) {
            throw new IllegalArgumentException("joystick.ssh.max-concurrent-per-device must be at least 1");
        }
        this.connector = connector;
        this.maxConcurrentPerDevice = maxConcurrentPerDevice;
        this.idleTimeout = idleTimeout;
        new SecureRandom().nextBytes(credentialSalt);
    }

    /**
     * Waits (until the deadline) for one of the device's run slots, then hands out a pooled session,
     * opening one if needed.
     */
    Lease lease(SshTarget target, long deadlineNanos) {
        DevicePermits permits =
                perDevice.computeIfAbsent(target.deviceId(), id -> new DevicePermits(maxConcurrentPerDevice));
        if (!acquire(permits.runs, deadlineNanos)) {
            throw new CommandTimeoutException("Timed out waiting for a free SSH channel to device " + target.deviceId()
                    + " (at most " + maxConcurrentPerDevice + " commands run on a device at once)");
        }
        Lease lease = new Lease(permits, target, keyOf(target), deadlineNanos, true);
        try {
            lease.attach();
            return lease;
        } catch (RuntimeException e) {
            permits.runs.release();
            throw e;
        }
    }

    /**
     * Hands out a pooled session for an interactive shell. A shell may stay open for hours, so it does not
     * take one of the device's run slots (runs would starve); the terminal limits bound shells instead.
     */
    Lease leaseForShell(SshTarget target, long deadlineNanos) {
        DevicePermits permits =
                perDevice.computeIfAbsent(target.deviceId(), id -> new DevicePermits(maxConcurrentPerDevice));
        Lease lease = new Lease(permits, target, keyOf(target), deadlineNanos, false);
        lease.attach();
        return lease;
    }

    /** Closes the device's sessions (at once if idle, otherwise when their running commands end). */
    void evict(String deviceId) {
        DevicePermits permits = perDevice.get(deviceId);
        if (permits != null) {
            permits.lock.lock();
            try {
                permits.sessions.values().forEach(PooledSession::retire);
                permits.sessions.clear();
            } finally {
                permits.lock.unlock();
            }
        }
    }

    void evictIdle() {
        long idleNanos = idleTimeout.toNanos();
        for (DevicePermits permits : perDevice.values()) {
            if (permits.lock.tryLock()) {
                try {
                    permits.sessions.values().removeIf(pooled -> pooled.retireIfIdle(idleNanos) || !pooled.usable());
                } finally {
                    permits.lock.unlock();
                }
            }
        }
    }

    /** Sessions currently pooled for the device (for tests and diagnostics). */
    List<ClientSession> sessions(String deviceId) {
        DevicePermits permits = perDevice.get(deviceId);
        if (permits == null) {
            return List.of();
        }
        permits.lock.lock();
        try {
            return permits.sessions.values().stream().map(PooledSession::session).toList();
        } finally {
            permits.lock.unlock();
        }
    }

    @Override
    public void close() {
        new ArrayList<>(perDevice.keySet()).forEach(this::evict);
    }

    private SessionKey keyOf(SshTarget target) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(credentialSalt);
            digest.update(String.valueOf(target.password()).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(String.valueOf(target.privateKeyPem()).getBytes(StandardCharsets.UTF_8));
            return new SessionKey(target.host(), target.port(), target.user(),
                    HexFormat.of().formatHex(digest.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean acquire(Semaphore permits, long deadlineNanos) {
        try {
            return permits.tryAcquire(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The credentials enter only as a salted digest, so the key can be printed or kept safely. */
    private record SessionKey(String host, int port, String user, String credentials) {
    }

    /**
     * What the pool keeps per device: the permits for its runs (at most max-concurrent-per-device at once), and
     * its pooled sessions with the lock that guards them.
     */
    private static final class DevicePermits {
        final Semaphore runs;
        final ReentrantLock lock = new ReentrantLock();
        final Map<SessionKey, PooledSession> sessions = new HashMap<>();

        DevicePermits(int runs) {
            this.runs = new Semaphore(runs, true);
        }
    }

    /** A run's hold on a device slot and a session; closing it gives both back. */
    final class Lease implements AutoCloseable {

        private final DevicePermits permits;
        private final SshTarget target;
        private final SessionKey key;
        private final long deadlineNanos;
        private final boolean holdsPermit;
        private PooledSession pooled;
        private boolean reused;
        private boolean closed;

        private Lease(DevicePermits permits, SshTarget target, SessionKey key, long deadlineNanos,
                boolean holdsPermit) {
            this.permits = permits;
            this.target = target;
            this.key = key;
            this.deadlineNanos = deadlineNanos;
            this.holdsPermit = holdsPermit;
        }

        ClientSession session() {
            return pooled.session();
        }

        /** Whether the session was already open before this run (so it may have died in between). */
        boolean reused() {
            return reused;
        }

        /** Drops the current session from the pool and opens a fresh one. */
        void reconnect() {
            PooledSession stale = pooled;
            pooled = null;
            stale.done();
            lockDevice();
            try {
                if (permits.sessions.get(key) == stale) {
                    permits.sessions.remove(key);
                }
                stale.retire();
            } finally {
                permits.lock.unlock();
            }
            attach();
        }

        private void attach() {
            lockDevice();
            try {
                PooledSession current = permits.sessions.get(key);
                if (current != null && current.tryUse()) {
                    pooled = current;
                    reused = true;
                    return;
                }
                if (current != null) {
                    current.retire();
                    permits.sessions.remove(key);
                }
                PooledSession fresh = new PooledSession(connector.open(target, deadlineNanos));
                fresh.tryUse();
                permits.sessions.put(key, fresh);
                pooled = fresh;
                reused = false;
            } finally {
                permits.lock.unlock();
            }
        }

        private void lockDevice() {
            try {
                if (!permits.lock.tryLock(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw new CommandTimeoutException("Timed out waiting for the SSH connection to device "
                            + target.deviceId());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExecutionException("Interrupted while waiting for the SSH connection to device "
                        + target.deviceId());
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (pooled != null) {
                    pooled.done();
                }
                if (holdsPermit) {
                    permits.runs.release();
                }
            }
        }
    }

    /** A pooled session and the runs using it; a retired session closes when its last run ends. */
    private static final class PooledSession {

        private final ClientSession session;
        private int inFlight;
        private boolean retired;
        private long lastUsedNanos = System.nanoTime();

        PooledSession(ClientSession session) {
            this.session = session;
        }

        ClientSession session() {
            return session;
        }

        synchronized boolean usable() {
            return !retired && session.isOpen() && !session.isClosing();
        }

        synchronized boolean tryUse() {
            if (!usable()) {
                return false;
            }
            inFlight++;
            return true;
        }

        synchronized void done() {
            inFlight--;
            lastUsedNanos = System.nanoTime();
            closeIfUnused();
        }

        synchronized void retire() {
            retired = true;
            closeIfUnused();
        }

        synchronized boolean retireIfIdle(long idleNanos) {
            if (inFlight == 0 && System.nanoTime() - lastUsedNanos > idleNanos) {
                retire();
                return true;
            }
            return false;
        }

        private void closeIfUnused() {
            if (retired && inFlight == 0) {
                session.close(false);
            }
        }
    }
}
