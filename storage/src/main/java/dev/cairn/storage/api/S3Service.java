package dev.cairn.storage.api;

import dev.cairn.storage.api.http.Operation;
import dev.cairn.storage.api.http.ResponseBodyWriter;
import dev.cairn.storage.api.http.S3Request;
import dev.cairn.identity.OwnerDirectory;
import dev.cairn.storage.api.xml.ErrorXml;
import dev.cairn.notifications.EventSink;
import dev.cairn.notifications.NotificationService;
import dev.cairn.storage.object.ObjectException;
import dev.cairn.storage.object.ObjectLayer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serves one S3 request on the calling (virtual) thread: parse, authenticate, dispatch to the operation's
 * handler, and turn every failure into the S3 error document with the right status. Every response carries
 * {@code x-amz-request-id} and {@code x-amz-id-2}.
 */
public final class S3Service {
    private static final Logger LOG = Logger.getLogger(S3Service.class);

    /** Handles one operation; throws S3Exception or ObjectException for S3 errors. */
    @FunctionalInterface
    interface Handler {
        void handle(S3Call call) throws Exception;
    }

    private final ObjectLayer layer;
    private final BucketSettings settings;
    private final String domain;
    private final Authenticator authenticator;
    private final Map<Operation, Handler> handlers = new EnumMap<>(Operation.class);
    private final AccessControl access;
    private final String hostId;
    private final EventRecorder events;
    private final AtomicLong sequence = new AtomicLong(new SecureRandom().nextLong() >>> 1);

    /** {@code owners}: the owner ids that exist, which ACL grants may name. */
    public S3Service(ObjectLayer layer, Authenticator authenticator, OwnerDirectory owners, String domain) {
        this(layer, authenticator, owners, domain, null);
    }

