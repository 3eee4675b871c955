package dev.cairn.storage.api;

import dev.cairn.identity.policy.Policy;
import dev.cairn.notifications.config.NotificationConfiguration;
import dev.cairn.storage.api.acl.Acl;
import dev.cairn.storage.api.acl.ObjectOwnership;
import dev.cairn.storage.api.acl.PublicAccessBlock;
import dev.cairn.storage.api.xml.CorsConfiguration;
import dev.cairn.storage.object.ObjectLayer;
import dev.cairn.storage.object.Versioning;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Per-bucket settings that requests need before their handler runs (versioning, owner, policy, ACL, Object
 * Ownership, public access block, CORS), stored as bucket configuration in the ObjectLayer and cached here: reading
 * them from the drives on every request would cost a quorum read each. The cache is right for one node; several
 * nodes will need to invalidate each other (peer issue).
 */
public final class BucketSettings {
    static final String VERSIONING = "versioning";
    static final String OWNER = "owner";
    static final String CORS = "cors";
    static final String POLICY = "policy";
    static final String NOTIFICATION = "notification";
    static final String ACL = "acl";
    static final String OWNERSHIP = "ownership";
    static final String PUBLIC_ACCESS_BLOCK = "publicAccessBlock";

    private final ObjectLayer layer;
    private final Setting<Versioning> versioning = new Setting<>(VERSIONING,
            b -> Versioning.valueOf(text(b)), v -> utf8(v.name()));
    private final Setting<String> owners = new Setting<>(OWNER, BucketSettings::text, BucketSettings::utf8);
    private final Setting<CorsConfiguration> cors = new Setting<>(CORS,
            b -> CorsConfiguration.parse(new ByteArrayInputStream(b)), CorsConfiguration::toXml);
    private final Setting<Policy> policies = new Setting<>(POLICY, b -> Policy.parse(text(b)), p -> utf8(p.json()));
    private final Setting<Acl> acls = new Setting<>(ACL, b -> Acl.decode(text(b)), a -> utf8(a.encode()));
    private final Setting<ObjectOwnership> ownership = new Setting<>(OWNERSHIP,
            b -> ObjectOwnership.valueOf(text(b)), o -> utf8(o.name()));
    private final Setting<PublicAccessBlock> blocks = new Setting<>(PUBLIC_ACCESS_BLOCK,
            b -> PublicAccessBlock.parse(new ByteArrayInputStream(b)), PublicAccessBlock::toXml);
    private final Setting<NotificationConfiguration> notifications = new Setting<>(NOTIFICATION,
            NotificationConfiguration::stored, NotificationConfiguration::toXml);

    public BucketSettings(ObjectLayer layer) {
        this.layer = layer;
    }

    public Versioning versioning(String bucket) {
        return versioning.get(bucket).orElse(Versioning.UNVERSIONED);
    }

    /** Enabled or Suspended: a bucket never goes back to unversioned. */
    public void setVersioning(String bucket, Versioning v) {
        versioning.set(bucket, v);
    }

    /** Who created the bucket; buckets made before owners were recorded belong to root ("" here). */
    public String owner(String bucket) {
        return owners.get(bucket).orElse("");
    }

    public void setOwner(String bucket, String owner) {
        owners.set(bucket, owner);
    }

    /** The bucket's CORS rules, if it has any. */
    public Optional<CorsConfiguration> cors(String bucket) {
        return cors.get(bucket);
    }

    /** Stores (or with null removes) the bucket's CORS rules. */
    public void setCors(String bucket, CorsConfiguration config) {
        cors.set(bucket, config);
    }

    /** The bucket's policy, if it has one. */
    public Optional<Policy> policy(String bucket) {
        return policies.get(bucket);
    }

    /** Stores (or with null removes) the bucket's policy, as the client sent it. */
    public void setPolicy(String bucket, Policy policy) {
        policies.set(bucket, policy);
    }

    /** The bucket's ACL as set; empty means the default (the owner's full control). */
    public Optional<Acl> acl(String bucket) {
        return acls.get(bucket);
    }

    /** Stores (or with null removes, back to the default) the bucket's ACL. */
    public void setAcl(String bucket, Acl acl) {
        acls.set(bucket, acl);
    }

    /** The bucket's Object Ownership setting, if it has one. */
    public Optional<ObjectOwnership> ownership(String bucket) {
        return ownership.get(bucket);
    }

    /** Stores (or with null removes) the bucket's Object Ownership setting. */
    public void setOwnership(String bucket, ObjectOwnership o) {
        ownership.set(bucket, o);
    }

    /** The bucket's public access block, if it has one. */
    public Optional<PublicAccessBlock> publicAccessBlock(String bucket) {
        return blocks.get(bucket);
    }

    /** Stores (or with null removes) the bucket's public access block. */
    public void setPublicAccessBlock(String bucket, PublicAccessBlock block) {
        blocks.set(bucket, block);
    }

    /**
     * The bucket's notification configuration ({@link NotificationConfiguration#EMPTY} without one): asked on
     * every object request while the node has notification targets, so it is cached like the versioning.
     */
    public NotificationConfiguration notification(String bucket) {
        return notifications.get(bucket).orElse(NotificationConfiguration.EMPTY);
    }

    /** Stores the bucket's notification configuration; an empty one removes it. */
    public void setNotification(String bucket, NotificationConfiguration config) {
        notifications.set(bucket, config.isEmpty() ? null : config);
    }

    /** Drops what is cached for a bucket (it was deleted, or may have been re-created). */
    public void forget(String bucket) {
        for (Setting<?> s : new Setting<?>[] {versioning, owners, cors, policies, acls, ownership, blocks,
                notifications}) {
            s.cache.remove(bucket);
        }
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One bucket configuration document: its name in the ObjectLayer, how it is read and written, its cache. */
    private final class Setting<T> {
        final String name;
        final Function<byte[], T> parse;
        final Function<T, byte[]> format;
        final ConcurrentHashMap<String, Optional<T>> cache = new ConcurrentHashMap<>();

        Setting(String name, Function<byte[], T> parse, Function<T, byte[]> format) {
            this.name = name;
            this.parse = parse;
            this.format = format;
        }

        Optional<T> get(String bucket) {
            return cache.computeIfAbsent(bucket, b -> {
                byte[] stored = layer.getBucketMeta(b, name);
                return stored == null ? Optional.empty() : Optional.of(parse.apply(stored));
            });
        }

        void set(String bucket, T value) {
            layer.setBucketMeta(bucket, name, value == null ? null : format.apply(value));
            cache.put(bucket, Optional.ofNullable(value));
        }
    }
}
