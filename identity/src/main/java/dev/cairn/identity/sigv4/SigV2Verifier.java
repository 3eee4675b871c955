package dev.cairn.identity.sigv4;

import dev.cairn.identity.CredentialStore;
import dev.cairn.identity.Credentials;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Verifies Signature Version 2 ("Signing and Authenticating REST Requests"), for old clients: the
 * {@code Authorization: AWS <key>:<signature>} header and the {@code AWSAccessKeyId/Expires/Signature} query.
 *
 * <pre>
 * base64(HMAC-SHA1(secret, method \n Content-MD5 \n Content-Type \n date \n amz-headers resource))
 * </pre>
 *
 * where {@code date} is the {@code Date} header (empty when {@code x-amz-date} is sent, which then appears among
 * the amz headers) or, for the query form, {@code Expires}. The resource is {@code /bucket} for virtual-hosted
 * requests followed by the raw path, then the sub-resources of {@link #SUB_RESOURCES} in the query, sorted, with
 * decoded values. SigV2 says nothing about the body ({@link PayloadMode#NONE}).
 */
final class SigV2Verifier {

    /**
     * Query parameters that are part of the signed resource: the list in AWS's SigV2 documentation with the
     * response overrides, and the sub-resources later S3 APIs added that botocore and MinIO sign as well.
     */
    static final Set<String> SUB_RESOURCES = Set.of("accelerate", "acl", "analytics", "cors", "delete",
            "encryption", "inventory", "legal-hold", "lifecycle", "location", "logging", "metrics", "notification",
            "object-lock", "partNumber", "policy", "replication", "requestPayment", "response-cache-control",
            "response-content-disposition", "response-content-encoding", "response-content-language",
            "response-content-type", "response-expires", "restore", "retention", "select", "select-type",
            "tagging", "torrent", "uploadId", "uploads", "versionId", "versioning", "versions", "website");

    private final CredentialStore store;
    private final InstantSource clock;

    SigV2Verifier(CredentialStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
    }

    AuthResult verifyHeader(SignedRequest req, String authorization, QueryParameters query) {
        int colon = authorization.lastIndexOf(':');
        String accessKey = colon < 0 ? "" : authorization.substring("AWS ".length(), colon).strip();
        String signature = colon < 0 ? "" : authorization.substring(colon + 1).strip();
        if (accessKey.isEmpty() || signature.isEmpty()) {
            throw new AuthException(AuthError.AUTHORIZATION_HEADER_MALFORMED,
                    "Authorization must be 'AWS <access key>:<signature>'");
        }
        Credentials credentials = Checks.lookup(store, accessKey);
        String amzDate = req.header("x-amz-date");
        String date = req.header("date");
        Instant time = AmzDates.parseHttpDate(amzDate != null ? amzDate : date);
        if (time == null) {
            throw new AuthException(AuthError.MISSING_SECURITY_HEADER,
                    "AWS authentication requires a valid Date or x-amz-date header");
        }
        Checks.checkSkew(time, clock.instant());
        String dateLine = amzDate != null || date == null ? "" : date.strip();
        verifySignature(credentials, req, dateLine, query, signature);
        Checks.checkToken(credentials, req.header("x-amz-security-token"));
        return new AuthResult(credentials, PayloadMode.NONE, null, time, null, null, Set.of(), false, 2);
    }

    AuthResult verifyQuery(SignedRequest req, QueryParameters query) {
        AuthError error = AuthError.AUTHORIZATION_QUERY_PARAMETERS_ERROR;
        for (String name : List.of("AWSAccessKeyId", "Expires", "Signature")) {
            if (query.count(name) != 1) {
                throw new AuthException(error,
                        "query-string authentication requires one each of AWSAccessKeyId, Expires and Signature");
            }
        }
        String expiresValue = query.first("Expires");
        long expires;
        try {
            expires = Long.parseLong(expiresValue);
        } catch (NumberFormatException e) {
            throw new AuthException(error, "Expires must be a number of seconds since the epoch");
        }
        Credentials credentials = Checks.lookup(store, query.first("AWSAccessKeyId"));
        Instant now = clock.instant();
        if (now.getEpochSecond() > expires) {
            throw new AuthException(AuthError.EXPIRED_PRESIGNED_REQUEST, "Request has expired");
        }
        // Base64 may carry '+', which a query decodes to a space when the client did not escape it.
        String signature = query.first("Signature").replace(' ', '+');
        verifySignature(credentials, req, expiresValue, query, signature);
        String token = query.first("x-amz-security-token");
        Checks.checkToken(credentials, token != null ? token : req.header("x-amz-security-token"));
        return new AuthResult(credentials, PayloadMode.NONE, null, now, null, null, Set.of(), true, 2);
    }

    /**
     * Checks the signature over the request's resource. A path-style request for a bucket ({@code /bucket}) is also
     * accepted signed over {@code /bucket/}: botocore signs bucket-level requests over the resource their
     * virtual-hosted form has, whatever style the URL it sends has.
     */
    private static void verifySignature(Credentials credentials, SignedRequest req, String dateLine,
                                        QueryParameters query, String signature) {
        boolean ok = matches(credentials, stringToSign(req, dateLine, query, false), signature)
                || isPathStyleBucket(req) && matches(credentials, stringToSign(req, dateLine, query, true), signature);
        if (ok) {
            return;
        }
        throw new AuthException(AuthError.SIGNATURE_DOES_NOT_MATCH,
                "the request signature we calculated does not match the signature you provided");
    }

    private static boolean matches(Credentials credentials, String stringToSign, String signature) {
        byte[] mac = Crypto.mac(Crypto.HMAC_SHA1, credentials.secretKey().getBytes(StandardCharsets.UTF_8))
                .doFinal(stringToSign.getBytes(StandardCharsets.UTF_8));
        return Crypto.constantTimeEquals(Base64.getEncoder().encodeToString(mac), signature);
    }

    /** {@code /bucket}: one path segment, no trailing slash, no bucket in the host. */
    private static boolean isPathStyleBucket(SignedRequest req) {
        String path = req.rawPath();
        String hostBucket = req.virtualHostBucket();
        return (hostBucket == null || hostBucket.isEmpty()) && path != null && path.length() > 1
                && path.indexOf('/', 1) < 0;
    }

    static String stringToSign(SignedRequest req, String dateLine, QueryParameters query) {
        return stringToSign(req, dateLine, query, false);
    }

    private static String stringToSign(SignedRequest req, String dateLine, QueryParameters query,
                                       boolean trailingSlash) {
        StringBuilder out = new StringBuilder(256);
        out.append(req.method()).append('\n');
        out.append(firstStripped(req, "content-md5")).append('\n');
        out.append(firstStripped(req, "content-type")).append('\n');
        out.append(dateLine).append('\n');
        appendAmzHeaders(out, req);
        appendResource(out, req, query, trailingSlash);
        return out.toString();
    }

    /** {@code name:value\n} for each {@code x-amz-*} header, sorted by name, values joined by {@code ,}, unfolded. */
    private static void appendAmzHeaders(StringBuilder out, SignedRequest req) {
        TreeMap<String, List<String>> amz = new TreeMap<>();
        for (String name : req.headerNames()) {
            if (name.startsWith("x-amz-")) {
                amz.put(name, req.headers(name));
            }
        }
        amz.forEach((name, values) -> {
            List<String> unfolded = new ArrayList<>(values.size());
            for (String v : values) {
                unfolded.add(v.replaceAll("\\s*\\r?\\n\\s*", " ").strip());
            }
            out.append(name).append(':').append(String.join(",", unfolded)).append('\n');
        });
    }

    private static void appendResource(StringBuilder out, SignedRequest req, QueryParameters query,
                                       boolean trailingSlash) {
        String path = req.rawPath() == null || req.rawPath().isEmpty() ? "/" : req.rawPath();
        if (trailingSlash) {
            path += "/";
        }
        String bucket = req.virtualHostBucket();
        if (bucket != null && !bucket.isEmpty()) {
            out.append('/').append(bucket);
        }
        out.append(path);
        List<QueryParameters.Parameter> subResources = new ArrayList<>();
        for (QueryParameters.Parameter p : query.all()) {
            if (SUB_RESOURCES.contains(p.name())) {
                subResources.add(p);
            }
        }
        subResources.sort((a, b) -> a.name().compareTo(b.name()));
        char separator = '?';
        for (QueryParameters.Parameter p : subResources) {
            out.append(separator).append(p.name());
            if (!p.value().isEmpty()) {
                out.append('=').append(p.value());
            }
            separator = '&';
        }
    }

    private static String firstStripped(SignedRequest req, String name) {
        String value = req.header(name);
        return value == null ? "" : value.strip();
    }
}
