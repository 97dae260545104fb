package dev.cowfleet.models.runtime;

import java.util.Arrays;
import java.util.Optional;

/** How the application configures automatic collection in the workers; {@link #scenarioName()} is the scenario's {@code gc:} value. */
public enum GcMode {
    /** Automatic collection on (the interpreter default). */
    ENABLED("enabled"),
    /** {@code gc.disable()}: off until something calls {@code gc.enable()}. */
    DISABLED("disable"),
    /** {@code gc.set_threshold(0)}: off, and {@code gc.enable()} cannot bring it back. */
    THRESHOLD0("threshold0");

    private final String scenarioName;

    GcMode(String scenarioName) {
        this.scenarioName = scenarioName;
    }

    public String scenarioName() {
        return scenarioName;
    }

    /** The mode a scenario (or the calibration probe) names, if any. */
    public static Optional<GcMode> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.scenarioName.equals(name)).findFirst();
    }
}
