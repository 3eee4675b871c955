package dev.cairn.storage.api.acl;

import dev.cairn.storage.api.xml.XmlElement;
import dev.cairn.storage.api.xml.XmlReader;
import dev.cairn.storage.api.xml.XmlWriter;

import java.io.InputStream;

/**
 * A bucket's public access block, with S3's meaning:
 *
 * @param blockPublicAcls       setting a public ACL (PutBucketAcl, PutObjectAcl, or an upload's {@code x-amz-acl}
 *                              or grants) is refused with AccessDenied
 * @param ignorePublicAcls      grants to AllUsers and AuthenticatedUsers, on the bucket and its objects, give
 *                              nothing
 * @param blockPublicPolicy     PutBucketPolicy of a public policy is refused with AccessDenied
 * @param restrictPublicBuckets while the bucket's policy is public, only the bucket owner may use the bucket
 */
public record PublicAccessBlock(boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy,
                                boolean restrictPublicBuckets) {

    /** What a bucket without a configuration gets: nothing blocked. */
    public static final PublicAccessBlock NONE = new PublicAccessBlock(false, false, false, false);

    /** Reads a PublicAccessBlockConfiguration document; an absent element is false, as in S3. */
    public static PublicAccessBlock parse(InputStream body) {
        XmlElement root = XmlReader.parseRequired(body, 4096, "PublicAccessBlockConfiguration");
        return new PublicAccessBlock(root.childBoolean("BlockPublicAcls", false),
                root.childBoolean("IgnorePublicAcls", false), root.childBoolean("BlockPublicPolicy", false),
                root.childBoolean("RestrictPublicBuckets", false));
    }

    public byte[] toXml() {
        return XmlWriter.s3Document("PublicAccessBlockConfiguration")
                .element("BlockPublicAcls", blockPublicAcls).element("IgnorePublicAcls", ignorePublicAcls)
                .element("BlockPublicPolicy", blockPublicPolicy).element("RestrictPublicBuckets", restrictPublicBuckets)
                .finish();
    }
}
