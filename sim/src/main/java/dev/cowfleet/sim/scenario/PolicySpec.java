package dev.cowfleet.sim.scenario;

import dev.cowfleet.models.runtime.GcPolicy;
import dev.cowfleet.models.runtime.GcThresholds;
import dev.cowfleet.models.runtime.InterpreterProfile;
import dev.cowfleet.models.runtime.PythonVersion;

/**
 * One GC, exit and recycling policy to compare.
 *
 * @param name   the policy's name in the scenario (binding in shipped scenarios)
 * @param python the Python version the policy runs (the scenario's unless overridden)
 * @param gc     the model's policy: what the application does to the collector and how workers exit; already
 *               checked against {@code python}
 * @param server effective server settings: the scenario's, with this policy's overrides
 */
public record PolicySpec(String name, String python, GcPolicy gc, ServerSpec server) {

    /** The interpreter the policy runs. */
    public InterpreterProfile profile() {
        return InterpreterProfile.forVersion(PythonVersion.parse(python));
    }

    /** The thresholds in force: the policy's own, the version default, or that with threshold0 = 0 under threshold0. */
    public GcThresholds thresholds() {
        return gc.effectiveThresholds(profile());
    }
}
