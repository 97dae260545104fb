package dev.cowfleet.models.runtime;

/**
 * A GC policy the interpreter or the collector's own rules cannot run. It names the policy setting
 * at fault by its scenario key ({@code freeze}, {@code immortalize}, ...), so a scenario loader can
 * point at the file and line of that key and show {@link #reason()} there.
 */
public final class PolicyRuleException extends ModelInputException {
    private static final long serialVersionUID = 1L;

    private final String key;
    private final String reason;

    PolicyRuleException(String policy, String key, String reason) {
        super("policy '" + policy + "': " + reason);
        this.key = key;
        this.reason = reason;
    }

    /** The policy's scenario key at fault, e.g. {@code "freeze"}. */
    public String key() {
        return key;
    }

    /** What is wrong, without the policy's name. */
    public String reason() {
        return reason;
    }
}
