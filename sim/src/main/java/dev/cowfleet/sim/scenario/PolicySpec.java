package dev.cowfleet.sim.scenario;

import dev.cowfleet.models.runtime.ExitMode;
import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.models.runtime.GcPolicy;
import dev.cowfleet.models.runtime.GcThresholds;
import dev.cowfleet.models.runtime.InterpreterProfile;
import dev.cowfleet.models.runtime.PolicyRuleException;
import dev.cowfleet.models.runtime.PythonVersion;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One GC, exit and recycling policy to compare: one entry of the {@code policies} section. Its defaults come
 * from the scenario: the Python version, that version's thresholds, the workload's explicit collections and
 * the scenario's server section. The policy's rules are the model's ({@link GcPolicy#checkSupportedBy});
 * reading only points them at the file and line of the key at fault.
 *
 * @param name   the policy's name in the scenario (binding in shipped scenarios)
 * @param python the Python version the policy runs (the scenario's unless overridden)
 * @param gc     the model's policy: what the application does to the collector and how workers exit; already
 *               checked against {@code python}
 * @param server effective server settings: the scenario's, with this policy's overrides
 */
public record PolicySpec(String name, String python, GcPolicy gc, ServerSpec server) {

    private static final ValueKind<GcMode> GC_KIND = Kinds.oneOf(Arrays.stream(GcMode.values())
            .map(m -> Map.entry(m.scenarioName(), m)).toList());
    private static final ValueKind<ExitMode> EXIT_KIND = Kinds.oneOf(Arrays.stream(ExitMode.values())
            .map(m -> Map.entry(m.scenarioName(), m)).toList());
    private static final ValueKind<List<Long>> COUNTS = Kinds.listOf(Kinds.C_INT_COUNT,
            "three thresholds like [700, 10, 10]");
    private static final ValueKind<GcThresholds> THRESHOLDS_KIND = thresholdsKind();

    static final Keys KEYS = new Keys();
    private static final Key.Value<GcMode> GC = KEYS.optional("gc", GC_KIND, GcMode.ENABLED,
            "The cyclic collector: enabled, gc.disable() in the master, or gc.set_threshold(0).");
    private static final Key.Value<GcThresholds> THRESHOLDS = KEYS.derived("thresholds", THRESHOLDS_KIND,
            "the Python version's thresholds", "gc.set_threshold(young, middle, old) in the master.");
    private static final Key.Value<Boolean> FREEZE = KEYS.optional("freeze", Kinds.BOOLEAN, false,
            "gc.freeze() in the master before fork (Python 3.7+).");
    private static final Key.Value<Boolean> DISABLE_EARLY = KEYS.optional("disableEarly", Kinds.BOOLEAN, false,
            "gc.disable() early in the master, gc.enable() in the worker: the rest of the freeze recipe.");
    private static final Key.Value<Boolean> IMMORTALIZE = KEYS.optional("immortalize", Kinds.BOOLEAN, false,
            "Make the inherited objects immortal so refcounts stop writing to them (Python 3.12+, PEP 683).");
    private static final Key.Value<ExitMode> EXIT = KEYS.optional("exit", EXIT_KIND, ExitMode.NORMAL,
            "How a worker exits: a normal interpreter teardown, or os._exit skipping it.");
    private static final Key.Value<Long> LIBRARY_ENABLES_GC_AFTER = KEYS.optional("libraryEnablesGcAfter",
            Kinds.COUNT, 0L, "A library calls gc.enable() after this many requests (msgpack did); 0 is never.");
    private static final Key.Value<Long> EXPLICIT_COLLECT_EVERY = KEYS.derived("explicitCollectEvery", Kinds.COUNT,
            "workload.explicitCollectEvery", "The app calls gc.collect() every this many requests; 0 is never.");
    private static final Key.Value<String> PYTHON = KEYS.derived("python", PythonDefaults.VERSION_KIND,
            "the scenario's python", "CPython version this policy runs.");
    private static final Key.Nested SERVER = KEYS.section("server", ServerSpec.KEYS, false,
            "Server settings of this policy; defaults from the scenario's server section.");

    /** What a policy inherits from the rest of the scenario. */
    record Inherited(String python, ProcessManager manager, ServerSpec server, ServerSpec.FreshWorker fresh,
                     long explicitCollectEvery) {
    }

    static PolicySpec read(String name, Section s, Inherited inherited) {
        String python = s.optional(PYTHON, inherited.python(), "default (python)");
        GcMode gc = s.optional(GC);
        if (gc == GcMode.THRESHOLD0 && s.has(THRESHOLDS)) {
            throw s.fail(THRESHOLDS, "gc: threshold0 already sets the thresholds (gc.set_threshold(0)); "
                    + "give either gc: threshold0 or thresholds");
        }
        InterpreterProfile profile = PythonDefaults.profile(python);
        GcThresholds versionDefault = profile.defaultThresholds();
        GcThresholds thresholds = gc == GcMode.THRESHOLD0
                ? s.optional(THRESHOLDS, new GcThresholds(0, versionDefault.middle(),
                        versionDefault.old()), PythonDefaults.profileOrigin(python) + " with gc: threshold0")
                : s.optional(THRESHOLDS, versionDefault, PythonDefaults.profileOrigin(python));
        GcPolicy policy = GcPolicy.named(name)
                .mode(gc)
                // the version's own thresholds are no custom setting
                .thresholds(thresholds.equals(versionDefault) ? null : thresholds)
                .freeze(s.optional(FREEZE))
                .disableEarlyInMaster(s.optional(DISABLE_EARLY))
                .immortalize(s.optional(IMMORTALIZE))
                .exit(s.optional(EXIT))
                .libraryEnablesGcAfterRequests(s.optional(LIBRARY_ENABLES_GC_AFTER))
                .explicitCollectEveryRequests(s.optional(EXPLICIT_COLLECT_EVERY,
                        inherited.explicitCollectEvery(), "default (workload.explicitCollectEvery)"))
                .build();
        try {
            policy.checkSupportedBy(profile);
        } catch (PolicyRuleException e) {
            throw s.fail(KEYS.byName(e.key()), e.reason());
        }
        ServerSpec server = s.section(SERVER)
                .map(section -> ServerSpec.read(section, inherited.manager(), inherited.server(),
                        key -> "default (server." + key + ")", inherited.fresh()))
                .orElse(inherited.server());
        return new PolicySpec(name, python, policy, server);
    }

    /** The interpreter the policy runs. */
    public InterpreterProfile profile() {
        return InterpreterProfile.forVersion(PythonVersion.parse(python));
    }

    /** The thresholds in force: the policy's own, the version default, or that with threshold0 = 0 under threshold0. */
    public GcThresholds thresholds() {
        return gc.effectiveThresholds(profile());
    }

    private static ValueKind<GcThresholds> thresholdsKind() {
        return new ValueKind<>() {
            @Override
            public String expected() {
                return COUNTS.expected();
            }

            @Override
            public GcThresholds read(Node node, String keyPath) {
                List<Long> values = COUNTS.read(node, keyPath);
                if (values.size() != 3) {
                    throw ScenarioException.at(node.where(), keyPath, "expected " + expected() + ", got "
                            + values.size() + (values.size() == 1 ? " value" : " values"));
                }
                if (values.stream().anyMatch(v -> v > Integer.MAX_VALUE)) {
                    throw ScenarioException.at(node.where(), keyPath, "expected " + expected()
                            + ", each at most " + Integer.MAX_VALUE + ", got " + values);
                }
                return new GcThresholds(values.get(0).intValue(), values.get(1).intValue(), values.get(2).intValue());
            }

            @Override
            public String format(GcThresholds t) {
                return "[" + t.young() + ", " + t.middle() + ", " + t.old() + "]";
            }

            @Override
            public Map<String, Object> schema() {
                return UnitSchemas.list(Kinds.C_INT_COUNT.schema(), 3, 3);
            }
        };
    }
}
