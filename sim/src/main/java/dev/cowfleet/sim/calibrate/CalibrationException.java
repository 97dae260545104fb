package dev.cowfleet.sim.calibrate;

/** A calibration that cannot run or whose probe failed; the message is one line for the user. */
public final class CalibrationException extends RuntimeException {
    public CalibrationException(String message) {
        super(message);
    }

    public CalibrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
