package io.joystick.auth.crypto;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.joystick.auth.config.JoystickConfig;
import io.joystick.auth.config.RefusedToStart;
import io.quarkus.runtime.LaunchMode;

/**
 * Encrypts secrets at rest (signing keys, device passwords) with AES-256-GCM under
 * {@code JOYSTICK_SECRET_KEY}. Outside production a key is generated once and kept under the data
 * directory; production refuses to start without one, since a lost key means lost secrets.
 */
@ApplicationScoped
public class SecretBox {

    private static final Logger LOG = Logger.getLogger(SecretBox.class);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String PREFIX = "v1:";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public SecretBox(JoystickConfig config) {
        this(config.secretKey(), Path.of(config.dataDir()), LaunchMode.current());
    }

    SecretBox(Optional<String> configured, Path dataDir, LaunchMode mode) {
        this.key = new SecretKeySpec(loadKey(configured, dataDir, mode), "AES");
    }

    public String encrypt(String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /**
     * A key for another purpose (e.g. signing cookies), derived from the secret key (HMAC-SHA256 of the
     * purpose), so one secret serves every use and no use can stand in for another.
     */
    public byte[] derivedKey(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(("joystick:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Key derivation failed", e);
        }
    }

    public String decrypt(String sealed) {
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a sealed value");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt: wrong JOYSTICK_SECRET_KEY or corrupted data");
        }
    }

    private static byte[] loadKey(Optional<String> configured, Path dataDir, LaunchMode mode) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return decode(configured.get().trim(), "JOYSTICK_SECRET_KEY");
        }
        if (mode == LaunchMode.NORMAL) {
            throw new RefusedToStart("JOYSTICK_SECRET_KEY is required in production "
                    + "(base64 of 32 random bytes: openssl rand -base64 32)");
        }
        Path file = dataDir.resolve("secret.key");
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file).trim(), file.toString());
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Files.createDirectories(dataDir);
            createPrivate(file);
            Files.writeString(file, Base64.getEncoder().encodeToString(generated));
            LOG.infof("Generated a development secret key at %s", file);
            return generated;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create " + file, e);
        }
    }

    /** Created readable by its owner only, before a byte of the key is written to it. */
    private static void createPrivate(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
    }

    private static byte[] decode(String base64, String origin) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new RefusedToStart(origin + " is not valid base64 (openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new RefusedToStart(origin + " must be 32 bytes (openssl rand -base64 32)");
        }
        return bytes;
    }
}
