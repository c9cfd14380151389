package io.fincopilot.keys.control;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Addresses and CIDR ranges (IPv4 and IPv6) a key may be used from. Entries are literal addresses
 * only: no host names are ever looked up.
 */
public final class IpAllowList {

    private final List<Range> ranges;

    private record Range(BigInteger network, int prefixLength, int bits) {

        boolean contains(byte[] address) {
            if (address.length * 8 != bits) {
                return false;
            }
            int shift = bits - prefixLength;
            return new BigInteger(1, address).shiftRight(shift).equals(network.shiftRight(shift));
        }
    }

    private IpAllowList(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Parses entries such as {@code 203.0.113.7}, {@code 10.0.0.0/8}, {@code 2001:db8::/32}. */
    public static IpAllowList parse(List<String> entries) {
        return new IpAllowList(entries.stream().map(String::trim).filter(e -> !e.isEmpty()).map(IpAllowList::range).toList());
    }

    /** Checks an entry's shape, for validating requests. */
    public static void validate(String entry) {
        range(entry.trim());
    }

    /** Whether the text is one literal IPv4 or IPv6 address. */
    public static boolean isAddress(String text) {
        try {
            literal(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public boolean allows(String address) {
        if (ranges.isEmpty()) {
            return true;
        }
        byte[] bytes;
        try {
            bytes = literal(address);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return ranges.stream().anyMatch(r -> r.contains(bytes));
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
        int bits = address.length * 8;
        int prefix;
        try {
            prefix = slash < 0 ? bits : Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + entry + "' has a malformed prefix length");
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0-" + bits);
        }
        return new Range(new BigInteger(1, address), prefix, bits);
    }

    private static byte[] literal(String text) {
        boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = text.contains(":") && text.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6 || v4 && java.util.Arrays.stream(text.split("\\.")).anyMatch(o -> Integer.parseInt(o) > 255)) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
        }
    }
}
