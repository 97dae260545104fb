package dev.cowfleet.sim.app;

/** A request file that cannot be used; the message is one line naming the file, the line and the expected form. */
public final class RequestMixException extends RuntimeException {
    public RequestMixException(String message) {
        super(message);
    }
}
