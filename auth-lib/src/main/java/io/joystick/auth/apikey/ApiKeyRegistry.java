package io.joystick.auth.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.joystick.auth.config.JoystickConfig;
import io.joystick.auth.config.RefusedToStart;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;

/**
 * The service keys this instance accepts. Keys are kept only as SHA-256 digests and compared in
 * constant time against every configured key, so neither timing nor a heap dump gives one away.
 */
@Startup
@ApplicationScoped
public class ApiKeyRegistry {

    public static final String DEFAULT_KEY = "dev-api-key-12345";
    /** Longer values are refused before hashing: nobody generates keys this long, attackers send them. */
    public static final int MAX_KEY_LENGTH = 512;
    /** Shorter configured keys are refused at start: a key is a random secret, not a password. */
    public static final int MIN_KEY_LENGTH = 16;
    /** What may stand before {@code =} as a key's name; anything else is part of the key (base64 has '+', '/' and '='). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    private static final Logger LOG = Logger.getLogger(ApiKeyRegistry.class);
    private static final long DEFAULT_KEY_WARNING_INTERVAL_MS = 10 * 60 * 1000;

    private final List<NamedDigest> keys;
    private final AtomicLong lastDefaultKeyWarning = new AtomicLong();

    @Inject
    public ApiKeyRegistry(JoystickConfig config) {
        this(parse(config.apiKey(), config.apiKeys()), config.allowDefaultApiKey(), LaunchMode.current());
    }

    ApiKeyRegistry(List<NamedKey> configured, boolean allowDefaultInProd, LaunchMode mode) {
        List<NamedKey> effective = configured.isEmpty() ? List.of(new NamedKey("default", DEFAULT_KEY)) : configured;
        for (NamedKey key : effective) {
            if (key.key().length() < MIN_KEY_LENGTH) {
                throw new RefusedToStart("API key '" + key.name() + "' is " + key.key().length()
                        + " characters long; use at least " + MIN_KEY_LENGTH + " random ones (openssl rand -hex 32)");
            }
        }
        boolean usesDefault = effective.stream().anyMatch(k -> DEFAULT_KEY.equals(k.key()));
        if (usesDefault && mode == LaunchMode.NORMAL) {
            if (!allowDefaultInProd) {
                throw new RefusedToStart("the default API key is configured in production. "
                        + "Set JOYSTICK_API_KEY to a random key (openssl rand -hex 32), "
                        + "or JOYSTICK_ALLOW_DEFAULT_API_KEY=true to accept the risk.");
            }
            LOG.warn("The default development API key is accepted in production (JOYSTICK_ALLOW_DEFAULT_API_KEY=true)");
        }
        this.keys = effective.stream().map(k -> new NamedDigest(k.name(), sha256(k.key()), DEFAULT_KEY.equals(k.key())))
                .toList();
    }

    /** The name of the key the caller presented, if it is one of ours. */
    public Optional<String> match(String presented) {
        if (presented == null || presented.isEmpty() || presented.length() > MAX_KEY_LENGTH) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        NamedDigest found = null;
        for (NamedDigest candidate : keys) {
            if (MessageDigest.isEqual(candidate.digest(), digest) && found == null) {
                found = candidate;
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        if (found.isDefault()) {
            warnDefaultKeyInUse();
        }
        return Optional.of(found.name());
    }

    /** The key this service presents when it calls another service (the first one configured). */
    public static String outgoingKey(JoystickConfig config) {
        List<NamedKey> configured = parse(config.apiKey(), config.apiKeys());
        return configured.isEmpty() ? DEFAULT_KEY : configured.get(0).key();
    }

    static List<NamedKey> parse(Optional<String> single, Optional<String> list) {
        List<NamedKey> result = new ArrayList<>();
        single.map(String::trim).filter(s -> !s.isEmpty()).ifPresent(k -> result.add(new NamedKey("default", k)));
        list.ifPresent(value -> {
            int index = 1;
            for (String entry : value.split(",")) {
                String trimmed = entry.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                String name = eq > 0 ? trimmed.substring(0, eq).trim() : "";
                String key = eq > 0 ? trimmed.substring(eq + 1).trim() : "";
                // "name=key" only when it reads as one: base64 keys end in '=' padding, which must stay part of the key
                if (NAME.matcher(name).matches() && !key.isEmpty() && !key.chars().allMatch(c -> c == '=')) {
                    result.add(new NamedKey(name, key));
                } else {
                    result.add(new NamedKey("key" + index, trimmed));
                }
                index++;
            }
        });
        return result;
    }

    private void warnDefaultKeyInUse() {
        long now = System.currentTimeMillis();
        long last = lastDefaultKeyWarning.get();
        if (now - last > DEFAULT_KEY_WARNING_INTERVAL_MS && lastDefaultKeyWarning.compareAndSet(last, now)) {
            LOG.warn(
                    "A request authenticated with the default development API key; set JOYSTICK_API_KEY before production");
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    record NamedKey(String name, String key) {
    }

    private record NamedDigest(String name, byte[] digest, boolean isDefault) {
    }
}
