package dev.cairn.storage.api;

import dev.cairn.storage.api.http.S3Request;
import dev.cairn.storage.object.ObjectLayer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.io.IOException;
import java.io.InputStream;

/**
 * One S3 request being served on a virtual thread: what was asked, the body, who asked, and the response.
 * Handlers answer through the methods here, which set the headers every S3 response carries. {@code layer} is the
 * ObjectLayer as this caller may use it (see {@link AccessControl#authorize}).
 */
public final class S3Call {
    final S3Request request;
    final InputStream body;
    final HttpServerResponse response;
    final String requestId;
    final ObjectLayer layer;
    final BucketSettings settings;
    final AccessControl access;
    final Authenticator.Principal principal;
    final HttpServerRequest http;
    final EventRecorder events;
    /** The client's address, for event records. */
    final String sourceIp;

    S3Call(S3Request request, InputStream body, HttpServerResponse response, String requestId, ObjectLayer layer,
           BucketSettings settings, AccessControl access, Authenticator.Principal principal, HttpServerRequest http,
           EventRecorder events) {
        this.request = request;
        this.body = body;
        this.response = response;
        this.requestId = requestId;
        this.layer = layer;
        this.settings = settings;
        this.access = access;
        this.principal = principal;
        this.http = http;
        this.events = events;
        this.sourceIp = http == null || http.remoteAddress() == null ? "" : http.remoteAddress().hostAddress();
    }

    public S3Request request() {
        return request;
    }

    public InputStream body() {
        return body;
    }

    public String bucket() {
        return request.bucket();
    }

    public String key() {
        return request.key();
    }

    /**
     * Who owns what this caller creates: its owner id (its canonical id in ACLs), "anonymous" for unauthenticated
     * callers (an id no principal has, so no grant can name it).
     */
    public String owner() {
        return principal.isAnonymous() ? "anonymous" : principal.owner();
    }

    S3Call header(String name, String value) {
        if (value != null) {
            response.putHeader(name, value);
        }
        return this;
    }

    void xml(int status, byte[] bytes) {
        response.setStatusCode(status).putHeader("Content-Type", "application/xml")
                .putHeader("Content-Length", Integer.toString(bytes.length));
        if (request.method().equals("HEAD")) {
            response.end();
        } else {
            response.end(Buffer.buffer(bytes));
        }
    }

    void empty(int status) {
        response.setStatusCode(status).putHeader("Content-Length", "0").end();
    }

    /** Sends {@code length} bytes of {@code in} (nothing for HEAD) and closes {@code in}. */
    void stream(int status, long length, InputStream in) throws IOException {
        try (in) {
            response.setStatusCode(status).putHeader("Content-Length", Long.toString(length));
            if (request.method().equals("HEAD")) {
                response.end();
            } else {
                dev.cairn.storage.api.http.ResponseBodyWriter.copyAndEnd(in, length, response);
            }
        }
    }
}
