package dev.cairn.storage.api;

import dev.cairn.identity.policy.Policy;
import dev.cairn.notifications.config.NotificationConfiguration;
import dev.cairn.storage.api.xml.CorsConfiguration;
import dev.cairn.storage.object.ObjectLayer;
import dev.cairn.storage.object.Versioning;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-bucket settings every object request needs (versioning), stored as bucket configuration in the
 * ObjectLayer and cached here: reading them from the drives on every PUT would cost a quorum read.
 * The cache is right for one node; several nodes will need to invalidate each other (peer issue).
 */
public final class BucketSettings {
    static final String VERSIONING = "versioning";
    static final String OWNER = "owner";

    private final ObjectLayer layer;
    private final ConcurrentHashMap<String, Versioning> versioning = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> owners = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, java.util.Optional<CorsConfiguration>> cors = new ConcurrentHashMap<>();
    static final String CORS = "cors";
    static final String POLICY = "policy";
    private final ConcurrentHashMap<String, java.util.Optional<Policy>> policies = new ConcurrentHashMap<>();
    static final String NOTIFICATION = "notification";
    private final ConcurrentHashMap<String, NotificationConfiguration> notifications = new ConcurrentHashMap<>();

    public BucketSettings(ObjectLayer layer) {
        this.layer = layer;
    }

    public Versioning versioning(String bucket) {
        return versioning.computeIfAbsent(bucket, b -> {
            byte[] stored = layer.getBucketMeta(b, VERSIONING);
            return stored == null ? Versioning.UNVERSIONED
                    : Versioning.valueOf(new String(stored, StandardCharsets.UTF_8));
        });
    }

    /** Enabled or Suspended: a bucket never goes back to unversioned. */
    public void setVersioning(String bucket, Versioning v) {
        layer.setBucketMeta(bucket, VERSIONING, v.name().getBytes(StandardCharsets.UTF_8));
        versioning.put(bucket, v);
    }

    /** Who created the bucket; buckets made before owners were recorded belong to root ("" here). */
    public String owner(String bucket) {
        return owners.computeIfAbsent(bucket, b -> {
            byte[] stored = layer.getBucketMeta(b, OWNER);
            return stored == null ? "" : new String(stored, StandardCharsets.UTF_8);
        });
    }

    public void setOwner(String bucket, String owner) {
        layer.setBucketMeta(bucket, OWNER, owner.getBytes(StandardCharsets.UTF_8));
        owners.put(bucket, owner);
    }

    /** The bucket's CORS rules, if it has any. */
    public java.util.Optional<CorsConfiguration> cors(String bucket) {
        return cors.computeIfAbsent(bucket, b -> {
            byte[] stored = layer.getBucketMeta(b, CORS);
            return stored == null ? java.util.Optional.empty()
                    : java.util.Optional.of(CorsConfiguration.parse(new java.io.ByteArrayInputStream(stored)));
        });
    }

    /** Stores (or with null removes) the bucket's CORS rules. */
    public void setCors(String bucket, CorsConfiguration config) {
        layer.setBucketMeta(bucket, CORS, config == null ? null : config.toXml());
        cors.put(bucket, java.util.Optional.ofNullable(config));
    }

    /** The bucket's policy, if it has one. */
    public java.util.Optional<Policy> policy(String bucket) {
        return policies.computeIfAbsent(bucket, b -> {
            byte[] stored = layer.getBucketMeta(b, POLICY);
            return stored == null ? java.util.Optional.empty()
                    : java.util.Optional.of(Policy.parse(new String(stored, StandardCharsets.UTF_8)));
        });
    }

    /** Stores (or with null removes) the bucket's policy, as the client sent it. */
    public void setPolicy(String bucket, Policy policy) {
        layer.setBucketMeta(bucket, POLICY, policy == null ? null : policy.json().getBytes(StandardCharsets.UTF_8));
        policies.put(bucket, java.util.Optional.ofNullable(policy));
    }

    /**
     * The bucket's notification configuration ({@link NotificationConfiguration#EMPTY} without one): asked on
     * every object request while the node has notification targets, so it is cached like the versioning.
     */
    public NotificationConfiguration notification(String bucket) {
        return notifications.computeIfAbsent(bucket, b -> {
            byte[] stored = layer.getBucketMeta(b, NOTIFICATION);
            return stored == null ? NotificationConfiguration.EMPTY : NotificationConfiguration.stored(stored);
        });
    }

    /** Stores the bucket's notification configuration; an empty one removes it. */
    public void setNotification(String bucket, NotificationConfiguration config) {
        layer.setBucketMeta(bucket, NOTIFICATION, config.isEmpty() ? null : config.toXml());
        notifications.put(bucket, config);
    }

    /** Drops what is cached for a bucket (it was deleted, or may have been re-created). */
    public void forget(String bucket) {
        policies.remove(bucket);
        versioning.remove(bucket);
        owners.remove(bucket);
        cors.remove(bucket);
        notifications.remove(bucket);
    }
}
