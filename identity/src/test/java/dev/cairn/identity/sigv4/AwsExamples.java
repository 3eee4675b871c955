package dev.cairn.identity.sigv4;

import dev.cairn.identity.Credentials;
import dev.cairn.identity.StaticCredentialStore;
import java.util.List;

/**
 * The worked examples of the AWS documentation ("Signature Calculations for the Authorization Header",
 * "Authenticating Requests: Using Query Parameters", "... Transferring Payload in Multiple Chunks" and
 * "... Including Trailing Headers"), exactly as published: the example key pair, 2013-05-24T00:00:00Z, and the
 * signatures AWS gives.
 */
final class AwsExamples {

    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String TIME = "2013-05-24T00:00:00Z";
    static final String AMZ_DATE = "20130524T000000Z";
    static final String SCOPE = "20130524/us-east-1/s3/aws4_request";
    static final String EMPTY_SHA256 = TestSigner.EMPTY_SHA256;
    static final String VHOST = "examplebucket.s3.amazonaws.com";

    static final Credentials CREDENTIALS = Credentials.of(ACCESS_KEY, SECRET_KEY, false);

    private AwsExamples() {}

    static StaticCredentialStore store() {
        return StaticCredentialStore.of(Credentials.of("root-key", "root-secret-key", true), List.of(CREDENTIALS));
    }

    static String authorization(String signedHeaders, String signature) {
        return "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY + "/" + SCOPE + ",SignedHeaders=" + signedHeaders
                + ",Signature=" + signature;
    }

    /** GET Object with a range: signature f0e8bdb8... */
    static FakeRequest getObject() {
        return FakeRequest.of("GET", "/test.txt", null)
                .with("host", VHOST)
                .with("range", "bytes=0-9")
                .with("x-amz-content-sha256", EMPTY_SHA256)
                .with("x-amz-date", AMZ_DATE)
                .with("authorization", authorization("host;range;x-amz-content-sha256;x-amz-date",
                        "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
    }

    static final String PUT_BODY = "Welcome to Amazon S3.";
    static final String PUT_BODY_SHA256 = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072";

    /** PUT Object "test$file.text" with a Date header and a storage class: signature 98ad7217... */
    static FakeRequest putObject(String rawPath) {
        return FakeRequest.of("PUT", rawPath, null)
                .with("host", VHOST)
                .with("date", "Fri, 24 May 2013 00:00:00 GMT")
                .with("x-amz-date", AMZ_DATE)
                .with("x-amz-storage-class", "REDUCED_REDUNDANCY")
                .with("x-amz-content-sha256", PUT_BODY_SHA256)
                .with("authorization", authorization("date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
                        "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"));
    }

    /** GET Bucket Lifecycle ({@code ?lifecycle}, a parameter without value): signature fea454ca... */
    static FakeRequest getLifecycle() {
        return FakeRequest.of("GET", "/", "lifecycle")
                .with("host", VHOST)
                .with("x-amz-content-sha256", EMPTY_SHA256)
                .with("x-amz-date", AMZ_DATE)
                .with("authorization", authorization("host;x-amz-content-sha256;x-amz-date",
                        "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"));
    }

    /** GET Bucket (List Objects) {@code ?max-keys=2&prefix=J}: signature 34b48302... */
    static FakeRequest listObjects(String rawQuery) {
        return FakeRequest.of("GET", "/", rawQuery)
                .with("host", VHOST)
                .with("x-amz-content-sha256", EMPTY_SHA256)
                .with("x-amz-date", AMZ_DATE)
                .with("authorization", authorization("host;x-amz-content-sha256;x-amz-date",
                        "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"));
    }

    static final String PRESIGNED_QUERY = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

    /** The presigned GET of test.txt valid for 86400 s: signature aeeed9bb... */
    static FakeRequest presignedGet() {
        return FakeRequest.of("GET", "/test.txt", PRESIGNED_QUERY).with("host", VHOST);
    }

    static final String SEED_SIGNATURE = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    static final List<String> CHUNK_SIGNATURES = List.of(
            "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
            "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
            "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9");

    /** The chunked PUT of chunkObject.txt (66560 bytes of 'a' in a 64 KiB and a 1 KiB chunk): seed 4f232c43... */
    static FakeRequest chunkedPut() {
        return FakeRequest.of("PUT", "/examplebucket/chunkObject.txt", null)
                .with("host", "s3.amazonaws.com")
                .with("x-amz-date", AMZ_DATE)
                .with("x-amz-storage-class", "REDUCED_REDUNDANCY")
                .with("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD")
                .with("content-encoding", "aws-chunked")
                .with("x-amz-decoded-content-length", "66560")
                .with("content-length", "66824")
                .with("authorization", authorization("content-encoding;content-length;host;x-amz-content-sha256;"
                        + "x-amz-date;x-amz-decoded-content-length;x-amz-storage-class", SEED_SIGNATURE));
    }

    static final String TRAILER_SEED_SIGNATURE = "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e";
    static final List<String> TRAILER_CHUNK_SIGNATURES = List.of(
            "b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2",
            "1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7",
            "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992");
    static final String TRAILER_LINE = "x-amz-checksum-crc32c:sOO8/Q==";
    static final String TRAILER_SIGNATURE = "d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435";

    /** The same upload with a CRC32C trailer (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER): seed 106e2a8a... */
    static FakeRequest chunkedPutWithTrailer() {
        return FakeRequest.of("PUT", "/examplebucket/chunkObject.txt", null)
                .with("host", "s3.amazonaws.com")
                .with("x-amz-date", AMZ_DATE)
                .with("x-amz-storage-class", "REDUCED_REDUNDANCY")
                .with("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER")
                .with("content-encoding", "aws-chunked")
                .with("x-amz-decoded-content-length", "66560")
                .with("x-amz-trailer", "x-amz-checksum-crc32c")
                .with("authorization", authorization("content-encoding;host;x-amz-content-sha256;x-amz-date;"
                        + "x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer", TRAILER_SEED_SIGNATURE));
    }

    /** The example's decoded object: 66560 bytes of 'a'. */
    static byte[] chunkedData() {
        byte[] data = new byte[66560];
        java.util.Arrays.fill(data, (byte) 'a');
        return data;
    }

    /** The example's wire body with the given chunk signatures and, if non-null, the trailer section. */
    static byte[] chunkedBody(List<String> signatures, String trailerSection) {
        StringBuilder s = new StringBuilder();
        s.append("10000;chunk-signature=").append(signatures.get(0)).append("\r\n").append("a".repeat(65536))
                .append("\r\n");
        s.append("400;chunk-signature=").append(signatures.get(1)).append("\r\n").append("a".repeat(1024))
                .append("\r\n");
        s.append("0;chunk-signature=").append(signatures.get(2)).append("\r\n");
        s.append(trailerSection == null ? "" : trailerSection).append("\r\n");
        return s.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static String trailerSection() {
        return TRAILER_LINE + "\r\nx-amz-trailer-signature:" + TRAILER_SIGNATURE + "\r\n";
    }
}
