package dev.cowfleet.sim.scenario;

/**
 * Bad scenario input: a file, a {@code --set} flag or a value that cannot be used. The message is one
 * line that names where the input is, the key and the expected form, so the CLI prints it as is
 * and exits with status 2.
 */
public final class ScenarioException extends RuntimeException {

    public ScenarioException(String message) {
        super(message);
    }

    /** A problem with the value of {@code keyPath}, found at {@code where}. */
    static ScenarioException at(Where where, String keyPath, String problem) {
        return new ScenarioException(where.describe() + ": key '" + keyPath + "': " + problem);
    }

    /** A problem at {@code where} that is not about one key (syntax, unknown keys). */
    static ScenarioException at(Where where, String problem) {
        return new ScenarioException(where.describe() + ": " + problem);
    }
}
