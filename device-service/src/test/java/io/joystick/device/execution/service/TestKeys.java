package io.joystick.device.execution.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/** Key pairs made with ssh-keygen, as an operator would paste them into a device. */
public record TestKeys(Path privateKeyFile, String privateKey, String publicKeyLine) {

    static {
        MinaSecurity.useOwnProviderInstances();
    }

    public static TestKeys generate(Path dir, String name, String... keygenOptions)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path file = dir.resolve(name);
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir.resolve(name + ".pub"));
        List<String> command =
                new java.util.ArrayList<>(List.of("ssh-keygen", "-q", "-N", "", "-C", name, "-f", file.toString()));
        command.addAll(List.of(keygenOptions));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("ssh-keygen failed: " + output);
        }
        return new TestKeys(file, Files.readString(file), Files.readString(dir.resolve(name + ".pub")).trim());
    }

    PublicKey publicKey() throws Exception {
        return AuthorizedKeyEntry.parseAuthorizedKeyEntry(publicKeyLine).resolvePublicKey(null,
                PublicKeyEntryResolver.FAILING);
    }
}
