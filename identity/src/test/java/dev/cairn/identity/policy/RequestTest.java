package dev.cairn.identity.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The request context: key case, the keys derived from the principal, the builder. */
class RequestTest {

    @Test
    void keysAreLowerCasedAndMerged() {
        Request r = new Request("alice", false, "s3:GetObject", "arn:aws:s3:::b/k",
                Map.of("AWS:SourceIp", List.of("192.0.2.1"), "aws:sourceip", List.of("192.0.2.2")));
        assertEquals(2, r.values("aws:SourceIP").size());
        assertTrue(r.context().containsKey("aws:sourceip"));
    }

    @Test
    void principalKeysOfAUser() {
        Request r = new Request("alice", false, "s3:GetObject", "*",
                Map.of("aws:username", List.of("mallory"), "aws:userid", List.of("mallory")));
        assertEquals(List.of("alice"), r.values("aws:username"), "a caller cannot claim another name");
        assertEquals(List.of("alice"), r.values("aws:userid"));
        assertEquals(List.of("User"), r.values("aws:PrincipalType"));
    }

    @Test
    void principalKeysOfRootAndAnonymous() {
        Request root = new Request("admin", true, "s3:GetObject", "*", Map.of());
        assertEquals(List.of(), root.values("aws:username"));
        assertEquals(List.of("admin"), root.values("aws:userid"));
        assertEquals(List.of("Account"), root.values("aws:PrincipalType"));
        Request anonymous = new Request(null, false, "s3:GetObject", "*", Map.of("aws:username", List.of("x")));
        assertTrue(anonymous.anonymous());
        assertEquals(List.of(), anonymous.values("aws:username"));
        assertEquals(List.of("anonymous"), anonymous.values("aws:userid"));
        assertEquals(List.of("Anonymous"), anonymous.values("aws:PrincipalType"));
    }

    @Test
    void rootNeedsAPrincipalId() {
        assertThrows(IllegalArgumentException.class, () -> new Request(null, true, "s3:GetObject", "*", Map.of()));
    }

    @Test
    void builderFillsTheCommonKeys() {
        Request r = Request.builder("alice", false, "s3:ListBucket", "arn:aws:s3:::b")
                .sourceIp("192.0.2.1")
                .secureTransport(true)
                .time(Instant.parse("2024-06-01T12:34:56.789Z"))
                .put("s3:prefix", "home/")
                .put("s3:RequestObjectTagKeys", List.of("a", "b"))
                .build();
        assertEquals(List.of("192.0.2.1"), r.values("aws:SourceIp"));
        assertEquals(List.of("true"), r.values("aws:SecureTransport"));
        assertEquals(List.of("2024-06-01T12:34:56Z"), r.values("aws:CurrentTime"));
        assertEquals(List.of("1717245296"), r.values("aws:EpochTime"));
        assertEquals(List.of("home/"), r.values("s3:prefix"));
        assertEquals(List.of("a", "b"), r.values("s3:requestobjecttagkeys"));
    }
}
