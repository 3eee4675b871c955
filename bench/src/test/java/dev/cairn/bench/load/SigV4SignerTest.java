package dev.cairn.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SigV4SignerTest {

    /** The S3 SigV4 example of the AWS documentation: GET /test.txt with a Range header, empty payload hash. */
    @Test
    void signsTheDocumentedGetObjectExample() {
        SigV4Signer signer = new SigV4Signer("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "us-east-1", "s3");
        String emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        SortedMap<String, String> headers = new TreeMap<>();
        headers.put("host", "examplebucket.s3.amazonaws.com");
        headers.put("range", "bytes=0-9");
        headers.put("x-amz-content-sha256", emptyHash);
        headers.put("x-amz-date", "20130524T000000Z");

        String authorization = signer.authorization("GET", "/test.txt", new TreeMap<>(), headers, emptyHash,
                "20130524T000000Z");

        assertEquals("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", authorization);
        // The cached signing key of that day gives the same signature again.
        assertEquals(authorization, signer.authorization("GET", "/test.txt", new TreeMap<>(), headers, emptyHash,
                "20130524T000000Z"));
    }

    @Test
    void encodesQueryAndPathTheAwsWay() {
        SortedMap<String, String> q = new TreeMap<>();
        q.put("prefix", "a b/c~");
        q.put("list-type", "2");
        q.put("uploads", "");
        assertEquals("list-type=2&prefix=a%20b%2Fc~&uploads=", SigV4Signer.canonicalQuery(q));
        assertEquals("/load/k%2B1/%C3%A9", "/" + SigV4Signer.uriEncode("load/k+1/é", false));
    }
}
