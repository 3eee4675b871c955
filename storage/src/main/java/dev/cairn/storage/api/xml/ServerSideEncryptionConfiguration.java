package dev.cairn.storage.api.xml;

import dev.cairn.storage.api.S3Exception;
import java.io.InputStream;
import java.util.List;

/**
 * The body of PutBucketEncryption: one Rule with ApplyServerSideEncryptionByDefault (SSEAlgorithm AES256,
 * aws:kms or aws:kms:dsse; a KMSMasterKeyID only with a KMS algorithm) and an optional BucketKeyEnabled. Parsed to
 * validate only: the handler stores the body's bytes as they came and answers GetBucketEncryption with them.
 * Anything missing, repeated or unknown is MalformedXML; a key id with AES256 is InvalidArgument.
 */
public record ServerSideEncryptionConfiguration(String sseAlgorithm, String kmsMasterKeyId, boolean bucketKeyEnabled) {

    public static final List<String> ALGORITHMS = List.of("AES256", "aws:kms", "aws:kms:dsse");
    static final int MAX_BODY_BYTES = 16 * 1024;

    public static ServerSideEncryptionConfiguration parse(InputStream body) {
        XmlElement root = XmlReader.parseRequired(body, MAX_BODY_BYTES, "ServerSideEncryptionConfiguration");
        List<XmlElement> rules = root.children("Rule");
        if (rules.size() != 1) {
            throw new MalformedXmlException("ServerSideEncryptionConfiguration needs exactly one Rule");
        }
        XmlElement rule = rules.getFirst();
        XmlElement byDefault = rule.child("ApplyServerSideEncryptionByDefault");
        if (byDefault == null) {
            throw new MalformedXmlException("Rule lacks ApplyServerSideEncryptionByDefault");
        }
        String algorithm = byDefault.requiredText("SSEAlgorithm").strip();
        if (!ALGORITHMS.contains(algorithm)) {
            throw new MalformedXmlException("SSEAlgorithm " + algorithm);
        }
        String keyId = byDefault.childText("KMSMasterKeyID");
        keyId = keyId == null || keyId.isBlank() ? null : keyId.strip();
        if (keyId != null && algorithm.equals("AES256")) {
            throw S3Exception.invalidArgument("a KMSMasterKeyID is not applicable if the default sse algorithm is"
                    + " not aws:kms or aws:kms:dsse", "ApplyServerSideEncryptionByDefault", null);
        }
        return new ServerSideEncryptionConfiguration(algorithm, keyId, rule.childBoolean("BucketKeyEnabled", false));
    }
}
