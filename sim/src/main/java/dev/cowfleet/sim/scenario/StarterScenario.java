package dev.cowfleet.sim.scenario;

import java.util.List;

/**
 * The commented starter scenario {@code cowfleet init} writes: every required key, the user's host and
 * traffic, measured-heap placeholders to replace with {@code cowfleet calibrate} output, and the policies
 * the Python version can run. The text is loaded before it is returned, so a starter always validates.
 */
public final class StarterScenario {

    /** What the user chose on the command line, as scenario values ("16GiB", "100/s"). */
    public record Choices(String name, String python, String server, String workers, String ram, String cores,
                          String requestsPerSecond) {
    }

    private StarterScenario() {
    }

    /**
     * @param schemaPath the schema path the editor line names, relative to the scenario file
     * @throws ScenarioException when the choices do not make a valid scenario (named by key)
     */
    public static String text(Choices c, String schemaPath) {
        String python = PythonDefaults.validate(c.python());
        StringBuilder policies = new StringBuilder("  default: {}                  # the interpreter's defaults\n");
        policies.append("  threshold0-exit: {gc: threshold0, exit: os._exit}   # Instagram 2017\n");
        if (PythonDefaults.profile(python).supportsFreeze()) {
            policies.append("  freeze: {freeze: true, disableEarly: true}       # gc.freeze() before fork (3.7+)\n");
        }
        String text = String.join("\n", List.of(
                "# yaml-language-server: $schema=" + schemaPath,
                "# " + c.name() + ": starter scenario written by `cowfleet init`.",
                "# Replace the placeholder heap and workload figures with your measurements (`cowfleet calibrate`",
                "# measures a master), check with `cowfleet validate --explain`, then `cowfleet compare` the policies.",
                "# Every key is described in scenarios/README.md and in the schema your editor reads.",
                "name: " + c.name(),
                "question: \"Which GC policy saves the most host memory for " + c.name() + "?\"",
                "python: \"" + python + "\"",
                "processManager: " + c.server(),
                "seed: 1",
                "replications: 3",
                "duration: 1h",
                "sampleEvery: 1m",
                "",
                "host:",
                "  workers: " + c.workers() + "                  # worker processes per host",
                "  ram: " + c.ram(),
                "  cores: " + c.cores(),
                "",
                "heap:                         # placeholders: measure your master with `cowfleet calibrate`",
                "  measured:",
                "    heapSize: 200MiB          # Anonymous memory of a worker right after fork",
                "    trackedPages: 40%         # heap pages holding a GC-tracked object",
                "    trackedObjects: 800k      # len(gc.get_objects()) in the master",
                "    totalObjects: 2M          # all objects in the master",
                "",
                "workload:",
                "  requestsPerSecond: " + c.requestsPerSecond() + "     # per host",
                "  cpuPerRequest: 20ms",
                "  inheritedObjectsTouched: 5k # inherited objects one request reads (refcount writes)",
                "  trackedAllocationsPeak: 2000",
                "",
                "baseline: default",
                "policies:",
                policies.toString()));
        ScenarioLoader.parse(text, c.name() + ".yaml", c.name(), List.of());
        return text;
    }
}
