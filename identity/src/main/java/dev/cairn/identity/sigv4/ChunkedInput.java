package dev.cairn.identity.sigv4;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The byte-level reading of an {@code aws-chunked} body: lines, exact-length data, CRLFs. End of input where more
 * is required is {@link AuthError#INCOMPLETE_BODY}; bytes that break the framing raise the caller's error.
 */
final class ChunkedInput {

    /** The longest chunk-header or trailer line accepted, terminator included. */
    static final int MAX_LINE = 4096;

    private final InputStream in;
    private final byte[] line = new byte[MAX_LINE];

    ChunkedInput(InputStream in) {
        this.in = in;
    }

    /**
     * Reads a line and returns it without its terminator (ISO-8859-1, so every byte maps to one char), or
     * {@code null} at a clean end of input before the line's first byte. With {@code crlfOnly} the line must end
     * in CRLF; otherwise a bare LF ends it too (some clients' trailers).
     */
    String readLine(boolean crlfOnly, AuthError malformed, String what) throws IOException {
        int length = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (length == 0) {
                    return null;
                }
                throw new AuthException(AuthError.INCOMPLETE_BODY, "the body ended inside a " + what);
            }
            if (b == '\n') {
                boolean cr = length > 0 && line[length - 1] == '\r';
                if (crlfOnly && !cr) {
                    throw new AuthException(malformed, "a " + what + " line must end with CRLF");
                }
                return new String(line, 0, cr ? length - 1 : length, StandardCharsets.ISO_8859_1);
            }
            if (length == MAX_LINE - 1) {
                throw new AuthException(malformed, "a " + what + " line is longer than " + MAX_LINE + " bytes");
            }
            line[length++] = (byte) b;
        }
    }

    /** Fills {@code b[0, len)} from the input. */
    void readFully(byte[] b, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int n = in.read(b, done, len - done);
            if (n < 0) {
                throw new AuthException(AuthError.INCOMPLETE_BODY,
                        "the body ended " + (len - done) + " bytes before the end of a chunk");
            }
            done += n;
        }
    }

    /** Reads up to {@code len} bytes of chunk data; never returns -1 (the end of input there is an error). */
    int readSome(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            throw new AuthException(AuthError.INCOMPLETE_BODY, "the body ended before the end of a chunk");
        }
        return n;
    }

    /** Consumes the CRLF that ends a chunk's data. */
    void expectCrlf() throws IOException {
        int cr = in.read();
        int lf = cr < 0 ? -1 : in.read();
        if (lf < 0) {
            throw new AuthException(AuthError.INCOMPLETE_BODY, "the body ended before the CRLF after a chunk");
        }
        if (cr != '\r' || lf != '\n') {
            throw new AuthException(AuthError.INVALID_REQUEST,
                    "chunk data is not followed by CRLF: the chunk is longer than its header says");
        }
    }

    /** Whether the input is at its end; raises {@link AuthError#INVALID_REQUEST} when bytes remain. */
    void expectEnd() throws IOException {
        if (in.read() >= 0) {
            throw new AuthException(AuthError.INVALID_REQUEST, "bytes follow the end of the aws-chunked body");
        }
    }

    int available() throws IOException {
        return in.available();
    }

    void close() throws IOException {
        in.close();
    }
}
