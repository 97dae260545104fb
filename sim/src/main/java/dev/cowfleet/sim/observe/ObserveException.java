package dev.cowfleet.sim.observe;

/** Bad input or a server that cannot be observed: one line for the user, exit 2. */
public final class ObserveException extends RuntimeException {
    public ObserveException(String message) {
        super(message);
    }
}
