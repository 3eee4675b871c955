package dev.cairn.identity.sigv4;

import java.util.List;
import java.util.Set;

/**
 * The parts of an HTTP request that signatures cover, as the HTTP layer received them. The storage module
 * implements this over its server's request; nothing here reads the body.
 *
 * <p>Everything must be exactly what was on the wire: signatures are computed over the client's bytes, so a
 * decoded path, a re-serialized query or a header the server rewrote makes a valid request fail.
 */
public interface SignedRequest {

    /** The HTTP method, upper case as sent ({@code GET}, {@code PUT}, ...). */
    String method();

    /**
     * The path of the request target exactly as sent: still percent-encoded, without the query, starting with
     * {@code /} (an empty path stands for {@code /}). Characters outside ASCII, if a client sent them raw, are
     * given as themselves (they are UTF-8 encoded for signing).
     */
    String rawPath();

    /** The query string as sent, without the {@code ?}; {@code null} or empty when there is none. */
    String rawQuery();

    /**
     * Every value of the header {@code lowerCaseName}, one entry per header line in the order received; empty
     * when absent. {@code host} must be present (for HTTP/2, the {@code :authority}).
     */
    List<String> headers(String lowerCaseName);

    /** The names of all headers present, lower case. */
    Set<String> headerNames();

    /**
     * The bucket named by the {@code Host} header when the request is virtual-hosted style
     * ({@code bucket.s3.example.com}), or {@code null} for path-style requests. Only Signature V2 needs it: its
     * string to sign names the bucket even when the path does not. The router decides this; the default says
     * path-style.
     */
    default String virtualHostBucket() {
        return null;
    }

    /** The first value of a header, or {@code null}. */
    default String header(String lowerCaseName) {
        List<String> values = headers(lowerCaseName);
        return values.isEmpty() ? null : values.getFirst();
    }
}
