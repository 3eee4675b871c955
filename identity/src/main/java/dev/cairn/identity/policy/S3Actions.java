package dev.cairn.identity.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The S3 policy actions a bucket policy may name, with the resource type each applies to, after "Actions,
 * resources, and condition keys for Amazon S3" (general purpose buckets; access points, Express One Zone, S3 Tables,
 * Batch Operations and Storage Lens actions are left out). A bucket policy whose action pattern matches none of
 * these is refused with "Policy has invalid action"; an action whose resource type is not among the statement's
 * resources with "Action does not apply to any resource(s) in statement".
 */
final class S3Actions {

    /** What an action is about: {@code arn:aws:s3:::bucket}, {@code arn:aws:s3:::bucket/key}, or no resource. */
    enum ResourceType { BUCKET, OBJECT, NONE }

    private static final Map<String, ResourceType> ACTIONS;

    static {
        Map<String, ResourceType> m = new LinkedHashMap<>();
        for (String a : new String[] {
            "AbortMultipartUpload", "BypassGovernanceRetention", "DeleteObject", "DeleteObjectTagging",
            "DeleteObjectVersion", "DeleteObjectVersionTagging", "GetObject", "GetObjectAcl", "GetObjectAttributes",
            "GetObjectLegalHold", "GetObjectRetention", "GetObjectTagging", "GetObjectTorrent", "GetObjectVersion",
            "GetObjectVersionAcl", "GetObjectVersionAttributes", "GetObjectVersionForReplication",
            "GetObjectVersionTagging", "GetObjectVersionTorrent", "InitiateReplication", "ListMultipartUploadParts",
            "ObjectOwnerOverrideToBucketOwner", "PutObject", "PutObjectAcl", "PutObjectLegalHold",
            "PutObjectRetention", "PutObjectTagging", "PutObjectVersionAcl", "PutObjectVersionTagging",
            "ReplicateDelete", "ReplicateObject", "ReplicateTags", "RestoreObject",
        }) {
            m.put(a, ResourceType.OBJECT);
        }
        for (String a : new String[] {
            "CreateBucket", "DeleteBucket", "DeleteBucketOwnershipControls", "DeleteBucketPolicy",
            "DeleteBucketWebsite", "GetAccelerateConfiguration", "GetAnalyticsConfiguration", "GetBucketAcl",
            "GetBucketCORS", "GetBucketLocation", "GetBucketLogging", "GetBucketNotification",
            "GetBucketObjectLockConfiguration", "GetBucketOwnershipControls", "GetBucketPolicy",
            "GetBucketPolicyStatus", "GetBucketPublicAccessBlock", "GetBucketRequestPayment", "GetBucketTagging",
            "GetBucketVersioning", "GetBucketWebsite", "GetEncryptionConfiguration",
            "GetIntelligentTieringConfiguration", "GetInventoryConfiguration", "GetLifecycleConfiguration",
            "GetMetricsConfiguration", "GetReplicationConfiguration", "ListBucket", "ListBucketMultipartUploads",
            "ListBucketVersions", "PutAccelerateConfiguration", "PutAnalyticsConfiguration", "PutBucketAcl",
            "PutBucketCORS", "PutBucketLogging", "PutBucketNotification", "PutBucketObjectLockConfiguration",
            "PutBucketOwnershipControls", "PutBucketPolicy", "PutBucketPublicAccessBlock",
            "PutBucketRequestPayment", "PutBucketTagging", "PutBucketVersioning", "PutBucketWebsite",
            "PutEncryptionConfiguration", "PutIntelligentTieringConfiguration", "PutInventoryConfiguration",
            "PutLifecycleConfiguration", "PutMetricsConfiguration", "PutReplicationConfiguration",
        }) {
            m.put(a, ResourceType.BUCKET);
        }
        for (String a : new String[] {
            "ListAllMyBuckets", "GetAccountPublicAccessBlock", "PutAccountPublicAccessBlock", "ListAccessPoints",
        }) {
            m.put(a, ResourceType.NONE);
        }
        Map<String, ResourceType> byLowerName = new LinkedHashMap<>();
        m.forEach((name, type) -> byLowerName.put("s3:" + name.toLowerCase(Locale.ROOT), type));
        ACTIONS = Collections.unmodifiableMap(byLowerName);
    }

    private S3Actions() {
    }

    /** Every known action, keyed {@code s3:<name>} in lower case. */
    static Map<String, ResourceType> all() {
        return ACTIONS;
    }
}
