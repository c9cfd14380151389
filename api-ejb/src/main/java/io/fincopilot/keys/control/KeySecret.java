package io.fincopilot.keys.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of an API key: {@code fc_live_<prefix>_<secret>}, a 12-character prefix that finds the
 * key and names it in lists and logs, and a 43-character secret of about 256 random bits. Only the
 * secret's SHA-256 is stored; a random 256-bit secret needs no slow hash.
 */
public record KeySecret(String prefix, String secret) {

    public static final String MARK = "fc_live_";
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String PREFIX_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final int PREFIX_LENGTH = 12;
    private static final int SECRET_LENGTH = 43;
    private static final Pattern SHAPE = Pattern.compile("fc_live_([0-9a-z]{12})_([0-9A-Za-z]{43})");
    /** The mark, also URL-encoded or in other case, and whatever follows it up to a URL delimiter. */
    private static final Pattern LOOKS_LIKE_KEY = Pattern.compile("(?i)fc(_|%5f)live(_|%5f)[^/;?&#\\s]*");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static KeySecret generate() {
        return new KeySecret(random(PREFIX_ALPHABET, PREFIX_LENGTH), random(ALPHABET, SECRET_LENGTH));
    }

    /** Reads a presented key; anything not of the exact shape is not a key. */
    public static Optional<KeySecret> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(presented.trim());
        return m.matches() ? Optional.of(new KeySecret(m.group(1), m.group(2))) : Optional.empty();
    }

    public static boolean looksLikeKey(String text) {
        return text != null && LOOKS_LIKE_KEY.matcher(text).find();
    }

    /** The text with anything that may be a key (also URL-encoded) replaced, for logs and echoes. */
    public static String redact(String text) {
        return text == null ? null : LOOKS_LIKE_KEY.matcher(text).replaceAll("fc_live_[redacted]");
    }

    /** The key as the client uses it; shown once, at creation. */
    public String token() {
        return MARK + prefix + "_" + secret;
    }

    public String hash() {
        return sha256(secret);
    }

    /** Whether this secret hashes to the stored hash, compared in constant time. */
    public boolean matches(String storedHash) {
        return MessageDigest.isEqual(hash().getBytes(StandardCharsets.US_ASCII),
                storedHash.trim().getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String random(String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "KeySecret[" + prefix + "]";
    }
}
