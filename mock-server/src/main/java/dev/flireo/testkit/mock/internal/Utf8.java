package dev.flireo.testkit.mock.internal;

/**
 * Strict UTF-8 (RFC 3629) as JSON requires it. Jackson's decoder is lenient: it turns the overlong {@code C0 AF}
 * into {@code /} and {@code F4 90 80 80} (beyond U+10FFFF) into a surrogate pair, so a body would be stored other
 * than it was sent. This refuses instead, naming the byte offset (counted from 0) and the kind of fault.
 */
final class Utf8 {

    private Utf8() {}

    /** What is wrong with the bytes as UTF-8 JSON text, or null when nothing is. */
    static String problem(byte[] bytes) {
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                if (b == 0) {
                    // Never in JSON text; a NUL is how UTF-16 or UTF-32 JSON looks, which Jackson would decode.
                    return at(i, "a NUL byte (JSON must be UTF-8, not UTF-16 or UTF-32)");
                }
                i++;
                continue;
            }
            int length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
            if (length == 0) {
                return at(
                        i,
                        b >= 0x80 && b <= 0xbf
                                ? "a continuation byte 0x" + hex(b) + " without a lead byte"
                                : b == 0xc0 || b == 0xc1
                                        ? "an overlong encoding (lead byte 0x" + hex(b) + ")"
                                        : "byte 0x" + hex(b) + ", which never occurs in UTF-8");
            }
            for (int k = 1; k < length; k++) {
                if (i + k >= bytes.length || (bytes[i + k] & 0xc0) != 0x80) {
                    return at(i, "a truncated " + length + "-byte sequence");
                }
            }
            int second = bytes[i + 1] & 0xff;
            if (b == 0xe0 && second < 0xa0 || b == 0xf0 && second < 0x90) {
                return at(i, "an overlong encoding");
            }
            if (b == 0xed && second >= 0xa0) {
                return at(i, "an encoded UTF-16 surrogate (U+D800 to U+DFFF)");
            }
            if (b == 0xf4 && second >= 0x90) {
                return at(i, "a code point beyond U+10FFFF");
            }
            i += length;
        }
        return null;
    }

    private static String at(int offset, String what) {
        return "Invalid UTF-8 at byte offset " + offset + ": " + what;
    }

    private static String hex(int b) {
        return String.format("%02X", b);
    }
}
