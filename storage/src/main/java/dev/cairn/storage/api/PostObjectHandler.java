package dev.cairn.storage.api;

import dev.cairn.notifications.EventName;
import dev.cairn.storage.api.acl.AccessRules;
import dev.cairn.storage.api.acl.Acl;
import dev.cairn.storage.api.http.MultipartFormReader;
import dev.cairn.storage.api.xml.Tagging;
import dev.cairn.storage.api.xml.XmlWriter;
import dev.cairn.storage.object.ObjectInfo;
import dev.cairn.storage.object.PutOptions;
import dev.cairn.storage.object.StorageClass;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * POST Object: a browser form upload ({@code multipart/form-data}). The fields before the {@code file} part carry
 * the key, the signed policy and the signature; the file streams straight into the store (size unknown until
 * its end) and the policy's content-length-range is checked before the commit.
 */
final class PostObjectHandler {
    static final int MAX_FIELDS_BYTES = 20 * 1024;

    private final Authenticator authenticator;
    private final java.time.InstantSource clock;

    PostObjectHandler(Authenticator authenticator, java.time.InstantSource clock) {
        this.authenticator = authenticator;
        this.clock = clock;
    }

    void post(S3Call call) throws IOException {
        String boundary = MultipartFormReader.boundaryOf(call.request().header("Content-Type"));
        MultipartFormReader form = new MultipartFormReader(call.body(), boundary);
        Map<String, String> fields = new LinkedHashMap<>();
        MultipartFormReader.Part file = readFields(form, fields);
        Authenticator.Principal who = authenticator.authenticateForm(fields);
        String key = fields.get("key");
        if (key == null || key.isEmpty()) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Bucket POST must contain a field named 'key'.");
        }
        if (file.filename() != null) {
            // the policy holds the key the object gets, so it is checked after the substitution
            key = key.replace("${filename}", file.filename());
            fields.put("key", key);
        }
        // an unsigned form is an anonymous upload: no policy to hold it to, the bucket's ACL or policy must allow it
        PostPolicy policy = who.isAnonymous() ? null : PostPolicy.parse(fields.get("policy"));
        fields.put("bucket", call.bucket());
        if (policy != null) {
            policy.check(fields, clock.instant());
        }
        S3Keys.requireValidLength(key);
        call.access.authorizeUpload(who, call.request(), call.http, key);
        AccessRules.BucketAccess bucket = call.access.bucketAccess(call.bucket());
        Acl acl = ObjectAcls.forWrite(call, bucket, fields.get("acl"), who.isAnonymous() ? call.owner() : who.owner());
        Map<String, String> metadata = new TreeMap<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (f.getKey().startsWith(ObjectHeaders.USER_PREFIX) || ObjectHeaders.STORED.contains(f.getKey())) {
                metadata.put(f.getKey(), f.getValue());
            }
        }
        metadata.putIfAbsent("content-type", ObjectHeaders.DEFAULT_CONTENT_TYPE);
        String tagging = fields.get("tagging"); // a Tagging document, where a PUT has the x-amz-tagging header
        if (tagging != null) {
            Tagging tags = Tagging.parse(new java.io.ByteArrayInputStream(tagging.getBytes(StandardCharsets.UTF_8)),
                    Tagging.Scope.OBJECT);
            metadata = ObjectHandlers.withTags(metadata, tags.tags().isEmpty() ? null : tags.toHeader());
        }
        ObjectAcls.store(metadata, acl, bucket);
        var versioning = call.settings.versioning(call.bucket());
        PutOptions opts = new PutOptions(versioning, metadata, StorageClass.STANDARD, null);
        java.io.InputStream counted = new java.io.FilterInputStream(form.body()) {
            long n;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int r = super.read(b, off, len);
                if (r > 0) {
                    n += r;
                } else if (r < 0 && policy != null) {
                    policy.checkLength(n); // before the store commits anything
                }
                return r;
            }
        };
        String objectKey = key;
        ObjectInfo info = call.events.creating(call, EventName.OBJECT_CREATED_POST, who.owner(),
                () -> call.layer.putObject(call.bucket(), objectKey, counted, -1, opts));
        ObjectHandlers.versionHeader(call, versioning, info.versionId());
        respond(call, fields, key, info);
    }

    /** Reads the fields up to the file part (names lower case, as S3 treats them). */
    private static MultipartFormReader.Part readFields(MultipartFormReader form, Map<String, String> fields)
            throws IOException {
        int total = 0;
        try {
            for (MultipartFormReader.Part p; (p = form.next()) != null; ) {
                String name = p.name().toLowerCase(Locale.ROOT);
                if (name.equals("file")) {
                    return p;
                }
                String value = form.value(MAX_FIELDS_BYTES);
                total += name.length() + value.length();
                if (total > MAX_FIELDS_BYTES) {
                    throw new S3Exception(S3Error.MAX_MESSAGE_LENGTH_EXCEEDED, "Your POST form fields are too large.");
                }
                fields.put(name, value);
            }
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3Error.MALFORMED_POST_REQUEST, "The body of your POST request is not well-formed "
                    + "multipart/form-data. " + e.getMessage());
        }
        throw new S3Exception(S3Error.INVALID_ARGUMENT, "POST requires exactly one file upload per request.");
    }

    private static void respond(S3Call call, Map<String, String> fields, String key, ObjectInfo info) {
        String etag = ObjectRequests.quoted(info.etag());
        call.header("ETag", etag);
        String location = "/" + call.bucket() + "/" + key;
        call.header("Location", location);
        String redirect = fields.get("success_action_redirect");
        if (redirect != null && !redirect.isEmpty()) {
            String sep = redirect.contains("?") ? "&" : "?";
            call.header("Location", redirect + sep + "bucket=" + enc(call.bucket()) + "&key=" + enc(key) + "&etag="
                    + enc(etag));
            call.empty(303);
            return;
        }
        String status = fields.getOrDefault("success_action_status", "204");
        switch (status) {
            case "200" -> call.empty(200);
            case "201" -> call.xml(201, XmlWriter.plainDocument("PostResponse").element("Location", location)
                    .element("Bucket", call.bucket()).element("Key", key).element("ETag", etag).finish());
            default -> call.empty(204);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }


}
