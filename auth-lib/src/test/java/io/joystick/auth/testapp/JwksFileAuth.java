package io.joystick.auth.testapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * For other modules' tests: a signing key of auth-service's kind, published to the service under test as
 * a JWKS file (as on an offline device) so no auth-service has to run. The private key is shared with
 * {@link #token} through a file, because the resource and the test may live in different class loaders.
 */
public class JwksFileAuth implements QuarkusTestResourceLifecycleManager {

    public static final String KID = "test-signing-key";
    private static final Path DIR = Path.of("target", "test-auth");

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(DIR);
            KeyPair pair = TestKeys.generate();
            Files.writeString(DIR.resolve("jwks.json"), TestKeys.jwks(List.of(KID), List.of(pair)));
            Files.writeString(DIR.resolve("signing.key"),
                    Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            return Map.of("joystick.jwks-file", DIR.resolve("jwks.json").toAbsolutePath().toString(),
                    "joystick.revocation.poll-enabled", "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the files stay for the next start to overwrite
    }

    /** A token for {@code userId} with these permissions (add "admin" for an admin). */
    public static String token(String userId, String... groups) {
        return TestKeys.sign(TestKeys.claims(userId, Set.of(groups)), KID, privateKey());
    }

    /** A token with these claims (e.g. a short expiry), signed with the test key. */
    public static String sign(JwtClaimsBuilder claims) {
        return TestKeys.sign(claims, KID, privateKey());
    }

    private static PrivateKey privateKey() {
        try {
            byte[] der =
                    Base64.getDecoder().decode(Files.readString(DIR.resolve("signing.key"), StandardCharsets.UTF_8));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException("JwksFileAuth has not started", e);
        }
    }
}
