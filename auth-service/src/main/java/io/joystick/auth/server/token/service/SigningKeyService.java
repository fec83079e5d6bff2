package io.joystick.auth.server.token.service;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.joystick.auth.config.RefusedToStart;
import io.joystick.auth.config.ServiceNotRunning;
import io.joystick.auth.crypto.SecretBox;
import io.joystick.auth.server.audit.repository.AuditEvent;
import io.joystick.auth.server.audit.repository.AuditLog;
import io.joystick.auth.server.token.config.TokenConfig;
import io.joystick.auth.server.token.repository.SigningKey;
import io.joystick.auth.server.token.repository.SigningKeyRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * The RS256 signing keys, shared by every instance through the database. The newest active key signs;
 * every key that may still have live tokens is published in the JWKS. Instances re-read the table
 * periodically, so a rotation made on one reaches the others.
 */
@ApplicationScoped
public class SigningKeyService {

    private static final Logger LOG = Logger.getLogger(SigningKeyService.class);
    private static final DateTimeFormatter KID_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final SigningKeyRepository repository;
    private final SecretBox secretBox;
    private final AuditLog audit;
    private final TokenConfig config;
    private final SecureRandom random = new SecureRandom();

    private volatile KeySet keys = new KeySet(null, null, Map.of());

    public SigningKeyService(SigningKeyRepository repository, SecretBox secretBox, AuditLog audit,
            TokenConfig config) {
        this.repository = repository;
        this.secretBox = secretBox;
        this.audit = audit;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (repository.active().isEmpty()) {
                create();
            }
        });
        reload();
    }

    public String signingKid() {
        return keys.kid();
    }

    public PrivateKey signingKey() {
        return keys.privateKey();
    }

    /** kid → public key of every published key. */
    public Map<String, PublicKey> publicKeys() {
        return keys.published();
    }

    public String rotate() {
        String kid = QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            repository.active().forEach(k -> k.retired = now);
            return create().kid;
        });
        reload();
        audit.record(AuditEvent.Type.SIGNING_KEY_ROTATED, null, kid, null, null);
        return kid;
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = ServiceNotRunning.class)
    public synchronized void reload() {
        QuarkusTransaction.requiringNew().run(() -> {
            Instant horizon = Instant.now().minus(config.tokenLifetime());
            List<SigningKey> published = repository.published(horizon);
            Map<String, PublicKey> publicKeys = new LinkedHashMap<>();
            SigningKey signing = null;
            for (SigningKey key : published) {
                publicKeys.put(key.kid, decodePublic(key.publicKey));
                if (key.retired == null) {
                    signing = key; // ordered by creation: the newest active key wins, on every instance
                }
            }
            if (signing == null) {
                throw new IllegalStateException("No active signing key");
            }
            PrivateKey privateKey =
                    signing.kid.equals(keys.kid()) ? keys.privateKey() : decodePrivate(signing.privateKeySealed);
            keys = new KeySet(signing.kid, privateKey, Map.copyOf(publicKeys));
        });
    }

    private SigningKey create() {
        KeyPair pair = generate();
        SigningKey key = new SigningKey();
        key.kid = "k" + KID_DATE.format(Instant.now()) + "-" + HexFormat.of().formatHex(randomBytes(6));
        key.publicKey = java.util.Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        key.privateKeySealed =
                secretBox.encrypt(java.util.Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        key.created = Instant.now();
        repository.persist(key);
        LOG.infof("Created signing key %s", key.kid);
        return key;
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey decodePublic(String base64) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(java.util.Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable public key", e);
        }
    }

    private PrivateKey decodePrivate(String sealed) {
        try {
            byte[] der = java.util.Base64.getDecoder().decode(secretBox.decrypt(sealed));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalStateException e) {
            throw new RefusedToStart(
                    "cannot decrypt the signing key in the database: JOYSTICK_SECRET_KEY is not the key "
                            + "it was sealed with. Start with that key again (a local run keeps it in <data dir>/secret.key "
                            + "unless JOYSTICK_SECRET_KEY is set), or with an empty data directory");
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable private key", e);
        }
    }

    private record KeySet(String kid, PrivateKey privateKey, Map<String, PublicKey> published) {
    }
}
