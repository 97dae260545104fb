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
        return named(name).build();
    }

    /** A policy named {@code name}, with the interpreter's defaults until its settings are given. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /**
     * Throws when this policy cannot run: the interpreter lacks what it asks for, or two of its settings
     * contradict each other. These are all of a policy's rules; a scenario loader reports them at the
     * line of {@link PolicyRuleException#key()}.
     */
    public void checkSupportedBy(InterpreterProfile profile) {
        if (freeze && !profile.supportsFreeze()) {
            throw new PolicyRuleException(name, "freeze", "gc.freeze() needs Python 3.7+, this policy runs "
                    + profile.version());
        }
        if (disableEarlyInMaster && !freeze) {
            throw new PolicyRuleException(name, "disableEarly", "is part of the freeze recipe (gc.disable() early in "
                    + "the master, gc.freeze() before fork, gc.enable() in the worker); set freeze: true too");
        }
        if (immortalize && !profile.supportsImmortalize()) {
            throw new PolicyRuleException(name, "immortalize", "immortal objects need Python 3.12+ (PEP 683), "
                    + "this policy runs " + profile.version());
        }
        if (libraryEnablesGcAfterRequests > 0 && mode == GcMode.ENABLED) {
            throw new PolicyRuleException(name, "libraryEnablesGcAfter", "a library calling gc.enable() only matters "
                    + "when the policy turns GC off (gc: disable or threshold0)");
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

    /** Builds a policy setting by setting, by name: what {@code policies:} entries and the probe's runs say. */
    public static final class Builder {
        private final String name;
        private GcMode mode = GcMode.ENABLED;
        private GcThresholds thresholds;
        private boolean freeze;
        private boolean disableEarlyInMaster;
        private boolean immortalize;
        private ExitMode exit = ExitMode.NORMAL;
        private long libraryEnablesGcAfterRequests;
        private long explicitCollectEveryRequests;

        private Builder(String name) {
            this.name = name;
        }

        public Builder mode(GcMode value) {
            mode = value;
            return this;
        }

        /** Custom thresholds; null (the default) keeps the version's. */
        public Builder thresholds(GcThresholds value) {
            thresholds = value;
            return this;
        }

        public Builder freeze(boolean value) {
            freeze = value;
            return this;
        }

        public Builder disableEarlyInMaster(boolean value) {
            disableEarlyInMaster = value;
            return this;
        }

        public Builder immortalize(boolean value) {
            immortalize = value;
            return this;
        }

        public Builder exit(ExitMode value) {
            exit = value;
            return this;
        }

        public Builder libraryEnablesGcAfterRequests(long value) {
            libraryEnablesGcAfterRequests = value;
            return this;
        }

        public Builder explicitCollectEveryRequests(long value) {
            explicitCollectEveryRequests = value;
            return this;
        }

        public GcPolicy build() {
            return new GcPolicy(name, mode, thresholds, freeze, disableEarlyInMaster, immortalize, exit,
                    libraryEnablesGcAfterRequests, explicitCollectEveryRequests);
        }
    }
}
