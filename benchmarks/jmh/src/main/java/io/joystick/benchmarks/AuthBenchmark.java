package io.joystick.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.joystick.auth.apikey.ApiKeyRegistry;
import io.joystick.auth.config.JoystickConfig;
import io.joystick.auth.jwt.TokenVerifier;
import io.joystick.auth.jwt.VerificationKeys;
import io.joystick.auth.jwt.VerifiedTokens;
import io.joystick.auth.mechanism.JwtAuthenticationRequest;
import io.joystick.auth.mechanism.JwtIdentityProvider;
import io.joystick.auth.revocation.RevocationList;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * The CPU cost of authenticating one request in a Joystick service, and of what auth-service does per
 * login/refresh. Single-threaded throughput: every score is "operations per second on one core".
 *
 * <ul>
 * <li>{@code jwtVerify}: SmallRye {@link DefaultJWTParser#verify(String, PublicKey)} configured as auth-lib's
 * {@code META-INF/microprofile-config.properties} configures it (iss {@code joystick-auth}, aud
 * {@code joystick}, RS256 only, 30 s clock skew), on a 2048-bit RSA token shaped like the ones
 * auth-service's TokenIssuer signs.</li>
 * <li>{@code jwtKidHeader}: jose4j header parse to find the {@code kid}, done before the key lookup.</li>
 * <li>{@code jwtIdentityProviderNewToken}: the whole per-request JWT work of auth-lib on the I/O thread for a
 * token it has not seen before ({@link JwtIdentityProvider#authenticate}: verified-token lookup (miss), kid,
 * cached key, verify, iat check, revocation list, identity).</li>
 * <li>{@code jwtIdentityProviderRepeatToken}: the same for a token auth-lib has already verified (the usual
 * case: a session sends the same token on every request): {@link VerifiedTokens} hit, expiry and revocation
 * checks, identity. The token is copied into a new String per operation, as each request brings its own,
 * so its hash is computed every time.</li>
 * <li>{@code apiKeyMatchValid/Invalid}: the real {@link ApiKeyRegistry} with two configured keys
 * (SHA-256 of the presented key, constant-time compare against both).</li>
 * <li>{@code jwtSignRs256}: signing one token as TokenIssuer does (RSA-2048 private-key operation), paid
 * by every login and every refresh.</li>
 * <li>{@code argon2idVerify}: the password check of every login since auth-service hashes with Argon2id
 * (BouncyCastle, m=19456 KiB, t=2, p=1, its defaults). auth-service's PasswordHasher lives in the service
 * application, not a library, so its check (Argon2BytesGenerator + MessageDigest.isEqual) is replicated here
 * line for line.</li>
 * <li>{@code bcryptVerifyCost10}: the password check of a legacy bcrypt hash (cost 10, auth-service's
 * default before Argon2id; such hashes are still accepted and upgraded at the next login).</li>
 * <li>{@code altEs256Sign/altEs256Verify}: NOT what Joystick does (docs/architecture.md mandates RS256); the same token
 * signed/verified with ES256 (P-256), to size the alternative when RSA signing is the bottleneck.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
// 5 warm-up iterations: the RSA paths need ~10 s before C2 has compiled them (3 were not enough on 2 cores).
@Warmup(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@Threads(1)
public class AuthBenchmark {

    static final String ISSUER = "joystick-auth";
    static final String AUDIENCE = "joystick";
    static final String KID = "k20250101-0123456789ab";

    private PrivateKey privateKey;
    private PublicKey publicKey;
    private String token;
    private JWTParser parser;
    private JwtIdentityProvider repeatTokenProvider;
    private ApiKeyRegistry apiKeys;
    private String validApiKey;
    private String invalidApiKey;
    private String password;
    private String bcryptHash;
    private PrivateKey ecPrivateKey;
    private PublicKey ecPublicKey;
    private String es256Token;
    private JWTParser es256Parser;
    private JwtIdentityProvider newTokenProvider;
    private byte[] argon2Salt;
    private byte[] argon2Hash;

    @Setup
    public void setUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048); // auth-service's SigningKeyService generates 2048-bit keys
        KeyPair pair = generator.generateKeyPair();
        privateKey = pair.getPrivate();
        publicKey = pair.getPublic();
        token = sign();

        // As quarkus-smallrye-jwt builds it from auth-lib's mp.jwt.verify.* defaults.
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setIssuedBy(ISSUER);
        info.setExpectedAudience(Set.of(AUDIENCE));
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setClockSkew(30);
        parser = new DefaultJWTParser(info);

        Map<String, PublicKey> keys = Map.of(KID, publicKey);
        VerificationKeys verificationKeys = new VerificationKeys() {
            @Override
            public Optional<PublicKey> cached(String kid) {
                return Optional.ofNullable(keys.get(kid));
            }

            @Override
            public Optional<PublicKey> find(String kid) {
                return cached(kid);
            }
        };
        RevocationList revocations = new RevocationList();
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < 1_000; i++) { // a busy revocation list; none of it matches the benchmark token
            revocations.revokeUser(UUID.randomUUID().toString(), now);
            revocations.revokeToken(UUID.randomUUID().toString(), now + 3600);
        }
        VerifiedTokens verified = new VerifiedTokens();
        for (int i = 0; i < 5_000; i++) { // other sessions' tokens (the cache holds up to 10,000)
            JsonWebToken other = parser.verify(token, publicKey);
            verified.put(token.substring(0, token.length() - 8) + String.format("%08d", i), new VerifiedTokens.Verified(
                    io.quarkus.security.runtime.QuarkusSecurityIdentity.builder().setPrincipal(other).build(),
                    "other-" + i, "jti-" + i, other.getIssuedAtTime(), other.getExpirationTime()));
        }
        repeatTokenProvider = new JwtIdentityProvider(new TokenVerifier(parser, verificationKeys), revocations, verified, true);
        VerifiedTokens forgetful = new VerifiedTokens() {
            @Override
            public void put(String t, VerifiedTokens.Verified entry) {
                // never remembers: every request verifies the signature, as for a token seen the first time
            }
        };
        newTokenProvider = new JwtIdentityProvider(new TokenVerifier(parser, verificationKeys), revocations, forgetful, true);

        validApiKey = "b4c7e0f1a2d3c4b5a6978877665544332211ffeeddccbbaa0099887766554433";
        invalidApiKey = "0000e0f1a2d3c4b5a6978877665544332211ffeeddccbbaa0099887766554433";
        apiKeys = new ApiKeyRegistry(new KeysOnlyConfig(Optional.of("3f9a1c2b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8"),
                Optional.of("switcher=" + validApiKey)));
        if (apiKeys.match(validApiKey).isEmpty() || apiKeys.match(invalidApiKey).isPresent()) {
            throw new IllegalStateException("ApiKeyRegistry set-up is wrong");
        }

        password = "correct horse battery staple";
        bcryptHash = BcryptUtil.bcryptHash(password, 10);
        argon2Salt = new byte[16];
        new SecureRandom().nextBytes(argon2Salt);
        argon2Hash = argon2(password, argon2Salt);

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ecPair = ec.generateKeyPair();
        ecPrivateKey = ecPair.getPrivate();
        ecPublicKey = ecPair.getPublic();
        es256Token = signEs256();
        JWTAuthContextInfo es256Info = new JWTAuthContextInfo();
        es256Info.setIssuedBy(ISSUER);
        es256Info.setExpectedAudience(Set.of(AUDIENCE));
        es256Info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256));
        es256Info.setClockSkew(30);
        es256Parser = new DefaultJWTParser(es256Info);
        if (!ISSUER.equals(es256Parser.verify(es256Token, ecPublicKey).getIssuer())) {
            throw new IllegalStateException("ES256 token does not verify");
        }

        // Fail fast if the benchmark would measure a rejection instead of a verification.
        if (!ISSUER.equals(parser.verify(token, publicKey).getIssuer()) || jwtIdentityProviderNewToken().isAnonymous()
                || jwtIdentityProviderRepeatToken().isAnonymous() || !argon2idVerify() || !bcryptVerifyCost10()) {
            throw new IllegalStateException("set-up is wrong: a check that must pass fails");
        }
        if (verified.get(token) == null) {
            throw new IllegalStateException("the repeat-token benchmark would not hit VerifiedTokens");
        }
    }

    /** Claims as io.joystick.auth.server.token.service.TokenIssuer#issue writes them, for a user with a few permissions. */
    private String sign() {
        return claims().jws().keyId(KID).sign(privateKey);
    }

    private String signEs256() {
        return claims().jws().algorithm(SignatureAlgorithm.ES256).keyId(KID).sign(ecPrivateKey);
    }

    private static JwtClaimsBuilder claims() {
        long issuedAt = Instant.now().getEpochSecond();
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("3b8f2a9e-3c1d-4f7a-9a51-2f0c6d7e8b90")
                .upn("operator@joystick.local")
                .claim("email", "operator@joystick.local")
                .claim("name", "Field Operator")
                .claim("type", "auth")
                .claim("collectionId", "_pb_users_auth_")
                .groups(Set.of("device-gps", "device-imu", "device-battery", "device-cpsi", "notifications"))
                .issuedAt(issuedAt)
                .expiresAt(issuedAt + Duration.ofHours(24).toSeconds())
                .claim("jti", UUID.randomUUID().toString());
    }

    @Benchmark
    public JsonWebToken jwtVerify() throws ParseException {
        return parser.verify(token, publicKey);
    }

    @Benchmark
    public String jwtKidHeader() throws Exception {
        return JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue();
    }

    // The cached-key path never touches the AuthenticationRequestContext (it only runs blocking work).
    @Benchmark
    public SecurityIdentity jwtIdentityProviderNewToken() {
        return newTokenProvider.authenticate(new JwtAuthenticationRequest(new String(token.toCharArray())), null)
                .await().indefinitely();
    }

    @Benchmark
    public SecurityIdentity jwtIdentityProviderRepeatToken() {
        return repeatTokenProvider.authenticate(new JwtAuthenticationRequest(new String(token.toCharArray())), null)
                .await().indefinitely();
    }

    @Benchmark
    public Optional<String> apiKeyMatchValid() {
        return apiKeys.match(validApiKey);
    }

    @Benchmark
    public Optional<String> apiKeyMatchInvalid() {
        return apiKeys.match(invalidApiKey);
    }

    @Benchmark
    public String jwtSignRs256() {
        return sign();
    }

    @Benchmark
    public boolean argon2idVerify() {
        return MessageDigest.isEqual(argon2Hash, argon2(password, argon2Salt));
    }

    /** As io.joystick.auth.server.user.service.PasswordHasher#argon2, with its default cost. */
    private static byte[] argon2(String password, byte[] salt) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(19456).withIterations(2).withParallelism(1)
                .withSalt(salt).build());
        byte[] out = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    @Benchmark
    public boolean bcryptVerifyCost10() {
        return BcryptUtil.matches(password, bcryptHash);
    }

    @Benchmark
    public String altEs256Sign() {
        return signEs256();
    }

    @Benchmark
    public JsonWebToken altEs256Verify() throws ParseException {
        return es256Parser.verify(es256Token, ecPublicKey);
    }

    /** Only what ApiKeyRegistry's public constructor reads. */
    private record KeysOnlyConfig(Optional<String> apiKey, Optional<String> apiKeys) implements JoystickConfig {
        @Override
        public boolean allowDefaultApiKey() {
            return false;
        }

        @Override
        public String authUrl() {
            return "http://localhost:8090";
        }

        @Override
        public Optional<String> jwksFile() {
            return Optional.empty();
        }

        @Override
        public String dataDir() {
            return "./data";
        }

        @Override
        public Optional<String> secretKey() {
            return Optional.empty();
        }

        @Override
        public JoystickConfig.Jwt jwt() {
            throw new UnsupportedOperationException();
        }

        @Override
        public JoystickConfig.Revocation revocation() {
            throw new UnsupportedOperationException();
        }
    }
}
