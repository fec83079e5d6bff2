package io.joystick.device.execution.service;

import java.util.Optional;

/**
 * Where SSH host keys are pinned (trust on first use), per device and address: the two slots of a
 * device may be different machines with different keys. Lines are in OpenSSH public-key format,
 * {@code "ssh-ed25519 AAAA…"}. Clearing a pin is how an operator accepts a new host key.
 */
public interface HostKeyStore {

    Optional<String> pinned(SshTarget target);

    /**
     * Pins the key unless one is pinned already, atomically.
     *
     * @return the key pinned now: this one, or the one another connection pinned first
     */
    String pin(SshTarget target, String publicKeyOpenSshLine);
}
