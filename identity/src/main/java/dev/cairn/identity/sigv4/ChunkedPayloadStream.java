package dev.cairn.identity.sigv4;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decodes an {@code aws-chunked} request body into the object's bytes, verifying it on the way:
 *
 * <pre>
 * signed:    hex-size;chunk-signature=sig CRLF data CRLF ... 0;chunk-signature=sig CRLF [trailers] CRLF
 * unsigned:  hex-size CRLF data CRLF ... 0 CRLF trailers CRLF
 * trailers:  name:value CRLF ... [x-amz-trailer-signature:sig CRLF]
 * </pre>
 *
 * <p>Contracts:
 *
 * <ul>
 *   <li>In the signed modes a chunk is read whole and its signature verified before any of its bytes is returned,
 *       so a reader never sees unverified data. That bounds memory to one chunk: a buffer as large as the largest
 *       chunk so far, at most {@link #MAX_CHUNK_SIZE} (clients send 64 KiB to a few MiB). Unsigned chunks are
 *       passed straight through, unbuffered.
 *   <li>The body is complete and genuine only once {@code read} has returned -1: the final chunk's signature, the
 *       trailers and their signature, the decoded length ({@code x-amz-decoded-content-length}, when given) and the
 *       absence of bytes after the end are all checked before end-of-stream is reported. A consumer must not
 *       commit what it read before then.
 *   <li>Every failure is an {@link AuthException} thrown from {@code read}: {@link AuthError#INVALID_CHUNK_SIGNATURE}
 *       for a wrong chunk or trailer signature, {@link AuthError#INCOMPLETE_BODY} for a body that ends early or
 *       disagrees with the decoded length, {@link AuthError#INVALID_REQUEST} for broken framing (including a chunk
 *       over {@link #MAX_CHUNK_SIZE}), {@link AuthError#MALFORMED_TRAILER} for bad trailers. Failures are sticky.
 *   <li>Trailer names are compared with {@code x-amz-trailer} when it was sent: each announced trailer must
 *       arrive and no other may. The terminating empty line may be missing at the very end of the input.
 *   <li>The raw stream must end where the body ends (HTTP layers bound it by {@code Content-Length} or chunked
 *       transfer coding). {@link #close()} closes it. Not thread-safe.
 * </ul>
 */
public final class ChunkedPayloadStream extends InputStream {

    /** The largest chunk accepted: 16 MiB, as MinIO; a chunk header above it fails before anything is allocated. */
    public static final int MAX_CHUNK_SIZE = 16 << 20;

    /** At most this many trailer lines (checksums are one each; the signature is one more). */
    static final int MAX_TRAILER_LINES = 16;

    private static final String SIGNATURE_EXTENSION = "chunk-signature=";
    private static final String TRAILER_SIGNATURE = "x-amz-trailer-signature";

    private final ChunkedInput in;
    private final PayloadMode mode;
    private final ChunkSignatureChain chain;
    private final Set<String> declaredTrailers;
    private final Long decodedLength;

    private final byte[] single = new byte[1];
    private byte[] chunk = new byte[0];
    private int pos;
    private int limit;
    private long unsignedRemaining;
    private long decoded;
    private boolean finished;
    private AuthException failure;
    private Map<String, String> trailers;

    /**
     * Decodes {@code raw} as the body of the request {@code auth} describes, which must be in a streaming mode.
     *
     * @param decodedLength the {@code x-amz-decoded-content-length} the request declared, or {@code null}
     */
    public ChunkedPayloadStream(InputStream raw, AuthResult auth, Long decodedLength) {
        Objects.requireNonNull(raw, "raw");
        if (!auth.payloadMode().streaming()) {
            throw new IllegalArgumentException("payload mode " + auth.payloadMode() + " is not aws-chunked");
        }
        if (decodedLength != null && decodedLength < 0) {
            throw new IllegalArgumentException("negative decoded length " + decodedLength);
        }
        this.in = new ChunkedInput(new BufferedInputStream(raw, 8192));
        this.mode = auth.payloadMode();
        this.chain = mode.signedChunks() ? new ChunkSignatureChain(auth.chunkSigning()) : null;
        this.declaredTrailers = auth.trailerNames();
        this.decodedLength = decodedLength;
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
        if (finished) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        try {
            while (true) {
                if (pos < limit) {
                    int n = Math.min(len, limit - pos);
                    System.arraycopy(chunk, pos, b, off, n);
                    pos += n;
                    return n;
                }
                if (unsignedRemaining > 0) {
                    int n = in.readSome(b, off, (int) Math.min(len, unsignedRemaining));
                    unsignedRemaining -= n;
                    if (unsignedRemaining == 0) {
                        in.expectCrlf();
                    }
                    return n;
                }
                if (!nextChunk()) {
                    finished = true;
                    return -1;
                }
            }
        } catch (AuthException e) {
            failure = e;
            throw e;
        }
    }

    /** The trailing headers (lower-case names, without the trailer signature), once the body was read to its end. */
    public Map<String, String> trailers() {
        if (!finished) {
            throw new IllegalStateException("trailers are known only after the body was read to its end");
        }
        return trailers;
    }

    /** The decoded size of the chunks whose headers were read so far; the object's size once at the end. */
    public long decodedBytes() {
        return decoded;
    }

    @Override
    public int available() throws IOException {
        if (failure != null || finished) {
            return 0;
        }
        if (pos < limit) {
            return limit - pos;
        }
        return unsignedRemaining > 0 ? (int) Math.min(unsignedRemaining, in.available()) : 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Reads the next chunk header and, for a data chunk, gets it ready to read; false after the final chunk. */
    private boolean nextChunk() throws IOException {
        String header = in.readLine(true, AuthError.INVALID_REQUEST, "chunk header");
        if (header == null) {
            throw new AuthException(AuthError.INCOMPLETE_BODY, "the body ended before its final (zero-size) chunk");
        }
        int semicolon = header.indexOf(';');
        int size = parseSize(semicolon < 0 ? header : header.substring(0, semicolon));
        String signature = chain == null ? null : chunkSignature(header, semicolon);
        if (decodedLength != null && decoded + size > decodedLength) {
            throw new AuthException(AuthError.INCOMPLETE_BODY,
                    "the chunks carry more than x-amz-decoded-content-length (" + decodedLength + ") bytes");
        }
        decoded += size;
        if (size == 0) {
            finish(signature);
            return false;
        }
        if (chain == null) {
            unsignedRemaining = size;
            return true;
        }
        if (chunk.length < size) {
            chunk = new byte[size];
        }
        in.readFully(chunk, size);
        if (!chain.verifyChunk(chunk, 0, size, signature)) {
            throw new AuthException(AuthError.INVALID_CHUNK_SIGNATURE,
                    "the signature of the chunk ending at decoded byte " + decoded + " does not match");
        }
        in.expectCrlf();
        pos = 0;
        limit = size;
        return true;
    }

    private static int parseSize(String hex) {
        String digits = trimBlanks(hex);
        if (digits.isEmpty() || digits.length() > 8) {
            throw new AuthException(AuthError.INVALID_REQUEST, "chunk size '" + hex + "' is not hexadecimal");
        }
        long size = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), 16);
            if (d < 0) {
                throw new AuthException(AuthError.INVALID_REQUEST, "chunk size '" + hex + "' is not hexadecimal");
            }
            size = size << 4 | d;
        }
        if (size > MAX_CHUNK_SIZE) {
            throw new AuthException(AuthError.INVALID_REQUEST,
                    "chunk of " + size + " bytes is over the limit of " + MAX_CHUNK_SIZE);
        }
        return (int) size;
    }

    private static String chunkSignature(String header, int semicolon) {
        String extension = semicolon < 0 ? "" : trimBlanks(header.substring(semicolon + 1));
        if (!extension.startsWith(SIGNATURE_EXTENSION)) {
            throw new AuthException(AuthError.INVALID_REQUEST, "chunk header '" + header + "' has no chunk-signature");
        }
        return extension.substring(SIGNATURE_EXTENSION.length());
    }

    /** After the zero-size chunk: its signature, the trailers, the end of input and the decoded length. */
    private void finish(String finalSignature) throws IOException {
        if (chain != null && !chain.verifyChunk(chunk, 0, 0, finalSignature)) {
            throw new AuthException(AuthError.INVALID_CHUNK_SIGNATURE, "the signature of the final chunk does not match");
        }
        trailers = mode.trailer() ? readTrailers() : Map.of();
        if (!mode.trailer()) {
            String end = in.readLine(true, AuthError.INVALID_REQUEST, "final CRLF");
            if (end != null && !end.isEmpty()) {
                throw new AuthException(AuthError.MALFORMED_TRAILER,
                        "trailing headers follow a payload of mode " + mode.wireValue() + ", which has none");
            }
        }
        in.expectEnd();
        if (decodedLength != null && decoded != decodedLength) {
            throw new AuthException(AuthError.INCOMPLETE_BODY, "the chunks carry " + decoded
                    + " bytes, x-amz-decoded-content-length says " + decodedLength);
        }
    }

    private Map<String, String> readTrailers() throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        ByteArrayOutputStream signedLines = new ByteArrayOutputStream();
        String signature = null;
        for (int lines = 0; ; lines++) {
            String line = in.readLine(false, AuthError.MALFORMED_TRAILER, "trailer");
            if (line == null || line.isEmpty()) {
                break;
            }
            if (lines == MAX_TRAILER_LINES || signature != null) {
                throw new AuthException(AuthError.MALFORMED_TRAILER,
                        signature != null ? "a trailer follows the trailer signature" : "too many trailer lines");
            }
            int colon = line.indexOf(':');
            String name = colon <= 0 ? "" : trimBlanks(line.substring(0, colon)).toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new AuthException(AuthError.MALFORMED_TRAILER, "trailer line '" + line + "' is not name:value");
            }
            String value = trimBlanks(line.substring(colon + 1));
            if (name.equals(TRAILER_SIGNATURE) && chain != null) {
                signature = value;
                continue;
            }
            if (!declaredTrailers.isEmpty() && !declaredTrailers.contains(name)) {
                throw new AuthException(AuthError.MALFORMED_TRAILER, "trailer " + name + " was not announced in "
                        + "x-amz-trailer " + declaredTrailers);
            }
            if (found.putIfAbsent(name, value) != null) {
                throw new AuthException(AuthError.MALFORMED_TRAILER, "trailer " + name + " appears twice");
            }
            signedLines.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
            signedLines.write('\n');
        }
        if (chain != null) {
            if (signature == null) {
                throw new AuthException(AuthError.MALFORMED_TRAILER, "the trailers have no x-amz-trailer-signature");
            }
            if (!chain.verifyTrailer(signedLines.toByteArray(), signature)) {
                throw new AuthException(AuthError.INVALID_CHUNK_SIGNATURE, "the trailer signature does not match");
            }
        }
        if (!found.keySet().containsAll(declaredTrailers)) {
            throw new AuthException(AuthError.MALFORMED_TRAILER,
                    "announced trailers " + declaredTrailers + " did not all arrive; got " + found.keySet());
        }
        return Map.copyOf(found);
    }

    /**
     * Drops spaces and tabs (only those: other control bytes stay and fail the parse or the signature) around a
     * header field.
     */
    private static String trimBlanks(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && (s.charAt(start) == ' ' || s.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
            end--;
        }
        return s.substring(start, end);
    }

    /** The capacity of the chunk buffer: the largest signed chunk so far (0 in unsigned mode). */
    int bufferCapacity() {
        return chunk.length;
    }
}
