package dev.cairn.storage.api.xml;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;

/**
 * A request body that is not the XML document expected: not well-formed, a DTD or entity, the wrong root, a
 * missing or repeated element, a value that does not parse. Answered as S3's MalformedXML with S3's fixed message;
 * {@link #detail()} says what was wrong, for logs.
 */
public final class MalformedXmlException extends S3Exception {

    private final String detail;

    public MalformedXmlException(String detail) {
        this(detail, null);
    }

    public MalformedXmlException(String detail, Throwable cause) {
        super(S3Error.MALFORMED_XML, null, cause);
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }

    @Override
    public String toString() {
        return super.toString() + " (" + detail + ")";
    }
}
