/**
 * S3 request authentication: AWS Signature Version 4 in every form S3 clients send, and Signature Version 2 for
 * old clients.
 *
 * <p>This package owns verifying that a request was signed by the holder of a secret key:
 *
 * <ul>
 *   <li>{@link dev.cairn.identity.sigv4.RequestAuthenticator} reads the request head through
 *       {@link dev.cairn.identity.sigv4.SignedRequest} (which the storage module implements over its HTTP server)
 *       and answers with an {@link dev.cairn.identity.sigv4.AuthResult}: who signed, and what the request promises
 *       about its body ({@link dev.cairn.identity.sigv4.PayloadMode});
 *   <li>{@link dev.cairn.identity.sigv4.Payloads#wrapBody} turns that promise into a checking stream: a SHA-256
 *       comparison at the end, or {@link dev.cairn.identity.sigv4.ChunkedPayloadStream} for {@code aws-chunked}
 *       bodies with chunk signatures and trailers;
 *   <li>every failure is an {@link dev.cairn.identity.sigv4.AuthException} whose
 *       {@link dev.cairn.identity.sigv4.AuthError} names the S3 error code to answer with.
 * </ul>
 *
 * <p>What it does not do: decide whether an authenticated (or anonymous) principal may do what it asks (that is
 * the policy engine's job), route virtual-hosted requests, check {@code Content-MD5} or the {@code x-amz-checksum-*}
 * values in trailers (the object layer computes those), or verify Signature V4a (ECDSA), POST policy forms or
 * Signature V4 for services other than {@code s3}.
 */
package dev.cairn.identity.sigv4;
