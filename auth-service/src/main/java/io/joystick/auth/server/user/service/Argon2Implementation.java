package io.joystick.auth.server.user.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Says at start which Argon2id implementation hashes the passwords here: the native one (argon2-jvm through JNA,
 * unpacked to {@code jna.tmpdir}, which must allow exec), or BouncyCastle's Java one, about 2.5 times slower
 * per login (deploy/README.md).
 */
@ApplicationScoped
class Argon2Implementation {

    private static final Logger LOG = Logger.getLogger(Argon2Implementation.class);

    void report(@Observes StartupEvent started) {
        if (Argon2id.isNative()) {
            LOG.info("Argon2id: native implementation (argon2-jvm)");
        } else {
            LOG.warnf(
                    "Argon2id: Java implementation (BouncyCastle), about 2.5 times slower per login; the native library "
                            + "did not load (is jna.tmpdir, now %s, on a filesystem that allows exec?)",
                    System.getProperty("jna.tmpdir", System.getProperty("java.io.tmpdir")));
        }
    }
}
