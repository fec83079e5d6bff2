package io.joystick.device.execution.service;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Optional;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.jboss.logging.Logger;

/**
 * Trust on first use: the first host key a device presents is pinned in the {@link HostKeyStore};
 * afterwards only that key is accepted. The verdict is left on the session so the connector can tell
 * a changed key apart from other handshake failures.
 */
final class PinningServerKeyVerifier implements ServerKeyVerifier {

    /** Set in the connection context by the connector. */
    static final AttributeKey<SshTarget> TARGET = new AttributeKey<>();
    /** Fingerprint of a refused key. */
    /**
     * What the check found, read by the connector after a failed login. It travels in the connection context the
     * connector created, not in the session's attributes: a session closed by the failed key exchange may have
     * dropped its attributes by the time the connector looks.
     */
    static final AttributeKey<KeyCheck> CHECK = new AttributeKey<>();
    /** The store could not be read or written. */

    private static final Logger LOG = Logger.getLogger(PinningServerKeyVerifier.class);

    private final HostKeyStore store;

    PinningServerKeyVerifier(HostKeyStore store) {
        this.store = store;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        AttributeRepository connection = session.getConnectionContext();
        SshTarget target = connection == null ? null : connection.getAttribute(TARGET);
        KeyCheck check = connection == null ? null : connection.getAttribute(CHECK);
        if (target == null || check == null) {
            return false;
        }
        String presented = PublicKeyEntry.toString(serverKey);
        try {
            Optional<String> pinned = store.pinned(target);
            if (pinned.isEmpty()) {
                String stored = store.pin(target, presented);
                if (sameKey(stored, presented)) {
                    LOG.infof("Pinned SSH host key %s for device %s at %s:%d", KeyUtils.getFingerPrint(serverKey),
                            target.deviceId(), target.host(), target.port());
                    return true;
                }
                // another connection pinned a different key first: this one is checked against it below
            } else if (sameKey(pinned.get(), presented)) {
                return true;
            }
        } catch (RuntimeException e) {
            check.storeFailure = e;
            return false;
        }
        String fingerprint = KeyUtils.getFingerPrint(serverKey);
        check.mismatch = fingerprint;
        LOG.warnf("Refused SSH host key %s of device %s at %s:%d: it differs from the pinned key",
                fingerprint, target.deviceId(), target.host(), target.port());
        return false;
    }

    /** Compares type and base64 blob; the optional comment after them does not matter. */
    private static boolean sameKey(String pinnedLine, String presentedLine) {
        return Arrays.equals(typeAndBlob(pinnedLine), typeAndBlob(presentedLine));
    }

    private static String[] typeAndBlob(String line) {
        String[] parts = line.trim().split("\\s+");
        return parts.length < 2 ? parts : new String[] {parts[0], parts[1]};
    }

    /** A refused key's fingerprint, or the host-key store's failure. */
    static final class KeyCheck {
        volatile String mismatch;
        volatile RuntimeException storeFailure;
    }
}
