package io.joystick.device.terminal.service;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns a stream of output chunks into text, keeping a character split across two chunks for the next one. */
final class Utf8Text {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] carry = new byte[0];

    synchronized String decode(byte[] chunk) {
        ByteBuffer in = ByteBuffer.allocate(carry.length + chunk.length).put(carry).put(chunk).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        carry = new byte[in.remaining()];
        in.get(carry);
        return out.flip().toString();
    }

    synchronized void reset() {
        carry = new byte[0];
        decoder.reset();
    }
}
