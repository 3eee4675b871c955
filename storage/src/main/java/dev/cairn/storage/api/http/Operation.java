package dev.cairn.storage.api.http;

/**
 * Every S3 operation the router knows, named as AWS names them. {@link #action} is the IAM action a policy
 * grants it with (used by the policy engine when it arrives).
 */
public enum Operation {
    LIST_BUCKETS("s3:ListAllMyBuckets"),
    CREATE_BUCKET("s3:CreateBucket"),
    HEAD_BUCKET("s3:ListBucket"),
    DELETE_BUCKET("s3:DeleteBucket"),
    GET_BUCKET_LOCATION("s3:GetBucketLocation"),
    GET_BUCKET_VERSIONING("s3:GetBucketVersioning"),
    PUT_BUCKET_VERSIONING("s3:PutBucketVersioning"),
    LIST_OBJECTS("s3:ListBucket"),
    LIST_OBJECTS_V2("s3:ListBucket"),
    LIST_OBJECT_VERSIONS("s3:ListBucketVersions"),
    LIST_MULTIPART_UPLOADS("s3:ListBucketMultipartUploads"),
    DELETE_OBJECTS("s3:DeleteObject"),
    PUT_OBJECT("s3:PutObject"),
    COPY_OBJECT("s3:PutObject"),
    GET_OBJECT("s3:GetObject"),
    HEAD_OBJECT("s3:GetObject"),
    DELETE_OBJECT("s3:DeleteObject"),
    CREATE_MULTIPART_UPLOAD("s3:PutObject"),
    UPLOAD_PART("s3:PutObject"),
    UPLOAD_PART_COPY("s3:PutObject"),
    COMPLETE_MULTIPART_UPLOAD("s3:PutObject"),
    ABORT_MULTIPART_UPLOAD("s3:AbortMultipartUpload"),
    LIST_PARTS("s3:ListMultipartUploadParts"),
    GET_OBJECT_TAGGING("s3:GetObjectTagging"),
    PUT_OBJECT_TAGGING("s3:PutObjectTagging"),
    DELETE_OBJECT_TAGGING("s3:DeleteObjectTagging"),
    GET_BUCKET_TAGGING("s3:GetBucketTagging"),
    PUT_BUCKET_TAGGING("s3:PutBucketTagging"),
    DELETE_BUCKET_TAGGING("s3:PutBucketTagging"),
    GET_BUCKET_CORS("s3:GetBucketCORS"),
    PUT_BUCKET_CORS("s3:PutBucketCORS"),
    DELETE_BUCKET_CORS("s3:PutBucketCORS"),
    GET_BUCKET_ENCRYPTION("s3:GetEncryptionConfiguration"),
    PUT_BUCKET_ENCRYPTION("s3:PutEncryptionConfiguration"),
    DELETE_BUCKET_ENCRYPTION("s3:PutEncryptionConfiguration"),
    GET_OBJECT_ATTRIBUTES("s3:GetObjectAttributes"),
    GET_BUCKET_POLICY("s3:GetBucketPolicy"),
    PUT_BUCKET_POLICY("s3:PutBucketPolicy"),
    DELETE_BUCKET_POLICY("s3:DeleteBucketPolicy"),
    GET_BUCKET_POLICY_STATUS("s3:GetBucketPolicyStatus"),
    GET_ACL("s3:GetBucketAcl"),
    PUT_ACL("s3:PutBucketAcl"),
    GET_BUCKET_NOTIFICATION("s3:GetBucketNotification"),
    PUT_BUCKET_NOTIFICATION("s3:PutBucketNotification"),
    GET_BUCKET_OWNERSHIP_CONTROLS("s3:GetBucketOwnershipControls"),
    PUT_BUCKET_OWNERSHIP_CONTROLS("s3:PutBucketOwnershipControls"),
    DELETE_BUCKET_OWNERSHIP_CONTROLS("s3:PutBucketOwnershipControls"),
    GET_PUBLIC_ACCESS_BLOCK("s3:GetBucketPublicAccessBlock"),
    PUT_PUBLIC_ACCESS_BLOCK("s3:PutBucketPublicAccessBlock"),
    DELETE_PUBLIC_ACCESS_BLOCK("s3:PutBucketPublicAccessBlock"),
    /** A browser form upload (POST to the bucket with multipart/form-data): signed by its form fields. */
    POST_OBJECT("s3:PutObject"),
    /** A browser's CORS preflight (OPTIONS): answered from the bucket's CORS rules, never authenticated. */
    CORS_PREFLIGHT(""),
    /** A sub-resource S3 has and Cairn does not implement yet: answered with NotImplemented. */
    NOT_IMPLEMENTED("");

    public final String action;

    Operation(String action) {
        this.action = action;
    }

    /** Sub-resources of S3 that are recognised but not built: asking for them is NotImplemented, not ignored. */
    static final java.util.Set<String> UNIMPLEMENTED_SUBRESOURCES = java.util.Set.of("lifecycle", "replication", "logging", "website",
            "requestPayment", "accelerate", "analytics", "inventory", "metrics", "intelligent-tiering",
            "object-lock", "retention", "legal-hold", "torrent",
            "restore", "select");

    /**
     * Bucket sub-resources with a GET, PUT and DELETE each (null where S3 has no such operation), in the order they
     * are tried: the first a request names decides.
     */
    private static final java.util.Map<String, Operation[]> BUCKET_SUBRESOURCES = bucketSubresources();

