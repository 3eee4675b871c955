package dev.cairn.storage.api.xml;

import dev.cairn.storage.object.Versioning;
import java.io.InputStream;

/**
 * The body of PutBucketVersioning. {@code status} is {@link Versioning#ENABLED}, {@link Versioning#SUSPENDED}, or
 * null when the document has no Status (no change); {@code mfaDelete} null when absent. Any other value of either
 * is MalformedXML.
 */
public record VersioningConfiguration(Versioning status, MfaDelete mfaDelete) {

    public enum MfaDelete {
        ENABLED,
        DISABLED
    }

    static final int MAX_BODY_BYTES = 16 * 1024;

    public static VersioningConfiguration parse(InputStream body) {
        XmlElement root = XmlReader.parseRequired(body, MAX_BODY_BYTES, "VersioningConfiguration");
        String status = root.childText("Status");
        String mfa = root.childText("MfaDelete");
        return new VersioningConfiguration(status == null ? null : parseStatus(status.strip()),
                mfa == null ? null : parseMfa(mfa.strip()));
    }

    private static Versioning parseStatus(String s) {
        return switch (s) {
            case "Enabled" -> Versioning.ENABLED;
            case "Suspended" -> Versioning.SUSPENDED;
            default -> throw new MalformedXmlException("versioning Status " + s);
        };
    }

    private static MfaDelete parseMfa(String s) {
        return switch (s) {
            case "Enabled" -> MfaDelete.ENABLED;
            case "Disabled" -> MfaDelete.DISABLED;
            default -> throw new MalformedXmlException("MfaDelete " + s);
        };
    }
}
