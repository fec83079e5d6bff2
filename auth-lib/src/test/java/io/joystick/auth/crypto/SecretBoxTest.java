package io.joystick.auth.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.joystick.auth.config.RefusedToStart;
import io.quarkus.runtime.LaunchMode;

class SecretBoxTest {

    private static final String SECRET = "device-password: s3cr3t-Ünïcødé-✓";

    @TempDir
    Path dataDir;

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private SecretBox prodBox(String key) {
        return new SecretBox(Optional.of(key), dataDir, LaunchMode.NORMAL);
    }

    // --- derived keys

    @Test
    void derivesOneStableKeyPerPurposeAndSecret() {
        String key = randomKey();
        assertTrue(Arrays.equals(prodBox(key).derivedKey("cookies"), prodBox(key).derivedKey("cookies")));
        assertFalse(Arrays.equals(prodBox(key).derivedKey("cookies"), prodBox(key).derivedKey("other")));
        assertFalse(Arrays.equals(prodBox(key).derivedKey("cookies"), prodBox(randomKey()).derivedKey("cookies")));
        assertFalse(Arrays.equals(Base64.getDecoder().decode(key), prodBox(key).derivedKey("cookies")));
    }

    // --- encryption

    @Test
    void decryptsWhatItEncrypted() {
        SecretBox box = prodBox(randomKey());
        assertEquals(SECRET, box.decrypt(box.encrypt(SECRET)));
        assertEquals("", box.decrypt(box.encrypt("")));
        String large = "x".repeat(100_000);
        assertEquals(large, box.decrypt(box.encrypt(large)));
    }

    @Test
    void anotherBoxWithTheSameKeyDecrypts() {
        String key = randomKey();
        assertEquals(SECRET, prodBox(key).decrypt(prodBox(key).encrypt(SECRET)));
    }

    @Test
    void encryptsTheSamePlaintextDifferentlyEachTime() {
        SecretBox box = prodBox(randomKey());
        String first = box.encrypt(SECRET);
        String second = box.encrypt(SECRET);
        assertNotEquals(first, second);
        assertEquals(SECRET, box.decrypt(first));
        assertEquals(SECRET, box.decrypt(second));
    }

