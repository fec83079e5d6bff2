package io.joystick.auth.server.token.repository;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An RSA key pair; the private half sealed with JOYSTICK_SECRET_KEY. */
@Entity
@Table(name = "signing_keys")
public class SigningKey {

    @Id
    public String kid;

    /** X.509 SubjectPublicKeyInfo, base64. */
    @Column(name = "public_key")
    public String publicKey;

    /** PKCS#8, base64, sealed by {@link io.joystick.auth.crypto.SecretBox}. */
    @Column(name = "private_key_sealed")
    public String privateKeySealed;

    public Instant created;

    /** When it stopped signing; it stays in the JWKS until the tokens it signed have expired. */
    public Instant retired;
}