    private static java.util.Map<String, Operation[]> bucketSubresources() {
        java.util.Map<String, Operation[]> m = new java.util.LinkedHashMap<>();
        m.put("policyStatus", new Operation[] {GET_BUCKET_POLICY_STATUS, null, null});
        m.put("policy", new Operation[] {GET_BUCKET_POLICY, PUT_BUCKET_POLICY, DELETE_BUCKET_POLICY});
        m.put("acl", new Operation[] {GET_ACL, PUT_ACL, null});
        m.put("encryption", new Operation[] {GET_BUCKET_ENCRYPTION, PUT_BUCKET_ENCRYPTION, DELETE_BUCKET_ENCRYPTION});
        m.put("ownershipControls", new Operation[] {GET_BUCKET_OWNERSHIP_CONTROLS, PUT_BUCKET_OWNERSHIP_CONTROLS,
            DELETE_BUCKET_OWNERSHIP_CONTROLS});
        m.put("publicAccessBlock", new Operation[] {GET_PUBLIC_ACCESS_BLOCK, PUT_PUBLIC_ACCESS_BLOCK,
            DELETE_PUBLIC_ACCESS_BLOCK});
        m.put("cors", new Operation[] {GET_BUCKET_CORS, PUT_BUCKET_CORS, DELETE_BUCKET_CORS});
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Which operation a request is; null when the method makes no sense at that level (MethodNotAllowed). */
    public static Operation of(S3Request r) {
        if (r.bucket() != null && r.key() != null && r.has("acl")) {
            return byMethod(r, new Operation[] {GET_ACL, PUT_ACL, null});
        }
        if (r.bucket() != null && r.key() == null) {
            for (var e : BUCKET_SUBRESOURCES.entrySet()) {
                if (r.has(e.getKey())) {
                    return byMethod(r, e.getValue());
                }
            }
        }
        if (r.bucket() != null && r.key() == null && r.has("notification")) {
            return switch (r.method()) {
                case "GET" -> GET_BUCKET_NOTIFICATION;
                case "PUT" -> PUT_BUCKET_NOTIFICATION;
                default -> null;
            };
        }
        if (r.key() != null && r.has("attributes")) {
            return r.method().equals("GET") ? GET_OBJECT_ATTRIBUTES : null;
        }
        for (String sub : r.query().keySet()) {
            if (UNIMPLEMENTED_SUBRESOURCES.contains(sub)) {
                return NOT_IMPLEMENTED;
            }
        }
        if (r.bucket() == null) {
            return r.method().equals("GET") ? LIST_BUCKETS : null;
        }
        if (r.method().equals("OPTIONS")) {
            return CORS_PREFLIGHT;
        }
        return r.key() == null ? bucketLevel(r) : objectLevel(r);
    }

    private static Operation bucketLevel(S3Request r) {
        return switch (r.method()) {
            case "GET" -> r.has("tagging") ? GET_BUCKET_TAGGING
                    : r.has("location") ? GET_BUCKET_LOCATION
                    : r.has("versioning") ? GET_BUCKET_VERSIONING
                    : r.has("versions") ? LIST_OBJECT_VERSIONS
                    : r.has("uploads") ? LIST_MULTIPART_UPLOADS
                    : "2".equals(r.param("list-type")) ? LIST_OBJECTS_V2 : LIST_OBJECTS;
            case "PUT" -> r.has("versioning") ? PUT_BUCKET_VERSIONING
                    : r.has("tagging") ? PUT_BUCKET_TAGGING : CREATE_BUCKET;
            case "HEAD" -> HEAD_BUCKET;
            case "DELETE" -> r.has("tagging") ? DELETE_BUCKET_TAGGING : DELETE_BUCKET;
            case "POST" -> r.has("delete") ? DELETE_OBJECTS
                    : MultipartFormReader.boundaryOf(r.header("Content-Type")) != null ? POST_OBJECT : NOT_IMPLEMENTED;
            default -> null;
        };
    }

    private static Operation objectLevel(S3Request r) {
        boolean upload = r.has("uploadId");
        if (r.has("tagging")) {
            return byMethod(r, new Operation[] {GET_OBJECT_TAGGING, PUT_OBJECT_TAGGING, DELETE_OBJECT_TAGGING});
        }
        return switch (r.method()) {
            case "GET" -> upload ? LIST_PARTS : GET_OBJECT;
            case "HEAD" -> HEAD_OBJECT;
            case "PUT" -> upload && r.has("partNumber")
                    ? (r.header("x-amz-copy-source") != null ? UPLOAD_PART_COPY : UPLOAD_PART)
                    : r.header("x-amz-copy-source") != null ? COPY_OBJECT : PUT_OBJECT;
            case "DELETE" -> upload ? ABORT_MULTIPART_UPLOAD : DELETE_OBJECT;
            case "POST" -> r.has("uploads") ? CREATE_MULTIPART_UPLOAD : upload ? COMPLETE_MULTIPART_UPLOAD
                    : NOT_IMPLEMENTED;
            default -> null;
        };
    }

    /** {@code getPutDelete[0..2]} by the request's method; null for other methods or where S3 has none. */
    private static Operation byMethod(S3Request r, Operation[] getPutDelete) {
        return switch (r.method()) {
            case "GET" -> getPutDelete[0];
            case "PUT" -> getPutDelete[1];
            case "DELETE" -> getPutDelete[2];
            default -> null;
        };
    }
}
