package dev.cairn.storage.api.acl;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;
import dev.cairn.storage.api.xml.MalformedXmlException;
import dev.cairn.storage.api.xml.XmlElement;
import dev.cairn.storage.api.xml.XmlReader;
import dev.cairn.storage.api.xml.XmlWriter;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * The AccessControlPolicy document of GetBucketAcl/GetObjectAcl and PutBucketAcl/PutObjectAcl:
 * {@code <Owner>} then {@code <AccessControlList>} of {@code <Grant>}s, each a {@code <Grantee xsi:type=...>}
 * ({@code CanonicalUser} with {@code ID}, {@code Group} with {@code URI}, {@code AmazonCustomerByEmail} with
 * {@code EmailAddress}) and a {@code <Permission>}.
 *
 * <p>Display names are written as the ids (Cairn's principals have no other name) and ignored when read.
 */
public final class AclDocument {
    static final int MAX_BYTES = 64 * 1024;
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /**
     * A parsed policy: the owner id it names (null when it names none) and its grants, resolved.
     */
    public record Parsed(String ownerId, List<Grant> grants) {
    }

    private AclDocument() {
    }

    /**
     * Reads a PutBucketAcl/PutObjectAcl body. A document that is not well-formed, has another root, or a grant
     * without a known grantee type or permission is MalformedACLError; grantees are resolved by {@code resolver}
     * (which answers its own errors).
     */
    public static Parsed parse(InputStream body, GranteeResolver resolver) {
        XmlElement root;
        try {
            root = XmlReader.parse(body, MAX_BYTES);
        } catch (MalformedXmlException e) {
            throw malformed(e.detail());
        }
        if (root == null) {
            throw new S3Exception(S3Error.MISSING_REQUEST_BODY);
        }
        try {
            if (!root.name().equals("AccessControlPolicy")) {
                throw malformed("root is " + root.name());
            }
            XmlElement owner = root.child("Owner");
            String ownerId = owner == null ? null : owner.childText("ID");
            XmlElement list = root.child("AccessControlList");
            List<Grant> grants = new ArrayList<>();
            if (list != null) {
                for (XmlElement g : list.children("Grant")) {
                    grants.add(grant(g, resolver));
                }
            }
            return new Parsed(ownerId == null ? null : ownerId.strip(), grants);
        } catch (MalformedXmlException e) {
            throw malformed(e.detail());
        }
    }

    private static Grant grant(XmlElement g, GranteeResolver resolver) {
        XmlElement grantee = g.child("Grantee");
        String permission = g.childText("Permission");
        if (grantee == null || permission == null) {
            throw malformed("a Grant needs a Grantee and a Permission");
        }
        Permission p = Permission.parse(permission.strip());
        String type = grantee.attribute("type");
        Grantee who = switch (type == null ? "" : type) {
            case "CanonicalUser" -> resolver.user(required(grantee, "ID"));
            case "Group" -> resolver.group(required(grantee, "URI"));
            case "AmazonCustomerByEmail" -> resolver.byEmail(required(grantee, "EmailAddress"));
            default -> throw malformed("unknown grantee type " + type);
        };
        return new Grant(who, p);
    }

    private static String required(XmlElement grantee, String name) {
        String v = grantee.childText(name);
        if (v == null) {
            throw malformed("the Grantee lacks " + name);
        }
        return v.strip();
    }

    private static S3Exception malformed(String detail) {
        return new S3Exception(S3Error.MALFORMED_ACL_ERROR, null, new IllegalArgumentException(detail));
    }

    /** The GetBucketAcl/GetObjectAcl answer for {@code acl}. */
    public static byte[] write(Acl acl) {
        XmlWriter w = XmlWriter.s3Document("AccessControlPolicy");
        w.start("Owner").element("ID", acl.owner()).element("DisplayName", acl.owner()).end();
        w.start("AccessControlList");
        for (Grant g : acl.grants()) {
            w.start("Grant");
            SequencedMap<String, String> attributes = new LinkedHashMap<>();
            attributes.put("xmlns:xsi", XSI);
            switch (g.grantee()) {
                case Grantee.CanonicalUser u -> {
                    attributes.put("xsi:type", "CanonicalUser");
                    w.start("Grantee", attributes).element("ID", u.id()).element("DisplayName", u.id()).end();
                }
                case Grantee.Group group -> {
                    attributes.put("xsi:type", "Group");
                    w.start("Grantee", attributes).element("URI", group.uri()).end();
                }
            }
            w.element("Permission", g.permission().name()).end();
        }
        return w.end().finish();
    }
}
