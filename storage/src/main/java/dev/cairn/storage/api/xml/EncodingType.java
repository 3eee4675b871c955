package dev.cairn.storage.api.xml;

import dev.cairn.storage.api.S3Exception;
import dev.cairn.storage.api.S3Keys;

/** The {@code encoding-type} of listings: keys as they are, or URL-encoded ({@link S3Keys#urlEncode}). */
public enum EncodingType {
    NONE,
    URL;

    /** The query parameter: absent or empty is NONE, {@code url} (any case) is URL, anything else InvalidArgument. */
    public static EncodingType parse(String parameter) {
        if (parameter == null || parameter.isEmpty()) {
            return NONE;
        }
        if (parameter.equalsIgnoreCase("url")) {
            return URL;
        }
        throw S3Exception.invalidArgument("Invalid Encoding Method specified in Request", "encoding-type", parameter);
    }

    /** A key, prefix, marker or delimiter as the listing writes it; null stays null. */
    public String apply(String s) {
        return this == URL ? S3Keys.urlEncode(s) : s;
    }

    /** Writes {@code <EncodingType>url</EncodingType>} when URL, nothing otherwise. */
    void write(XmlWriter w) {
        if (this == URL) {
            w.element("EncodingType", "url");
        }
    }
}
