package io.joystick.auth.jwt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CanonicalTokenUnitTest {

    @Test
    void acceptsUnpaddedBase64UrlParts() {
        assertTrue(CanonicalToken.isCanonical("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl-_8"));
    }

    @Test
    void rejectsSetUnusedBitsInTheLastCharacter() {
        // "QQ" is the canonical spelling of the byte 'A'; "QR" decodes to the same byte with a stray bit set.
        assertTrue(CanonicalToken.isCanonical("QQ.QQ.QQ"));
        assertFalse(CanonicalToken.isCanonical("QQ.QQ.QR"));
    }

    @Test
    void rejectsEmptyPartsAndWrongPartCounts() {
        assertFalse(CanonicalToken.isCanonical("QQ.QQ."));
        assertFalse(CanonicalToken.isCanonical("QQ.QQ"));
        assertFalse(CanonicalToken.isCanonical("QQ.QQ.QQ.QQ"));
        assertFalse(CanonicalToken.isCanonical("Q.QQ.QQ"), "a dangling character is no whole byte");
    }
}
