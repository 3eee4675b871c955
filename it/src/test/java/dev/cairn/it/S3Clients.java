package dev.cairn.it;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;

/** The AWS SDK's synchronous client for a node, path style, with the given credentials. */
final class S3Clients {
    private S3Clients() {
    }

    static S3Client sync(CairnProcess node, String accessKey, String secretKey) {
        return S3Client.builder().endpointOverride(URI.create(node.url(""))).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .forcePathStyle(true).build();
    }
}
