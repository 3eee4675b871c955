/**
 * The policy engine: AWS-style JSON policies (S3 bucket policies now, IAM identity policies later), parsed once and
 * evaluated per request. Pure: no I/O, no clock, no HTTP; the S3 layer describes each request as a
 * {@link dev.cairn.identity.policy.Request} and acts on the {@link dev.cairn.identity.policy.Decision}.
 *
 * <p>What it owns: the policy grammar and S3's validation messages ({@link dev.cairn.identity.policy.Policy},
 * {@link dev.cairn.identity.policy.PolicyException}); matching of principals, actions and resources with
 * {@code *}/{@code ?} wildcards and policy variables; every condition operator of the IAM policy language with its
 * {@code IfExists} and {@code ForAnyValue:}/{@code ForAllValues:} forms; and the evaluation logic (explicit deny
 * wins, then allow, else the implicit deny) with S3's combination of bucket policy, identity policies, bucket
 * ownership and the root user ({@link dev.cairn.identity.policy.PolicyEvaluator#authorize}).
 *
 * <p>What it does not: decide which action and resource an HTTP request means, or fill condition keys from headers;
 * ACLs; roles, sessions and service principals (accepted in policies, matching nobody yet).
 */
package dev.cairn.identity.policy;
