package io.joystick.auth.apikey;

import static io.joystick.auth.apikey.ApiKeyRegistry.DEFAULT_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.joystick.auth.apikey.ApiKeyRegistry.NamedKey;
import io.joystick.auth.config.RefusedToStart;
import io.quarkus.runtime.LaunchMode;

class ApiKeyRegistryTest {

    private static final String REAL_KEY = "4f1c2b7e9a0d4c8e8b1f6a3d2e5c7b90";

    private static ApiKeyRegistry registry(Optional<String> single, Optional<String> list, LaunchMode mode) {
        return new ApiKeyRegistry(ApiKeyRegistry.parse(single, list), false, mode);
    }

    // --- the default development key

    @Test
    void prodRefusesToStartWithoutConfiguredKeys() {
        RefusedToStart e = assertThrows(RefusedToStart.class,
                () -> new ApiKeyRegistry(List.of(), false, LaunchMode.NORMAL));
        assertTrue(e.getMessage().contains("JOYSTICK_ALLOW_DEFAULT_API_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains(DEFAULT_KEY), "the error names the setting, not the key");
    }

    @Test
    void prodRefusesToStartWithTheDefaultKeyGivenExplicitly() {
        assertThrows(RefusedToStart.class,
                () -> registry(Optional.of(DEFAULT_KEY), Optional.empty(), LaunchMode.NORMAL));
        assertThrows(RefusedToStart.class,
                () -> registry(Optional.empty(), Optional.of("real=" + REAL_KEY + ",old=" + DEFAULT_KEY),
                        LaunchMode.NORMAL));
        assertThrows(RefusedToStart.class,
                () -> registry(Optional.empty(), Optional.of(" " + DEFAULT_KEY + " "), LaunchMode.NORMAL));
    }

    @Test
    void prodAcceptsTheDefaultKeyOnlyWhenExplicitlyAllowed() {
        ApiKeyRegistry implicit = new ApiKeyRegistry(List.of(), true, LaunchMode.NORMAL);
        assertEquals(Optional.of("default"), implicit.match(DEFAULT_KEY));

        ApiKeyRegistry explicit =
                new ApiKeyRegistry(ApiKeyRegistry.parse(Optional.of(DEFAULT_KEY), Optional.empty()), true,
                        LaunchMode.NORMAL);
        assertEquals(Optional.of("default"), explicit.match(DEFAULT_KEY));
    }

    @ParameterizedTest
    @EnumSource(value = LaunchMode.class, names = {"DEVELOPMENT", "TEST"})
    void devAndTestAcceptTheDefaultKeyWhenNoneIsConfigured(LaunchMode mode) {
        ApiKeyRegistry registry = new ApiKeyRegistry(List.of(), false, mode);
        assertEquals(Optional.of("default"), registry.match(DEFAULT_KEY));
        assertEquals(Optional.empty(), registry.match(REAL_KEY));
    }

    @ParameterizedTest
    @EnumSource(value = LaunchMode.class, names = {"DEVELOPMENT", "TEST"})
    void devAndTestAcceptTheDefaultKeyGivenExplicitly(LaunchMode mode) {
        ApiKeyRegistry registry = registry(Optional.empty(), Optional.of("local=" + DEFAULT_KEY), mode);
        assertEquals(Optional.of("local"), registry.match(DEFAULT_KEY));
    }

    @Test
    void prodWithRealKeysStartsAndRefusesTheDefaultKey() {
        ApiKeyRegistry registry = registry(Optional.of(REAL_KEY), Optional.empty(), LaunchMode.NORMAL);
        assertEquals(Optional.of("default"), registry.match(REAL_KEY));
        assertEquals(Optional.empty(), registry.match(DEFAULT_KEY));
    }

    @ParameterizedTest
    @EnumSource(value = LaunchMode.class)
    void configuredKeysReplaceTheDefaultKeyInEveryMode(LaunchMode mode) {
        ApiKeyRegistry registry = registry(Optional.empty(), Optional.of("svc=" + REAL_KEY), mode);
        assertEquals(Optional.empty(), registry.match(DEFAULT_KEY));
    }

    // --- parsing JOYSTICK_API_KEY and JOYSTICK_API_KEYS

    @Test
    void parsesNamedKeys() {
        assertEquals(List.of(new NamedKey("primary", "k-one"), new NamedKey("next", "k-two")),
                ApiKeyRegistry.parse(Optional.empty(), Optional.of("primary=k-one,next=k-two")));
    }

    @Test
    void namesUnnamedKeysByPosition() {
        assertEquals(
                List.of(new NamedKey("key1", "k-one"), new NamedKey("named", "k-two"), new NamedKey("key3", "k-three")),
                ApiKeyRegistry.parse(Optional.empty(), Optional.of("k-one,named=k-two,k-three")));
    }

    @Test
    void trimsWhitespaceAroundEntriesNamesAndKeys() {
        assertEquals(List.of(new NamedKey("a", "k-one"), new NamedKey("key2", "k-two")),
                ApiKeyRegistry.parse(Optional.empty(), Optional.of("  a =  k-one \t,\n k-two  ")));
        assertEquals(List.of(new NamedKey("default", "solo-key")),
                ApiKeyRegistry.parse(Optional.of("  solo-key \n"), Optional.empty()));
    }

    @Test
    void skipsEmptyEntries() {
        assertEquals(List.of(new NamedKey("key1", "k-one"), new NamedKey("key2", "k-two")),
                ApiKeyRegistry.parse(Optional.empty(), Optional.of(",k-one,, ,k-two,")));
        assertEquals(List.of(), ApiKeyRegistry.parse(Optional.of("   "), Optional.of(" , ,")));
        assertEquals(List.of(), ApiKeyRegistry.parse(Optional.empty(), Optional.empty()));
    }

    @Test
    void keepsAnEqualsSignInsideTheKey() {
        assertEquals(List.of(new NamedKey("svc", "abc=def==")),
                ApiKeyRegistry.parse(Optional.empty(), Optional.of("svc=abc=def==")));
    }

    @Test
    void anUnnamedBase64KeyKeepsItsPadding() {
        assertEquals(List.of(new NamedKey("key1", "o8Ne4yJm/VJTeN++IbKLwg==")),
                ApiKeyRegistry.parse(Optional.empty(), Optional.of("o8Ne4yJm/VJTeN++IbKLwg==")));
        // no '+' or '/' in it: what stands before '=' could be a name, but padding alone is no key
        assertEquals(
                List.of(new NamedKey("key1", "abcdEFGH12345678abcdEF=="),
                        new NamedKey("svc", "abcdEFGH12345678abcdEF==")),
                ApiKeyRegistry.parse(Optional.empty(),
                        Optional.of("abcdEFGH12345678abcdEF==,svc=abcdEFGH12345678abcdEF==")));
    }

    @Test
    void paddingIsNeverAcceptedAsAKey() {
        ApiKeyRegistry registry =
                registry(Optional.empty(), Optional.of("abcdEFGH12345678abcdEF=="), LaunchMode.NORMAL);
        assertEquals(Optional.empty(), registry.match("="));
        assertEquals(Optional.empty(), registry.match("=="));
        assertEquals(Optional.of("key1"), registry.match("abcdEFGH12345678abcdEF=="));
    }

    @Test
    void refusesToStartWithAShortKeyWithoutShowingIt() {
        RefusedToStart e = assertThrows(RefusedToStart.class,
                () -> registry(Optional.empty(), Optional.of("svc=tooShort-123"), LaunchMode.TEST));
        assertTrue(e.getMessage().contains("'svc'"), e.getMessage());
        assertFalse(e.getMessage().contains("tooShort-123"), e.getMessage());
        assertThrows(RefusedToStart.class, () -> registry(Optional.of("svc="), Optional.empty(), LaunchMode.TEST));
    }

    @Test
    void singleKeyComesFirstSoItIsTheOutgoingKey() {
        assertEquals(List.of(new NamedKey("default", "single"), new NamedKey("next", "rotated")),
                ApiKeyRegistry.parse(Optional.of("single"), Optional.of("next=rotated")));
    }

    @Test
    void blankConfigurationFallsBackToTheDefaultKeyOutsideProd() {
        ApiKeyRegistry registry = registry(Optional.of(" "), Optional.of(" , "), LaunchMode.TEST);
        assertEquals(Optional.of("default"), registry.match(DEFAULT_KEY));
        assertThrows(RefusedToStart.class, () -> registry(Optional.of(" "), Optional.of(" , "), LaunchMode.NORMAL));
    }

    // --- matching

    @Test
    void matchReturnsTheNameOfThePresentedKey() {
        ApiKeyRegistry registry = registry(Optional.of("single-key-000000"),
                Optional.of("primary=first-key-1111111, second-key-2222222 ,next=third-key-3333333"),
                LaunchMode.NORMAL);
        assertEquals(Optional.of("default"), registry.match("single-key-000000"));
        assertEquals(Optional.of("primary"), registry.match("first-key-1111111"));
        assertEquals(Optional.of("key2"), registry.match("second-key-2222222"));
        assertEquals(Optional.of("next"), registry.match("third-key-3333333"));
    }

    @Test
    void matchRefusesWrongKeys() {
        ApiKeyRegistry registry = registry(Optional.empty(), Optional.of("svc=" + REAL_KEY), LaunchMode.NORMAL);
        assertEquals(Optional.empty(), registry.match("wrong"));
        assertEquals(Optional.empty(), registry.match(REAL_KEY.substring(1)));
        assertEquals(Optional.empty(), registry.match(REAL_KEY + "0"));
        assertEquals(Optional.empty(), registry.match(REAL_KEY.toUpperCase()));
        assertEquals(Optional.empty(), registry.match(" " + REAL_KEY));
        assertEquals(Optional.empty(), registry.match("svc"));
        assertEquals(Optional.empty(), registry.match("svc=" + REAL_KEY));
    }

    @Test
    void matchRefusesEmptyAndNullKeys() {
        ApiKeyRegistry registry = registry(Optional.empty(), Optional.of("svc=" + REAL_KEY), LaunchMode.NORMAL);
        assertEquals(Optional.empty(), registry.match(""));
        assertEquals(Optional.empty(), registry.match(null));
    }

    @Test
    void matchRefusesOversizedKeysEvenWhenConfigured() {
        String huge = "k".repeat(ApiKeyRegistry.MAX_KEY_LENGTH + 1);
        String longest = "m".repeat(ApiKeyRegistry.MAX_KEY_LENGTH);
        ApiKeyRegistry registry = registry(Optional.empty(), Optional.of("huge=" + huge + ",longest=" + longest),
                LaunchMode.NORMAL);
        assertEquals(Optional.empty(), registry.match(huge));
        assertEquals(Optional.empty(), registry.match("x".repeat(100_000)));
        assertEquals(Optional.of("longest"), registry.match(longest));
    }
}
