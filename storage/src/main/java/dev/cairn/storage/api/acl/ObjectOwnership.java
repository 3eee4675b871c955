package dev.cairn.storage.api.acl;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;
import dev.cairn.storage.api.xml.MalformedXmlException;
import dev.cairn.storage.api.xml.XmlElement;
import dev.cairn.storage.api.xml.XmlReader;
import dev.cairn.storage.api.xml.XmlWriter;

import java.io.InputStream;
import java.util.List;

/**
 * S3 Object Ownership, a bucket's rule for who owns the objects written into it and whether ACLs count:
 * <ul>
 *   <li>{@link #BUCKET_OWNER_ENFORCED}: ACLs are disabled; the bucket owner owns every object; only policies grant
 *       access. Setting an ACL is AccessControlListNotSupported (a write may still say
 *       {@code bucket-owner-full-control}).
 *   <li>{@link #BUCKET_OWNER_PREFERRED}: the writer owns what it writes, unless it writes with
 *       {@code bucket-owner-full-control}: then the bucket owner does.
 *   <li>{@link #OBJECT_WRITER}: the writer owns what it writes. A bucket without the setting behaves so.
 * </ul>
 */
public enum ObjectOwnership {
    BUCKET_OWNER_ENFORCED("BucketOwnerEnforced"),
    BUCKET_OWNER_PREFERRED("BucketOwnerPreferred"),
    OBJECT_WRITER("ObjectWriter");

    private final String wire;

    ObjectOwnership(String wire) {
        this.wire = wire;
    }

    /** The name S3 uses in documents and in {@code x-amz-object-ownership}. */
    public String wire() {
        return wire;
    }

    /** The value of {@code x-amz-object-ownership}; anything else is InvalidArgument. */
    public static ObjectOwnership parseHeader(String value) {
        ObjectOwnership o = byWire(value);
        if (o == null) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Invalid x-amz-object-ownership header: " + value);
        }
        return o;
    }

    private static ObjectOwnership byWire(String value) {
        for (ObjectOwnership o : values()) {
            if (o.wire.equals(value)) {
                return o;
            }
        }
        return null;
    }

    /** Reads an OwnershipControls document: exactly one Rule with a known ObjectOwnership, else MalformedXML. */
    public static ObjectOwnership parse(InputStream body) {
        XmlElement root = XmlReader.parseRequired(body, 4096, "OwnershipControls");
        List<XmlElement> rules = root.children("Rule");
        if (rules.size() != 1) {
            throw new MalformedXmlException("OwnershipControls needs exactly one Rule");
        }
        String value = rules.getFirst().requiredText("ObjectOwnership").strip();
        ObjectOwnership o = byWire(value);
        if (o == null) {
            throw new MalformedXmlException("unknown ObjectOwnership " + value);
        }
        return o;
    }

    /** The OwnershipControls document of GetBucketOwnershipControls. */
    public byte[] toXml() {
        return XmlWriter.s3Document("OwnershipControls").start("Rule").element("ObjectOwnership", wire).end()
                .finish();
    }

    /** Whether ACLs count for access under this setting. */
    public boolean aclsEnabled() {
        return this != BUCKET_OWNER_ENFORCED;
    }
}
