package dev.cairn.identity.policy;

/**
 * The outcome of evaluating policies for one request, as AWS's policy evaluation logic defines it.
 *
 * <ul>
 *   <li>{@link #DENY}: an applicable statement denies explicitly; nothing else can override it.
 *   <li>{@link #ALLOW}: an applicable statement allows and none denies.
 *   <li>{@link #NOT_APPLICABLE}: no statement applies: the implicit (default) deny. Callers that combine several
 *       sources of permission (see {@link PolicyEvaluator#authorize}) may still find an allow elsewhere.
 * </ul>
 */
public enum Decision {
    ALLOW,
    DENY,
    NOT_APPLICABLE;

    /** Whether the request may proceed: only an explicit {@link #ALLOW} lets it. */
    public boolean allowed() {
        return this == ALLOW;
    }
}