    /** @param notifications the node's notification targets; null when it has none */
    public S3Service(ObjectLayer layer, Authenticator authenticator, OwnerDirectory owners, String domain,
                     NotificationService notifications) {
        this.layer = layer;
        this.settings = new BucketSettings(layer);
        this.access = new AccessControl(settings, owners);
        this.authenticator = authenticator;
        this.domain = domain;
        byte[] id = new byte[24];
        new SecureRandom().nextBytes(id);
        this.hostId = java.util.Base64.getEncoder().encodeToString(id);
        this.events = new EventRecorder(notifications == null ? EventSink.NONE : notifications.sink(settings::notification),
                hostId, java.time.InstantSource.system());
        NotificationHandlers notification = new NotificationHandlers(notifications == null ? arn -> false
                : notifications::knows);
        handlers.put(Operation.GET_BUCKET_NOTIFICATION, notification::get);
        handlers.put(Operation.PUT_BUCKET_NOTIFICATION, notification::put);
        BucketHandlers buckets = new BucketHandlers();
        ObjectHandlers objects = new ObjectHandlers();
        ListingHandlers listings = new ListingHandlers();
        MultipartHandlers multipart = new MultipartHandlers();
        TaggingHandlers tagging = new TaggingHandlers();
        CorsHandlers cors = new CorsHandlers();
        BucketConfigHandlers config = new BucketConfigHandlers();
        AclHandlers acl = new AclHandlers();
        PolicyHandlers policy = new PolicyHandlers();
        BucketAccessHandlers bucketAccess = new BucketAccessHandlers();
        handlers.put(Operation.GET_BUCKET_OWNERSHIP_CONTROLS, bucketAccess::getOwnership);
        handlers.put(Operation.PUT_BUCKET_OWNERSHIP_CONTROLS, bucketAccess::putOwnership);
        handlers.put(Operation.DELETE_BUCKET_OWNERSHIP_CONTROLS, bucketAccess::deleteOwnership);
        handlers.put(Operation.GET_PUBLIC_ACCESS_BLOCK, bucketAccess::getPublicAccessBlock);
        handlers.put(Operation.PUT_PUBLIC_ACCESS_BLOCK, bucketAccess::putPublicAccessBlock);
        handlers.put(Operation.DELETE_PUBLIC_ACCESS_BLOCK, bucketAccess::deletePublicAccessBlock);
        handlers.put(Operation.GET_BUCKET_POLICY, policy::get);
        handlers.put(Operation.PUT_BUCKET_POLICY, policy::put);
        handlers.put(Operation.DELETE_BUCKET_POLICY, policy::delete);
        handlers.put(Operation.GET_BUCKET_POLICY_STATUS, policy::status);
        handlers.put(Operation.GET_ACL, acl::getAcl);
        handlers.put(Operation.PUT_ACL, acl::putAcl);
        handlers.put(Operation.POST_OBJECT, new PostObjectHandler(authenticator, java.time.InstantSource.system())::post);
        handlers.put(Operation.GET_BUCKET_ENCRYPTION, config::getEncryption);
        handlers.put(Operation.PUT_BUCKET_ENCRYPTION, config::putEncryption);
        handlers.put(Operation.DELETE_BUCKET_ENCRYPTION, config::deleteEncryption);
        handlers.put(Operation.GET_OBJECT_ATTRIBUTES, config::getObjectAttributes);
        handlers.put(Operation.GET_BUCKET_CORS, cors::get);
        handlers.put(Operation.PUT_BUCKET_CORS, cors::put);
        handlers.put(Operation.DELETE_BUCKET_CORS, cors::delete);
        handlers.put(Operation.CORS_PREFLIGHT, cors::preflight);
        handlers.put(Operation.GET_OBJECT_TAGGING, tagging::getObjectTagging);
        handlers.put(Operation.PUT_OBJECT_TAGGING, tagging::putObjectTagging);
        handlers.put(Operation.DELETE_OBJECT_TAGGING, tagging::deleteObjectTagging);
        handlers.put(Operation.GET_BUCKET_TAGGING, tagging::getBucketTagging);
        handlers.put(Operation.PUT_BUCKET_TAGGING, tagging::putBucketTagging);
        handlers.put(Operation.DELETE_BUCKET_TAGGING, tagging::deleteBucketTagging);
        handlers.put(Operation.LIST_BUCKETS, buckets::listBuckets);
        handlers.put(Operation.CREATE_BUCKET, buckets::createBucket);
        handlers.put(Operation.HEAD_BUCKET, buckets::headBucket);
        handlers.put(Operation.DELETE_BUCKET, buckets::deleteBucket);
        handlers.put(Operation.GET_BUCKET_LOCATION, buckets::location);
        handlers.put(Operation.GET_BUCKET_VERSIONING, buckets::getVersioning);
        handlers.put(Operation.PUT_BUCKET_VERSIONING, buckets::putVersioning);
        handlers.put(Operation.LIST_OBJECTS, listings::listObjectsV1);
        handlers.put(Operation.LIST_OBJECTS_V2, listings::listObjectsV2);
        handlers.put(Operation.LIST_OBJECT_VERSIONS, listings::listVersions);
        handlers.put(Operation.LIST_MULTIPART_UPLOADS, multipart::listUploads);
        handlers.put(Operation.DELETE_OBJECTS, objects::deleteObjects);
        handlers.put(Operation.PUT_OBJECT, objects::putObject);
        handlers.put(Operation.COPY_OBJECT, objects::copyObject);
        handlers.put(Operation.GET_OBJECT, objects::getObject);
        handlers.put(Operation.HEAD_OBJECT, objects::getObject);
        handlers.put(Operation.DELETE_OBJECT, objects::deleteObject);
        handlers.put(Operation.CREATE_MULTIPART_UPLOAD, multipart::create);
        handlers.put(Operation.UPLOAD_PART, multipart::uploadPart);
        handlers.put(Operation.UPLOAD_PART_COPY, multipart::uploadPartCopy);
        handlers.put(Operation.COMPLETE_MULTIPART_UPLOAD, multipart::complete);
        handlers.put(Operation.ABORT_MULTIPART_UPLOAD, multipart::abort);
        handlers.put(Operation.LIST_PARTS, multipart::listParts);
    }

