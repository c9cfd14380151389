package io.fincopilot.ingestion.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and counts what it had to repair. The JDK's REPLACE action repairs silently; we
 * ask the decoder to report each malformed or unmappable sequence, write U+FFFD for it ourselves and
 * count it, so the uploader learns that the file was not clean UTF-8. A leading byte order mark is
 * dropped.
 */
public final class Utf8Text {

    /** The text and how many invalid byte sequences were replaced in it. */
    public record Decoded(String text, int replaced) {
    }

    private Utf8Text() {
    }

    public static Decoded decode(InputStream in) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        StringBuilder text = new StringBuilder();
        int replaced = 0;
        boolean eof = false;
        while (!eof) {
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            eof = n < 0;
            if (n > 0) {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
            while (true) {
                CoderResult result = decoder.decode(bytes, chars, eof);
                if (result.isError()) {
                    bytes.position(bytes.position() + result.length());
                    drain(chars, text);
                    text.append('\uFFFD');
                    replaced++;
                } else if (result.isOverflow()) {
                    drain(chars, text);
                } else {
                    break;
                }
            }
            bytes.compact();
        }
        decoder.flush(chars);
        drain(chars, text);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text.deleteCharAt(0);
        }
        return new Decoded(text.toString(), replaced);
    }

    private static void drain(CharBuffer chars, StringBuilder text) {
        chars.flip();
        text.append(chars);
        chars.clear();
    }

    /** The note an extractor adds when bytes were replaced, or null when none were. */
    static String note(Decoded decoded) {
        if (decoded.replaced() == 0) {
            return null;
        }
        return decoded.replaced() + (decoded.replaced() == 1 ? " invalid UTF-8 byte sequence" : " invalid UTF-8 byte sequences")
                + " replaced";
    }
}
