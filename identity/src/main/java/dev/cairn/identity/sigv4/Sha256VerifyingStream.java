package dev.cairn.identity.sigv4;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Passes a body through while hashing it; when the source ends, compares the SHA-256 with the declared digest and
 * throws {@link AuthError#X_AMZ_CONTENT_SHA256_MISMATCH} instead of reporting end-of-stream if they differ.
 * The failure is sticky: every later read throws it again. Closing closes the source.
 */
final class Sha256VerifyingStream extends InputStream {

    private final InputStream in;
    private final byte[] expected;
    private final MessageDigest digest = Crypto.sha256();
    private final byte[] single = new byte[1];
    private boolean verified;
    private AuthException failure;

    Sha256VerifyingStream(InputStream in, String expectedHex) {
        this.in = in;
        if (!Crypto.isSha256Hex(expectedHex)) {
            throw new IllegalArgumentException("not a hex SHA-256: " + expectedHex);
        }
        this.expected = HexFormat.of().parseHex(expectedHex.toLowerCase(Locale.ROOT));
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (failure != null) {
            throw failure;
        }
        if (verified) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, len);
        if (n > 0) {
            digest.update(b, off, n);
            return n;
        }
        if (n < 0) {
            verify();
        }
        return n;
    }

    private void verify() {
        if (!MessageDigest.isEqual(digest.digest(), expected)) {
            failure = new AuthException(AuthError.X_AMZ_CONTENT_SHA256_MISMATCH,
                    "the provided 'x-amz-content-sha256' header does not match what was computed");
            throw failure;
        }
        verified = true;
    }

    @Override
    public int available() throws IOException {
        return failure != null || verified ? 0 : in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
