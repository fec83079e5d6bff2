package io.joystick.device.execution.service;

import java.io.IOException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.future.CancelOption;

/** Opens and authenticates one SSH session, turning every failure into an {@link ExecutionException}. */
final class SshConnector {

    private final SshClient client;
    private final Duration connectTimeout;
    private final Duration authTimeout;

    SshConnector(SshClient client, Duration connectTimeout, Duration authTimeout) {
        this.client = client;
        this.connectTimeout = connectTimeout;
        this.authTimeout = authTimeout;
    }

    /** Opens a session, giving up at the run's deadline if that comes before the configured timeouts. */
    ClientSession open(SshTarget target, long deadlineNanos) {
        List<KeyPair> keys = SshKeys.of(target);
        if (!target.hasPassword() && keys.isEmpty()) {
            throw new DeviceAuthenticationException("No SSH password or private key is configured for device "
                    + target.deviceId());
        }
        PinningServerKeyVerifier.KeyCheck check = new PinningServerKeyVerifier.KeyCheck();
        ClientSession session = connect(target, check, deadlineNanos);
        try {
            if (target.hasPassword()) {
                session.addPasswordIdentity(target.password());
            }
            keys.forEach(session::addPublicKeyIdentity);
            authenticate(target, session, check, deadlineNanos);
            return session;
        } catch (RuntimeException e) {
            session.close(true);
            throw e;
        }
    }

    private ClientSession connect(SshTarget target, PinningServerKeyVerifier.KeyCheck check, long deadlineNanos) {
        Bounded wait = Bounded.of(connectTimeout, deadlineNanos);
        try {
            ConnectFuture future = client.connect(target.user(), target.host(), target.port(),
                    AttributeRepository.ofAttributesMap(
                            Map.of(PinningServerKeyVerifier.TARGET, target, PinningServerKeyVerifier.CHECK, check)),
                    null);
            if (!future.await(wait.nanos(), TimeUnit.NANOSECONDS, CancelOption.CANCEL_ON_TIMEOUT)) {
                if (wait.cutByDeadline()) {
                    throw new CommandTimeoutException("Timed out connecting to device " + target.deviceId());
                }
                throw unreachable(target, "no connection within " + connectTimeout.toMillis() + " ms", null);
            }
            if (future.getException() != null) {
                throw unreachable(target, describe(future.getException()), future.getException());
            }
            return future.getClientSession();
        } catch (IOException e) {
            throw unreachable(target, describe(e), e);
        }
    }

    private void authenticate(SshTarget target, ClientSession session, PinningServerKeyVerifier.KeyCheck check,
            long deadlineNanos) {
        Bounded wait = Bounded.of(authTimeout, deadlineNanos);
        AuthFuture auth;
        try {
            auth = session.auth();
            if (!auth.await(wait.nanos(), TimeUnit.NANOSECONDS, CancelOption.CANCEL_ON_TIMEOUT)) {
                if (wait.cutByDeadline()) {
                    throw new CommandTimeoutException("Timed out logging in to device " + target.deviceId());
                }
                throw unreachable(target, "SSH login did not complete within " + authTimeout.toMillis() + " ms", null);
            }
        } catch (IOException e) {
            throw loginFailure(target, check, e);
        }
        if (!auth.isSuccess()) {
            throw loginFailure(target, check, auth.getException());
        }
    }

    private static RuntimeException loginFailure(SshTarget target, PinningServerKeyVerifier.KeyCheck check,
            Throwable cause) {
        String refusedKey = check.mismatch;
        if (refusedKey != null) {
            return new HostKeyMismatchException(
                    "Host key for device " + target.deviceId() + " at " + target.host() + ":"
                            + target.port() + " changed; refusing to connect."
                            + " It now presents " + refusedKey + ", not the key pinned on first contact."
                            + " If the device was re-installed, clear its pinned host key.");
        }
        RuntimeException storeFailure = check.storeFailure;
        if (storeFailure != null) {
            return storeFailure;
        }
        if (cause instanceof SshException ssh
                && ssh.getDisconnectCode() == SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE) {
            return new DeviceAuthenticationException("SSH authentication refused by device " + target.deviceId()
                    + " for user '" + target.user() + "' (tried " + methods(target) + ")");
        }
        return unreachable(target, "SSH handshake failed: " + describe(cause), cause);
    }

    private static String methods(SshTarget target) {
        if (target.hasPassword() && target.hasPrivateKey()) {
            return "private key and password";
        }
        return target.hasPassword() ? "password" : "private key";
    }

    private static DeviceUnreachableException unreachable(SshTarget target, String reason, Throwable cause) {
        return new DeviceUnreachableException("Device " + target.deviceId() + " unreachable at "
                + target.host() + ":" + target.port() + ": " + reason, cause);
    }

    private static String describe(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /** A configured timeout, shortened to the run's deadline when that is closer. */
    private record Bounded(long nanos, boolean cutByDeadline) {

        static Bounded of(Duration configured, long deadlineNanos) {
            long remaining = Math.max(1, deadlineNanos - System.nanoTime());
            return remaining < configured.toNanos() ? new Bounded(remaining, true)
                    : new Bounded(configured.toNanos(), false);
        }
    }
}
