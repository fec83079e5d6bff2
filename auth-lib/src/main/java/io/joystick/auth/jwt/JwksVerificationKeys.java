package io.joystick.auth.jwt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import io.joystick.auth.client.AuthServiceClient;
import io.joystick.auth.config.JoystickConfig;
import io.quarkus.arc.DefaultBean;
import io.quarkus.scheduler.Scheduled;

/**
 * auth-service's public keys, from {@code JOYSTICK_JWKS_FILE} (JWKS or PEM) or from its JWKS URL.
 * Keys are cached by {@code kid}; an unknown kid refreshes the set at most once per configured interval.
 * The last JWKS fetched is kept under the data directory, so a device that restarts offline still
 * verifies tokens.
 */
@DefaultBean
@ApplicationScoped
public class JwksVerificationKeys implements VerificationKeys {

    /** A PEM file carries no kid: its key verifies tokens whatever kid they name. */
    static final String ANY_KID = "*";

    private static final Logger LOG = Logger.getLogger(JwksVerificationKeys.class);

    private final AuthServiceClient authService;
    private final Optional<Path> file;
    private final Path cacheFile;
    private final long unknownKidRefreshMillis;
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile long lastRefresh;

    public JwksVerificationKeys(AuthServiceClient authService, JoystickConfig config) {
        this.authService = authService;
        this.file = config.jwksFile().filter(f -> !f.isBlank()).map(Path::of);
        this.cacheFile = Path.of(config.dataDir(), "jwks-cache.json");
        this.unknownKidRefreshMillis = config.jwt().unknownKidRefreshInterval().toMillis();
    }

    @Override
    public Optional<PublicKey> cached(String kid) {
        Map<String, PublicKey> current = keys;
        PublicKey key = current.get(kid);
        return Optional.ofNullable(key != null ? key : current.get(ANY_KID));
    }

    @Override
    public Optional<PublicKey> find(String kid) {
        Optional<PublicKey> key = cached(kid);
        if (key.isPresent()) {
            return key;
        }
        refreshIfDue();
        return cached(kid);
    }

    @Scheduled(every = "${joystick.jwt.jwks-refresh-interval:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = JwksNotInUse.class)
    void periodicRefresh() {
        refresh();
    }

    private synchronized void refreshIfDue() {
        if (System.currentTimeMillis() - lastRefresh >= unknownKidRefreshMillis || keys.isEmpty() && lastRefresh == 0) {
            refresh();
        }
    }

    synchronized void refresh() {
        lastRefresh = System.currentTimeMillis();
        try {
            if (file.isPresent()) {
                keys = parse(Files.readString(file.get(), StandardCharsets.UTF_8));
                return;
            }
            String jwks = authService.jwks();
            keys = parse(jwks);
            remember(jwks);
        } catch (RuntimeException | IOException | JoseException e) {
            LOG.warnf("Cannot load the token verification keys (%s: %s)", e.getClass().getSimpleName(), e.getMessage());
            if (keys.isEmpty() && file.isEmpty()) {
                loadRemembered();
            }
        }
    }

    private void remember(String jwks) {
        try {
            Files.createDirectories(cacheFile.getParent());
            Files.writeString(cacheFile, jwks, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.debugf("Cannot cache the JWKS at %s: %s", cacheFile, e.getMessage());
        }
    }

    private void loadRemembered() {
        if (!Files.isReadable(cacheFile)) {
            return;
        }
        try {
            keys = parse(Files.readString(cacheFile, StandardCharsets.UTF_8));
            LOG.infof("Verifying tokens with the JWKS cached at %s", cacheFile);
        } catch (IOException | JoseException e) {
            LOG.warnf("The cached JWKS at %s is unreadable: %s", cacheFile, e.getMessage());
        }
    }

    static Map<String, PublicKey> parse(String content) throws JoseException {
        String trimmed = content.trim();
        if (trimmed.startsWith("-----BEGIN PUBLIC KEY-----")) {
            return Map.of(ANY_KID, pem(trimmed));
        }
        Map<String, PublicKey> result = new HashMap<>();
        for (JsonWebKey jwk : new JsonWebKeySet(trimmed).getJsonWebKeys()) {
            if (jwk instanceof PublicJsonWebKey publicJwk && jwk.getKeyId() != null
                    && (jwk.getUse() == null || "sig".equals(jwk.getUse()))) {
                result.put(jwk.getKeyId(), publicJwk.getPublicKey());
            }
        }
        return Map.copyOf(result);
    }

    private static PublicKey pem(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalArgumentException("Not an RSA public key in PEM form", e);
        }
    }
}
