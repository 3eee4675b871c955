package dev.cairn.storage.api.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.MultiMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which operation a request is: method × path × query (× copy source) → Operation, NULL for MethodNotAllowed. */
class OperationRoutingTest {

    @ParameterizedTest(name = "{0} {1}?{2} -> {3}")
    @CsvSource(nullValues = "NULL", value = {
        "GET, /, NULL, LIST_BUCKETS",
        "GET, /b, NULL, LIST_OBJECTS",
        "GET, /b, list-type=2, LIST_OBJECTS_V2",
        "GET, /b, acl, GET_ACL",
        "PUT, /b, acl, PUT_ACL",
        "DELETE, /b, acl, NULL",
        "GET, /b/k, acl, GET_ACL",
        "PUT, /b/k, acl&versionId=v1, PUT_ACL",
        "POST, /b/k, acl, NULL",
        "GET, /b, policyStatus, GET_BUCKET_POLICY_STATUS",
        "PUT, /b, policyStatus, NULL",
        "GET, /b, policy, GET_BUCKET_POLICY",
        "DELETE, /b, policy, DELETE_BUCKET_POLICY",
        "GET, /b, ownershipControls, GET_BUCKET_OWNERSHIP_CONTROLS",
        "PUT, /b, ownershipControls, PUT_BUCKET_OWNERSHIP_CONTROLS",
        "DELETE, /b, ownershipControls, DELETE_BUCKET_OWNERSHIP_CONTROLS",
        "GET, /b, publicAccessBlock, GET_PUBLIC_ACCESS_BLOCK",
        "PUT, /b, publicAccessBlock, PUT_PUBLIC_ACCESS_BLOCK",
        "DELETE, /b, publicAccessBlock, DELETE_PUBLIC_ACCESS_BLOCK",
        "POST, /b, publicAccessBlock, NULL",
        "PUT, /b, encryption, PUT_BUCKET_ENCRYPTION",
        "DELETE, /b, cors, DELETE_BUCKET_CORS",
        "GET, /b/k, tagging, GET_OBJECT_TAGGING",
        "DELETE, /b/k, tagging, DELETE_OBJECT_TAGGING",
        "GET, /b, lifecycle, NOT_IMPLEMENTED",
        "PUT, /b, NULL, CREATE_BUCKET",
        "PUT, /b/k, NULL, PUT_OBJECT",
        "GET, /b/k, attributes, GET_OBJECT_ATTRIBUTES",
        "POST, /b/k, uploads, CREATE_MULTIPART_UPLOAD",
    })
    void routes(String method, String path, String query, Operation expected) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Host", "localhost");
        assertEquals(expected, Operation.of(S3Request.parse(method, path, query, headers, null)));
    }
}
