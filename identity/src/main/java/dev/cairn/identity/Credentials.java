package dev.cairn.identity;

import java.util.Objects;

/**
 * One access key pair and who it belongs to.
 *
 * @param accessKey the public half, as clients send it in {@code Credential=} or {@code AWSAccessKeyId}
 * @param secretKey the shared secret that signatures are keyed with; never logged ({@link #toString()} hides it)
 * @param sessionToken the STS session token that requests made with temporary credentials must carry, or
 *     {@code null} for long-term keys (which must then carry no token)
 * @param owner a stable id of the principal that owns buckets and objects created with these keys; it outlives a
 *     key rotation, so ownership is recorded against it rather than against the access key
 * @param root whether these are the deployment's root credentials, which every policy check lets through
 */
public record Credentials(String accessKey, String secretKey, String sessionToken, String owner, boolean root) {

    public Credentials {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(owner, "owner");
        if (accessKey.isEmpty() || secretKey.isEmpty() || owner.isEmpty()) {
            throw new IllegalArgumentException("access key, secret key and owner must not be empty");
        }
    }

    /** Long-term (non-session) credentials whose owner id is the access key. */
    public static Credentials of(String accessKey, String secretKey, boolean root) {
        return new Credentials(accessKey, secretKey, null, accessKey, root);
    }

    /** Names the key and owner only: the secret and the session token never reach a log line. */
    @Override
    public String toString() {
        return "Credentials[accessKey=" + accessKey + ", owner=" + owner + ", root=" + root
                + (sessionToken == null ? "" : ", session") + "]";
    }
}
