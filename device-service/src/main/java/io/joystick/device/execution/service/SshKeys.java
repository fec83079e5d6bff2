package io.joystick.device.execution.service;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.jboss.logging.Logger;

/** Reads a device's private key text (OpenSSH or PEM) into key pairs. */
final class SshKeys {

    private static final Logger LOG = Logger.getLogger(SshKeys.class);

    private SshKeys() {
    }

    static List<KeyPair> of(SshTarget target) {
        if (!target.hasPrivateKey()) {
            return List.of();
        }
        NamedResource resource = NamedResource.ofName("private key of device " + target.deviceId());
        List<KeyPair> pairs = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(target.privateKeyPem().getBytes(StandardCharsets.UTF_8))) {
            Iterable<KeyPair> loaded =
                    SecurityUtils.loadKeyPairIdentities(null, resource, in, FilePasswordProvider.EMPTY);
            if (loaded != null) {
                loaded.forEach(pairs::add);
            }
        } catch (Exception e) {
            // Parser messages can quote parts of the key, so neither the message nor the cause travels on.
            LOG.debugf("Private key of device %s could not be parsed (%s)", target.deviceId(), e.getClass().getName());
            pairs.clear();
        }
        if (pairs.isEmpty()) {
            throw new DeviceAuthenticationException("The private key configured for device " + target.deviceId()
                    + " cannot be read; expected an unencrypted key in OpenSSH or PEM format");
        }
        return pairs;
    }
}
