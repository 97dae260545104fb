package dev.cowfleet.models.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One GC/exit policy of a scenario ({@code policies:} entry): how the application configures the
 * collector in the master and the workers, and how workers leave.
 *
 * @param thresholds custom {@code gc.set_threshold}, or null for the version's default
 * @param disableEarlyInMaster {@code gc.disable()} early in the master (the gc.freeze() recipe)
 * @param immortalize Cinder-style {@code immortalize_heap()} before fork: collect, freeze, then
 *                    make every object immortal (implies freeze)
 * @param libraryEnablesGcAfterRequests a library calls {@code gc.enable()} after this many
 *                    requests (the msgpack case); 0 = never
 * @param explicitCollectEveryRequests the application calls {@code gc.collect()} every N requests; 0 = never
 */
public record GcPolicy(String name, GcMode mode, GcThresholds thresholds, boolean freeze,
                       boolean disableEarlyInMaster, boolean immortalize, ExitMode exit,
                       long libraryEnablesGcAfterRequests, long explicitCollectEveryRequests) {

    public GcPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(exit, "exit");
        ModelInputException.requireNonNegative("policy '" + name + "': libraryEnablesGcAfter", libraryEnablesGcAfterRequests);
        ModelInputException.requireNonNegative("policy '" + name + "': explicitCollectEvery", explicitCollectEveryRequests);
    }

    /** The interpreter default: automatic collection, default thresholds, normal exit. */
    public static GcPolicy defaults(String name) {
        return new GcPolicy(name, GcMode.ENABLED, null, false, false, false, ExitMode.NORMAL, 0, 0);
    }

    /** Throws when the interpreter cannot apply this policy, naming what is missing. */
    public void checkSupportedBy(InterpreterProfile profile) {
        if (freeze && !profile.supportsFreeze()) {
            throw new ModelInputException("policy '" + name + "': gc.freeze() needs Python 3.7+, scenario runs "
                    + profile.version());
        }
        if (immortalize && !profile.supportsImmortalize()) {
            throw new ModelInputException("policy '" + name + "': immortalize needs Python 3.12+ (PEP 683), scenario runs "
                    + profile.version());
        }
        if (libraryEnablesGcAfterRequests > 0 && mode == GcMode.ENABLED) {
            throw new ModelInputException("policy '" + name + "': libraryEnablesGcAfter only applies with gc: disable or threshold0");
        }
    }

    /** Whether objects are in the permanent generation at fork. */
    public boolean freezesBeforeFork() {
        return freeze || immortalize;
    }

    /** The thresholds in force, given the interpreter's defaults. */
    public GcThresholds effectiveThresholds(InterpreterProfile profile) {
        return thresholds != null ? thresholds : profile.defaultThresholds();
    }

    /** One line, e.g. "gc.set_threshold(0) + os._exit at exit". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        switch (mode) {
            case ENABLED -> parts.add(thresholds == null ? "default GC" : "gc.set_threshold" + thresholds);
            case DISABLED -> parts.add("gc.disable()" + (libraryEnablesGcAfterRequests > 0
                    ? " (a library calls gc.enable() after " + libraryEnablesGcAfterRequests + " requests)" : ""));
            case THRESHOLD0 -> parts.add("gc.set_threshold(0)");
        }
        if (disableEarlyInMaster) {
            parts.add("gc.disable() early in the master");
        }
        if (immortalize) {
            parts.add("heap immortalized before fork");
        } else if (freeze) {
            parts.add("gc.freeze() before fork");
        }
        if (explicitCollectEveryRequests > 0) {
            parts.add("gc.collect() every " + explicitCollectEveryRequests + " requests");
        }
        if (exit == ExitMode.OS_EXIT) {
            parts.add("os._exit at exit");
        }
        return String.join(" + ", parts);
    }
}
