package dev.cowfleet.models.runtime;

/** How the application configures automatic collection in the workers. */
public enum GcMode {
    /** Automatic collection on (the interpreter default). */
    ENABLED,
    /** {@code gc.disable()}: off until something calls {@code gc.enable()}. */
    DISABLED,
    /** {@code gc.set_threshold(0)}: off, and {@code gc.enable()} cannot bring it back. */
    THRESHOLD0
}
