package dev.cairn.identity.policy;

/** A statement's {@code Effect}; the JSON spelling is exactly {@code Allow} or {@code Deny} (case-sensitive). */
public enum Effect {
    ALLOW("Allow"),
    DENY("Deny");

    private final String json;

    Effect(String json) {
        this.json = json;
    }

    /** The spelling used in policy documents. */
    public String json() {
        return json;
    }

    static Effect parse(String text) {
        for (Effect effect : values()) {
            if (effect.json.equals(text)) {
                return effect;
            }
        }
        throw new PolicyException("Invalid effect: " + text);
    }
}
