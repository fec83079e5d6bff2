package io.joystick.auth.testapp;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** RSA keys and token helpers for tests: what auth-service would publish and sign with. */
public final class TestKeys {

    /** The service key every service's tests run with (the kit's {@code %test.joystick.api-key}). */
    public static final String SERVICE_KEY = "test-service-key-0123456789";

    public static final String ISSUER = "joystick-auth";
    public static final String AUDIENCE = "joystick";

    private TestKeys() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String jwks(List<String> kids, List<KeyPair> pairs) {
        JsonWebKeySet set = new JsonWebKeySet();
        for (int i = 0; i < kids.size(); i++) {
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) pairs.get(i).getPublic());
            jwk.setKeyId(kids.get(i));
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            set.addJsonWebKey(jwk);
        }
        return set.toJson();
    }

    public static JwtClaimsBuilder claims(String subject, Set<String> groups) {
        long now = Instant.now().getEpochSecond();
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject + "@example.com")
                .groups(groups).issuedAt(now).expiresAt(now + 3600).claim("jti", UUID.randomUUID().toString());
    }

    public static String sign(JwtClaimsBuilder claims, String kid, KeyPair pair) {
        return sign(claims, kid, pair.getPrivate());
    }

    public static String sign(JwtClaimsBuilder claims, String kid, java.security.PrivateKey key) {
        return claims.jws().keyId(kid).sign(key);
    }
}
