/**
 * Identity: who a request comes from.
 *
 * <p>This package owns the credential model ({@link dev.cairn.identity.Credentials}) and where secrets are looked
 * up ({@link dev.cairn.identity.CredentialStore}, with {@link dev.cairn.identity.StaticCredentialStore} for the
 * root credentials and a users file). Request signatures (SigV4, SigV2, streaming chunks) are verified in
 * {@link dev.cairn.identity.sigv4}. IAM users/groups/policies, the policy engine, STS and OIDC arrive later in
 * sibling packages.
 *
 * <p>A plain library: it depends only on the JDK. The storage node adapts its HTTP requests to these interfaces.
 */
package dev.cairn.identity;
