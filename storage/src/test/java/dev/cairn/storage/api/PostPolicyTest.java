package dev.cairn.storage.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A form's policy: a document that is not a policy is InvalidPolicyDocument (400); a form that breaks a good one
 * is AccessDenied (403).
 */
class PostPolicyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private static String b64(String json) {
        return Base64.getEncoder().encodeToString(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON | {expiration",
        "not an object | ['conditions']",
        "no expiration | {'conditions': []}",
        "expiration in upper case | {'EXPIRATION': '2030-01-01T00:00:00Z', 'conditions': []}",
        "expiration not ISO 8601 | {'expiration': '2030-01-01 00:00:00+00:00', 'conditions': []}",
        "no conditions | {'expiration': '2030-01-01T00:00:00Z'}",
        "conditions in upper case | {'expiration': '2030-01-01T00:00:00Z', 'CONDITIONS': []}",
        "an empty condition | {'expiration': '2030-01-01T00:00:00Z', 'conditions': [{}]}",
        "two properties in one | {'expiration': '2030-01-01T00:00:00Z', 'conditions': [{'a': '1', 'b': '2'}]}",
        "a range without its maximum | {'expiration': '2030-01-01T00:00:00Z', 'conditions': "
                + "[['content-length-range', 0]]}",
        "a range of words | {'expiration': '2030-01-01T00:00:00Z', 'conditions': [['content-length-range', 'a', 'b']]}",
        "an unknown operation | {'expiration': '2030-01-01T00:00:00Z', 'conditions': [['ends-with', '$key', 'x']]}",
        "a field without $ | {'expiration': '2030-01-01T00:00:00Z', 'conditions': [['eq', 'key', 'x']]}",
    })
    void aDocumentThatIsNotAPolicyIsInvalidPolicyDocument(String name, String json) {
        S3Exception e = assertThrows(S3Exception.class, () -> PostPolicy.parse(b64(json)));
        assertEquals(S3Error.INVALID_POLICY_DOCUMENT, e.error());
    }

    @Test
    void aFormThatBreaksAGoodPolicyIsAccessDenied() {
        PostPolicy p = PostPolicy.parse(b64("{'expiration': '2030-01-01T00:00:00Z', 'conditions': "
                + "[{'bucket': 'b'}, ['starts-with', '$key', 'foo'], ['content-length-range', 0, 10]]}"));
        Map<String, String> fields = new HashMap<>(Map.of("bucket", "b", "key", "foo.txt"));
        p.check(fields, NOW);
        fields.put("key", "bar.txt");
        assertEquals(S3Error.ACCESS_DENIED, assertThrows(S3Exception.class, () -> p.check(fields, NOW)).error());
        fields.put("key", "foo.txt");
        fields.put("x-amz-meta-extra", "not in the policy");
        assertEquals(S3Error.ACCESS_DENIED, assertThrows(S3Exception.class, () -> p.check(fields, NOW)).error());
        assertEquals(S3Error.ACCESS_DENIED, assertThrows(S3Exception.class,
                () -> p.check(Map.of("bucket", "b", "key", "foo"), Instant.parse("2031-01-01T00:00:00Z"))).error());
        assertEquals(S3Error.ENTITY_TOO_LARGE, assertThrows(S3Exception.class, () -> p.checkLength(11)).error());
    }
}
