package dev.cairn.identity.policy;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Evaluates policies for a request as AWS's policy evaluation logic does, and combines a bucket's policy with the
 * caller's identity policies the way S3 does for a single account. Stateless and thread-safe.
 */
public final class PolicyEvaluator {

    /**
     * The policy-management actions a bucket owner keeps even when its own bucket policy denies them, so that a
     * policy can never lock its owner out (S3 does the same for the owning account's root user).
     */
    private static final Set<String> OWNER_POLICY_ACTIONS =
            Set.of("s3:getbucketpolicy", "s3:putbucketpolicy", "s3:deletebucketpolicy");

    /**
     * Evaluates every statement of {@code policies} against {@code request}: any applicable Deny gives
     * {@link Decision#DENY} (an explicit deny wins, whatever allows); otherwise any applicable Allow gives
     * {@link Decision#ALLOW}; otherwise {@link Decision#NOT_APPLICABLE}, the implicit deny. Order does not matter.
     */
    public Decision evaluate(List<Policy> policies, Request request) {
        boolean allowed = false;
        for (Policy policy : policies) {
            for (Statement statement : policy.statements()) {
                if (statement.applies(request)) {
                    if (statement.effect() == Effect.DENY) {
                        return Decision.DENY;
                    }
                    allowed = true;
                }
            }
        }
        return allowed ? Decision.ALLOW : Decision.NOT_APPLICABLE;
    }

    /**
     * Whether {@code request} on a bucket may proceed, combining the bucket's policy with the caller's identity
     * policies. Cairn is one account whose users each own buckets; the rule, in order:
     * <ol>
     *   <li>the root user is allowed everything: policies are not consulted (S3: the account root; here also a way
     *       back in after any policy mistake);
     *   <li>an explicit Deny in the bucket policy or in an identity policy denies everyone else, the bucket owner
     *       included, except that the owner may always get, put and delete the bucket policy itself;
     *   <li>the bucket owner is allowed (its buckets are its own, as an AWS account's are);
     *   <li>an Allow in the bucket policy (which can name anonymous callers with {@code "*"} and other users by id)
     *       or, for signed requests, in an identity policy allows: within one account either suffices;
     *   <li>otherwise {@link Decision#NOT_APPLICABLE}: implicitly denied.
     * </ol>
     *
     * @param bucketOwner the principal id that owns the bucket, or null for requests on no bucket
     * @param bucketPolicy the bucket's policy, or null when it has none
     * @param identityPolicies the policies attached to the caller (empty for anonymous callers and for now)
     */
    public Decision authorize(Request request, String bucketOwner, Policy bucketPolicy,
            List<Policy> identityPolicies) {
        if (request.root()) {
            return Decision.ALLOW;
        }
        Decision fromPolicies = policies(request, bucketOwner, bucketPolicy, identityPolicies);
        if (fromPolicies == Decision.DENY) {
            return Decision.DENY;
        }
        boolean owner = !request.anonymous() && request.principalId().equals(bucketOwner);
        return owner ? Decision.ALLOW : fromPolicies;
    }

    /**
     * What the policies alone say of a request that is not root's: steps 2 and 4 of {@link #authorize}, without the
     * owner's implicit allow. Callers that add other sources of permission (S3 ACLs) start from this: an explicit
     * {@link Decision#DENY} binds them too, an {@link Decision#ALLOW} needs nothing more, and
     * {@link Decision#NOT_APPLICABLE} leaves the request to them.
     */
    public Decision policies(Request request, String bucketOwner, Policy bucketPolicy, List<Policy> identityPolicies) {
        Decision fromBucket = bucketPolicy == null ? Decision.NOT_APPLICABLE : evaluate(List.of(bucketPolicy), request);
        Decision fromIdentity = request.anonymous() ? Decision.NOT_APPLICABLE : evaluate(identityPolicies, request);
        boolean owner = !request.anonymous() && request.principalId().equals(bucketOwner);
        if (fromBucket == Decision.DENY || fromIdentity == Decision.DENY) {
            boolean managesPolicy = OWNER_POLICY_ACTIONS.contains(request.action().toLowerCase(Locale.ROOT));
            return owner && managesPolicy && fromIdentity != Decision.DENY ? Decision.ALLOW : Decision.DENY;
        }
        return fromBucket == Decision.ALLOW || fromIdentity == Decision.ALLOW ? Decision.ALLOW
                : Decision.NOT_APPLICABLE;
    }
}
