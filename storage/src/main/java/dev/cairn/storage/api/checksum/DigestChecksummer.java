package dev.cairn.storage.api.checksum;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-1 or SHA-256 (the JDK's, which uses the SHA-NI instructions where present) as a Checksummer. */
final class DigestChecksummer implements Checksummer {

    private final ChecksumAlgorithm algorithm;
    private final MessageDigest digest;

    DigestChecksummer(ChecksumAlgorithm algorithm, String jdkName) {
        this.algorithm = algorithm;
        try {
            this.digest = MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + jdkName, e);
        }
    }

    @Override
    public ChecksumAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
        digest.update(bytes, offset, length);
    }

    @Override
    public void update(ByteBuffer buffer) {
        digest.update(buffer);
    }

    @Override
    public byte[] digest() {
        return digest.digest();
    }

    @Override
    public void reset() {
        digest.reset();
    }
}
