package dev.cairn.identity.policy;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}); a bare address is a
 * host network ({@code /32} or {@code /128}), as AWS accepts it in {@code IpAddress} conditions.
 *
 * <p>Parsing is done here, never with {@link java.net.InetAddress#getByName}, which would resolve a host name over
 * DNS: the policy engine does no I/O. An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is treated as the IPv4
 * address, so a client reaching a dual-stack socket still matches IPv4 ranges.
 */
record IpNetwork(byte[] address, int prefixLength) {

    IpNetwork {
        address = address.clone();
    }

    /** Parses a network or bare address; null when the text is neither. */
    static IpNetwork parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        byte[] address = parseAddress(slash < 0 ? s : s.substring(0, slash));
        if (address == null) {
            return null;
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return null;
            }
            prefix = Integer.parseInt(p);
            if (address.length == 4 && s.indexOf(':') >= 0) {
                prefix -= 96; // an IPv4-mapped IPv6 network, e.g. ::ffff:192.0.2.0/120, as its IPv4 network
            }
            if (prefix < 0 || prefix > bits) {
                return null;
            }
        }
        return new IpNetwork(address, prefix);
    }

    /** Whether {@code ip} (a bare address as text) lies in this network; false for text that is no address. */
    boolean contains(String ip) {
        return contains(parseAddress(ip.strip()));
    }

    /** Whether {@code other} (from {@link #parseAddress}, null for no address) lies in this network. */
    boolean contains(byte[] other) {
        if (other == null || other.length != address.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (other[i] != address[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (other[full] & mask) == (address[full] & mask);
    }

    /** Four bytes for IPv4 (also for IPv4-mapped IPv6), sixteen for IPv6, null when not an address. */
    static byte[] parseAddress(String s) {
        if (s.indexOf(':') >= 0) {
            byte[] v6 = parseIpv6(s);
            if (v6 != null && isIpv4Mapped(v6)) {
                return Arrays.copyOfRange(v6, 12, 16);
            }
            return v6;
        }
        return parseIpv4(s);
    }

    private static byte[] parseIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return null;
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return null;
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] parseIpv6(String s) {
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone); // a scope id names an interface, not part of the address
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        byte[] out = new byte[16];
        if (gap < 0) {
            return fill(s, out, 0, 16) == 16 ? out : null;
        }
        String head = s.substring(0, gap);
        String tail = s.substring(gap + 2);
        byte[] back = new byte[16];
        int headLen = head.isEmpty() ? 0 : fill(head, out, 0, 16);
        int tailLen = tail.isEmpty() ? 0 : fill(tail, back, 0, 16);
        if (headLen < 0 || tailLen < 0 || headLen + tailLen > 14) {
            return null;
        }
        System.arraycopy(back, 0, out, 16 - tailLen, tailLen);
        return out;
    }

    /**
     * Writes the colon-separated groups of {@code s} (an IPv4 dotted quad allowed as the last group) into
     * {@code out} from {@code at}; returns the bytes written or -1 when malformed.
     */
    private static int fill(String s, byte[] out, int at, int limit) {
        String[] groups = s.split(":", -1);
        int pos = at;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (i == groups.length - 1 && g.indexOf('.') >= 0) {
                byte[] v4 = parseIpv4(g);
                if (v4 == null || pos + 4 > limit) {
                    return -1;
                }
                System.arraycopy(v4, 0, out, pos, 4);
                pos += 4;
                continue;
            }
            if (g.isEmpty() || g.length() > 4 || pos + 2 > limit) {
                return -1;
            }
            int v = 0;
            for (int k = 0; k < g.length(); k++) {
                int d = Character.digit(g.charAt(k), 16);
                if (d < 0) {
                    return -1;
                }
                v = v * 16 + d;
            }
            out[pos++] = (byte) (v >> 8);
            out[pos++] = (byte) v;
        }
        return pos - at;
    }

    private static boolean isIpv4Mapped(byte[] v6) {
        for (int i = 0; i < 10; i++) {
            if (v6[i] != 0) {
                return false;
            }
        }
        return v6[10] == (byte) 0xff && v6[11] == (byte) 0xff;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpNetwork(byte[] a, int p) && p == prefixLength && Arrays.equals(a, address);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(address) * 31 + prefixLength;
    }

    @Override
    public String toString() {
        return Arrays.toString(address) + "/" + prefixLength;
    }
}
