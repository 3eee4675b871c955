package dev.cairn.storage.api.xml;

import dev.cairn.storage.api.S3Exception;
import java.util.Map;

/**
 * S3's {@code <Error>} document: Code, Message, the error's extra fields in the order added, Resource, RequestId
 * and HostId. Unlike the other documents its root carries no namespace, as S3 sends it.
 *
 * <p>The caller sends no body when {@code e.error().hasBody()} is false (304) or the request was a HEAD.
 */
public final class ErrorXml {

    private ErrorXml() {
    }

    /** {@code resource}, {@code requestId} and {@code hostId} are omitted when null. */
    public static byte[] toXml(S3Exception e, String requestId, String hostId) {
        XmlWriter w = XmlWriter.plainDocument("Error")
                .element("Code", e.code())
                .element("Message", e.getMessage());
        for (Map.Entry<String, String> f : e.fields().entrySet()) {
            w.element(f.getKey(), f.getValue());
        }
        return w.optional("Resource", e.resource())
                .optional("RequestId", requestId)
                .optional("HostId", hostId)
                .finish();
    }
}
