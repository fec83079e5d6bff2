package io.joystick.device.execution.service;

/**
 * MINA looks its JCA providers (BouncyCastle, for Ed25519) up by name by default. Where two class
 * loaders share a JVM, as plain and {@code @QuarkusTest} tests do, the name can resolve to the other
 * loader's provider and its keys fail to cast; MINA's own provider instance is always the right one.
 * Must run before MINA's {@code SecurityUtils} is first used.
 */
final class MinaSecurity {

    static final String USE_NAMED_BOUNCY_CASTLE = "org.apache.sshd.security.provider.BC.useNamed";

    static void useOwnProviderInstances() {
        System.getProperties().putIfAbsent(USE_NAMED_BOUNCY_CASTLE, "false");
    }

    private MinaSecurity() {
    }
}