    @Test
    void ciphertextDoesNotContainThePlaintext() {
        SecretBox box = prodBox(randomKey());
        String plaintext = "hunter2-hunter2-hunter2";
        String sealed = box.encrypt(plaintext);
        assertFalse(sealed.contains(plaintext));
        assertFalse(sealed.contains(Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8))));
        String decoded = new String(payload(sealed), StandardCharsets.ISO_8859_1);
        assertFalse(decoded.contains(plaintext));
    }

    @Test
    void refusesTamperedCiphertext() {
        SecretBox box = prodBox(randomKey());
        String sealed = box.encrypt(SECRET);
        byte[] bytes = payload(sealed);
        // IV, ciphertext and tag: a flipped bit anywhere must be detected.
        for (int index : new int[] {0, 11, 12, bytes.length / 2, bytes.length - 1}) {
            byte[] tampered = bytes.clone();
            tampered[index] ^= 0x01;
            String forged = "v1:" + Base64.getEncoder().encodeToString(tampered);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> box.decrypt(forged),
                    "tampering with byte " + index);
            assertFalse(e.getMessage().contains(SECRET));
        }
    }

    @Test
    void refusesTruncatedCiphertext() {
        SecretBox box = prodBox(randomKey());
        byte[] bytes = payload(box.encrypt(SECRET));
        byte[] withoutTag = Arrays.copyOf(bytes, bytes.length - 16);
        assertThrows(RuntimeException.class,
                () -> box.decrypt("v1:" + Base64.getEncoder().encodeToString(withoutTag)));
        assertThrows(RuntimeException.class, () -> box.decrypt("v1:"));
    }

    @Test
    void refusesValuesThatWereNeverSealed() {
        SecretBox box = prodBox(randomKey());
        assertThrows(IllegalArgumentException.class, () -> box.decrypt(SECRET));
        assertThrows(IllegalArgumentException.class, () -> box.decrypt(box.encrypt(SECRET).substring(3)));
    }

    @Test
    void boxWithAnotherKeyCannotDecrypt() {
        String sealed = prodBox(randomKey()).encrypt(SECRET);
        assertThrows(IllegalStateException.class, () -> prodBox(randomKey()).decrypt(sealed));
    }

    // --- the key

    @Test
    void prodRefusesToStartWithoutAKey() throws IOException {
        RefusedToStart e = assertThrows(RefusedToStart.class,
                () -> new SecretBox(Optional.empty(), dataDir, LaunchMode.NORMAL));
        assertTrue(e.getMessage().contains("JOYSTICK_SECRET_KEY"), e.getMessage());
        assertThrows(RefusedToStart.class, () -> new SecretBox(Optional.of("  "), dataDir, LaunchMode.NORMAL));
        try (var files = Files.list(dataDir)) {
            assertEquals(0, files.count(), "prod never generates a key of its own");
        }
    }

    @Test
    void prodDoesNotFallBackToAKeyFileLeftInTheDataDirectory() throws IOException {
        Files.writeString(dataDir.resolve("secret.key"), randomKey());
        assertThrows(RefusedToStart.class, () -> new SecretBox(Optional.empty(), dataDir, LaunchMode.NORMAL));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 24, 31, 33, 64})
    void refusesKeysThatAreNot32Bytes(int size) {
        String key = Base64.getEncoder().encodeToString(new byte[size]);
        RefusedToStart e = assertThrows(RefusedToStart.class, () -> prodBox(key));
        assertFalse(e.getMessage().contains(key), "the error must not repeat the key");
        assertThrows(RefusedToStart.class, () -> new SecretBox(Optional.of(key), dataDir, LaunchMode.DEVELOPMENT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64 at all!", "%%%%", "YWJj*ZGVm"})
    void refusesKeysThatAreNotBase64(String key) {
        RefusedToStart e = assertThrows(RefusedToStart.class, () -> prodBox(key));
        assertFalse(e.getMessage().contains(key), "the error must not repeat the key");
        assertThrows(RefusedToStart.class, () -> new SecretBox(Optional.of(key), dataDir, LaunchMode.TEST));
    }

    @Test
    void acceptsAConfiguredKeyWithSurroundingWhitespace() {
        String key = randomKey();
        String sealed = prodBox(key).encrypt(SECRET);
        assertEquals(SECRET, prodBox("  " + key + "\n").decrypt(sealed));
    }

    @ParameterizedTest
    @EnumSource(value = LaunchMode.class, names = {"DEVELOPMENT", "TEST"})
    void devGeneratesAKeyFileAndReusesIt(LaunchMode mode) throws IOException {
        Path dir = dataDir.resolve("nested").resolve("data");
        SecretBox first = new SecretBox(Optional.empty(), dir, mode);
        Path file = dir.resolve("secret.key");
        assertTrue(Files.isRegularFile(file), "key file generated under the data directory");
        String stored = Files.readString(file).trim();
        assertEquals(32, Base64.getDecoder().decode(stored).length);
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(file));
        }

        String sealed = first.encrypt(SECRET);
        SecretBox second = new SecretBox(Optional.empty(), dir, mode);
        assertEquals(SECRET, second.decrypt(sealed));
        assertEquals(stored, Files.readString(file).trim(), "the key file is not regenerated");

        // The generated key is the one in the file: a box configured with it decrypts too.
        assertEquals(SECRET, prodBox(stored).decrypt(sealed));
    }

    @Test
    void devGeneratesADifferentKeyPerDataDirectory() {
        String sealed = new SecretBox(Optional.empty(), dataDir.resolve("a"), LaunchMode.DEVELOPMENT).encrypt(SECRET);
        SecretBox other = new SecretBox(Optional.empty(), dataDir.resolve("b"), LaunchMode.DEVELOPMENT);
        assertThrows(IllegalStateException.class, () -> other.decrypt(sealed));
    }

    @Test
    void devPrefersAConfiguredKeyAndWritesNoFile() {
        String key = randomKey();
        SecretBox box = new SecretBox(Optional.of(key), dataDir, LaunchMode.DEVELOPMENT);
        assertFalse(Files.exists(dataDir.resolve("secret.key")));
        assertEquals(SECRET, prodBox(key).decrypt(box.encrypt(SECRET)));
    }

    @Test
    void devRefusesACorruptKeyFileInsteadOfReplacingIt() throws IOException {
        Path file = dataDir.resolve("secret.key");
        Files.writeString(file, "corrupted");
        assertThrows(RefusedToStart.class, () -> new SecretBox(Optional.empty(), dataDir, LaunchMode.DEVELOPMENT));
        assertEquals("corrupted", Files.readString(file), "a lost key means lost secrets: never overwrite it");
    }

    private static byte[] payload(String sealed) {
        assertTrue(sealed.startsWith("v1:"), sealed);
        return Base64.getDecoder().decode(sealed.substring(3));
    }
}
