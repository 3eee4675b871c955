package dev.cairn.storage.api.checksum;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Passes a request body through while computing one checksum, and checks it against the value the client sent.
 *
 * <p>The end of the body is the {@code length}-th byte when the length is known (Content-Length, or
 * {@code x-amz-decoded-content-length} for aws-chunked bodies), else the end of {@code in}. When the length is
 * known the stream, on reaching it, reads {@code in} once more: it must be at its end (this also makes a chunked
 * decoder read its trailer, which is why the expected value may come from a supplier, asked only then). Then the
 * digest is computed and, if an expected value was given and differs, the read that reached the end throws
 * {@link S3Exception} BadDigest instead of returning: the consumer never sees the last bytes or the end, so a
 * write that stores what it reads (e.g. {@code ObjectLayer.putObject}, which reads exactly the length) fails
 * before it commits. Data past the declared length is IncompleteBody; a body shorter than the length simply ends
 * (the consumer reports IncompleteBody).
 *
 * <p>The caller closes the stream (which closes {@code in}). Not thread-safe. Mark/reset are not supported.
 */
public final class ChecksumInputStream extends FilterInputStream {

    private final Checksummer checksummer;
    private final long length;
    private final Supplier<String> expected;
    private long consumed;
    private byte[] digest;
    /** The error the end of the body raised; every later read raises it again. */
    private S3Exception failure;

    private ChecksumInputStream(InputStream in, ChecksumAlgorithm algorithm, long length, Supplier<String> expected) {
        super(Objects.requireNonNull(in, "in"));
        this.checksummer = algorithm.newChecksummer();
        this.length = length;
        this.expected = expected;
    }

    /** Computes the checksum only; {@code length} -1 when unknown. */
    public static ChecksumInputStream computing(InputStream in, ChecksumAlgorithm algorithm, long length) {
        return new ChecksumInputStream(in, algorithm, length, null);
    }

    /**
     * Checks the body against {@code expectedBase64} (from the {@code x-amz-checksum-*} header); a malformed value
     * is InvalidRequest now, before any byte is read.
     */
    public static ChecksumInputStream verifying(InputStream in, ChecksumAlgorithm algorithm, long length,
                                                String expectedBase64) {
        String value = algorithm.encode(algorithm.decode(expectedBase64));
        return new ChecksumInputStream(in, algorithm, length, () -> value);
    }

    /**
     * Checks the body against a value known only at its end (an aws-chunked trailer): {@code trailerValue} is asked
     * once the body has ended; null there is MalformedTrailerError, a malformed value InvalidRequest.
     */
    public static ChecksumInputStream verifyingTrailer(InputStream in, ChecksumAlgorithm algorithm, long length,
                                                       Supplier<String> trailerValue) {
        Objects.requireNonNull(trailerValue, "trailerValue");
        return new ChecksumInputStream(in, algorithm, length, () -> {
            String v = trailerValue.get();
            if (v == null) {
                throw new S3Exception(S3Error.MALFORMED_TRAILER,
                        "The " + algorithm.headerName() + " trailer was not received.");
            }
            return v;
        });
    }

    public ChecksumAlgorithm algorithm() {
        return checksummer.algorithm();
    }

    /** The raw digest of the whole body, or null until its end has been read. */
    public byte[] digest() {
        return digest == null ? null : digest.clone();
    }

    /** The digest in base64, or null until the end has been read. */
    public String digestBase64() {
        return digest == null ? null : Base64.getEncoder().encodeToString(digest);
    }

    /** Bytes passed through so far. */
    public long consumed() {
        return consumed;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (failure != null) {
            throw failure;
        }
        if (digest != null) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        if (length >= 0 && consumed == length) { // length 0, or a previous call stopped exactly at it
            finish(true);
            return -1;
        }
        int want = length >= 0 ? (int) Math.min(len, length - consumed) : len;
        int n = in.read(b, off, want);
        if (n < 0) {
            if (length < 0) {
                finish(false);
            }
            return -1; // short of the declared length: not verified, the consumer reports the short body
        }
        checksummer.update(b, off, n);
        consumed += n;
        if (length >= 0 && consumed == length) {
            finish(true);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must be checksummed too: read them.
        byte[] sink = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(sink, 0, (int) Math.min(sink.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        if (digest != null) {
            return 0;
        }
        int a = in.available();
        return length >= 0 ? (int) Math.min(a, length - consumed) : a;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readLimit) {
        // not supported
    }

    @Override
    public void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** The body has ended: probe for excess data (known length), compute the digest, compare. */
    private void finish(boolean probe) throws IOException {
        try {
            if (probe && in.read() >= 0) {
                throw new S3Exception(S3Error.INCOMPLETE_BODY,
                        "The request body is longer than its declared length.");
            }
            digest = checksummer.digest();
            if (expected == null) {
                return;
            }
            ChecksumAlgorithm algorithm = checksummer.algorithm();
            byte[] want = algorithm.decode(expected.get());
            if (!Arrays.equals(want, digest)) {
                throw new S3Exception(S3Error.BAD_DIGEST,
                        "The " + algorithm.wireName() + " you specified did not match the calculated checksum.");
            }
        } catch (S3Exception e) {
            failure = e;
            throw e;
        }
    }
}
