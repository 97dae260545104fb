package dev.cowfleet.models.runtime;

/**
 * An input the models cannot accept. The one-line message names the input (a scenario key where
 * there is one) and the form that was expected, so the CLI can show it without a stack trace.
 */
public class ModelInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ModelInputException(String message) {
        super(message);
    }

    /** Throws unless {@code value >= 0}. */
    public static long requireNonNegative(String input, long value) {
        if (value < 0) {
            throw new ModelInputException(input + " must be >= 0, got " + value);
        }
        return value;
    }

    /** Throws unless {@code value} is finite and {@code >= 0}. */
    public static double requireNonNegative(String input, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new ModelInputException(input + " must be a finite number >= 0, got " + value);
        }
        return value;
    }

    /** Throws unless {@code 0 <= value <= 1}. */
    public static double requireFraction(String input, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new ModelInputException(input + " must be a fraction in [0, 1] (e.g. 2% or 0.02), got " + value);
        }
        return value;
    }
}
