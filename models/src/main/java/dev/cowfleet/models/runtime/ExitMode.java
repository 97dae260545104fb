package dev.cowfleet.models.runtime;

import java.util.Arrays;
import java.util.Optional;

/** How a worker leaves when it is recycled or restarted; {@link #scenarioName()} is the scenario's {@code exit:} value. */
public enum ExitMode {
    /** Interpreter finalization: atexit, the final collection, module teardown. */
    NORMAL("normal"),
    /** {@code atexit.register(os._exit, 0)}: leaves before finalization, writes nothing. */
    OS_EXIT("os._exit");

    private final String scenarioName;

    ExitMode(String scenarioName) {
        this.scenarioName = scenarioName;
    }

    public String scenarioName() {
        return scenarioName;
    }

    /** The exit a scenario (or the calibration probe) names, if any. */
    public static Optional<ExitMode> byName(String name) {
        return Arrays.stream(values()).filter(m -> m.scenarioName.equals(name)).findFirst();
    }
}