    /** Serves a request; {@code body} is the request body already wired to the event loop. */
    public void serve(HttpServerRequest http, HttpServerResponse response, InputStream body) {
        String requestId = nextRequestId();
        response.putHeader("x-amz-request-id", requestId).putHeader("x-amz-id-2", hostId)
                .putHeader("Server", "Cairn");
        S3Request request = null;
        try {
            request = parse(http);
            Operation op = Operation.of(request);
            boolean selfAuthenticating = op == Operation.CORS_PREFLIGHT || op == Operation.POST_OBJECT;
            Authenticator.Principal principal = selfAuthenticating ? Authenticator.Principal.anonymous()
                    : authenticator.authenticate(request);
            if (op == null) {
                throw new S3Exception(S3Error.METHOD_NOT_ALLOWED,
                        "The specified method is not allowed against this resource.");
            }
            if (op == Operation.NOT_IMPLEMENTED) {
                throw new S3Exception(S3Error.NOT_IMPLEMENTED,
                        "A header or query you provided implies functionality that is not implemented.");
            }
            ObjectLayer allowed = access.authorize(principal, op, request, http, layer);
            InputStream wrapped = selfAuthenticating ? body : authenticator.wrapBody(principal, request, body);
            S3Call call = new S3Call(request, wrapped, response, requestId, allowed, settings, access, principal,
                    http, events);
            if (op != Operation.CORS_PREFLIGHT) {
                CorsHandlers.decorate(settings, request, call::header);
            }
            handlers.get(op).handle(call);
        } catch (S3Exception e) {
            fail(http, response, request, requestId, e);
        } catch (ObjectException e) {
            fail(http, response, request, requestId, ErrorMapper.from(e));
        } catch (Exception e) {
            S3Exception cause = causeOf(e);
            if (cause != null) {
                fail(http, response, request, requestId, cause);
            } else if (response.closed() || e instanceof ResponseBodyWriter.ClientGoneException) {
                LOG.debugf("request %s: client went away: %s", requestId, e.toString());
            } else {
                LOG.errorf(e, "request %s failed", requestId);
                fail(http, response, request, requestId, new S3Exception(S3Error.INTERNAL_ERROR,
                        "We encountered an internal error. Please try again."));
            }
        }
    }

    private S3Request parse(HttpServerRequest http) {
        String uri = http.uri();
        int q = uri.indexOf('?');
        String rawPath = q < 0 ? uri : uri.substring(0, q);
        String rawQuery = q < 0 ? null : uri.substring(q + 1);
        try {
            return S3Request.parse(http.method().name(), rawPath, rawQuery, http.headers(), domain);
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3Error.INVALID_URI, "Couldn't parse the specified URI.");
        }
    }

    private void fail(HttpServerRequest http, HttpServerResponse response, S3Request request, String requestId,
                      S3Exception e) {
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            response.reset(); // a failure after the body started: the client must see a broken response
            return;
        }
        String resource = e.resource() != null ? e.resource() : request == null ? "/" : request.rawPath();
        // an error carries none of the object headers a handler may have set before failing
        response.headers().clear();
        response.putHeader("x-amz-request-id", requestId).putHeader("x-amz-id-2", hostId).putHeader("Server", "Cairn");
        e.headers().forEach(response::putHeader);
        if (request != null && !"OPTIONS".equals(request.method())) { // a refused preflight carries no CORS headers
            CorsHandlers.decorate(settings, request, response::putHeader);
        }
        // the body may be unread: close after this response rather than read an upload nobody wants
        boolean bodyUnread = !http.isEnded();
        if (bodyUnread) {
            response.putHeader("Connection", "close");
            response.endHandler(v -> http.connection().close());
        }
        byte[] xml = ErrorXml.toXml(e.withResource(resource), requestId, hostId);
        response.setStatusCode(e.httpStatus());
        if (!e.error().hasBody() || request != null && request.method().equals("HEAD")) {
            response.end();
            return;
        }
        response.putHeader("Content-Type", "application/xml");
        response.end(io.vertx.core.buffer.Buffer.buffer(xml));
    }

    /** An S3 error hidden in a cause chain (a body stream fails inside an IOException). */
    private static S3Exception causeOf(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof S3Exception s) {
                return s;
            }
            if (c instanceof ObjectException o) {
                return ErrorMapper.from(o);
            }
            if (c instanceof dev.cairn.identity.sigv4.AuthException a) {
                return SigV4Authenticator.toS3(a);
            }
        }
        return null;
    }

    /** Like AWS: 16 upper-case hex characters, unique per node. */
    private String nextRequestId() {
        return HexFormat.of().withUpperCase().toHexDigits(sequence.incrementAndGet());
    }
}
