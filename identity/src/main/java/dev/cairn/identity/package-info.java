/**
 * Identity: credentials, SigV4 verification, IAM users/groups/policies, the policy engine, STS and OIDC.
 *
 * <p>Not built yet: it arrives with the S3 API issue (SigV4) and the IAM/STS work. The module exists so the
 * build's layering (storage depends on identity) holds from the start.
 */
package dev.cairn.identity;
