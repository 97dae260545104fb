package dev.cowfleet.sim.scenario;

import java.util.List;
import java.util.Map;

/**
 * Binds one policy of the {@code policies} section. Its defaults come from the scenario: the Python
 * version, that version's thresholds, the workload's explicit collections and the scenario's server section.
 */
final class PolicyBinder {

    private static final ValueKind<PolicySpec.Gc> GC_KIND = Kinds.oneOf(List.of(
            Map.entry("enabled", PolicySpec.Gc.ENABLED),
            Map.entry("disable", PolicySpec.Gc.DISABLE),
            Map.entry("threshold0", PolicySpec.Gc.THRESHOLD0)));
    private static final ValueKind<PolicySpec.Exit> EXIT_KIND = Kinds.oneOf(List.of(
            Map.entry("normal", PolicySpec.Exit.NORMAL),
            Map.entry("os._exit", PolicySpec.Exit.OS_EXIT)));
    private static final ValueKind<List<Long>> COUNTS = Kinds.listOf(Kinds.COUNT, "three thresholds like [700, 10, 10]");
    private static final ValueKind<PolicySpec.Thresholds> THRESHOLDS_KIND = thresholdsKind();

    static final Keys KEYS = new Keys();
    private static final KeyDef<PolicySpec.Gc> GC = KEYS.optional("gc", GC_KIND, PolicySpec.Gc.ENABLED,
            "The cyclic collector: enabled, gc.disable() in the master, or gc.set_threshold(0).");
    private static final KeyDef<PolicySpec.Thresholds> THRESHOLDS = KEYS.derived("thresholds", THRESHOLDS_KIND,
            "the Python version's thresholds", "gc.set_threshold(young, middle, old) in the master.");
    private static final KeyDef<Boolean> FREEZE = KEYS.optional("freeze", Kinds.BOOLEAN, false,
            "gc.freeze() in the master before fork (Python 3.7+).");
    private static final KeyDef<Boolean> DISABLE_EARLY = KEYS.optional("disableEarly", Kinds.BOOLEAN, false,
            "gc.disable() early in the master, gc.enable() in the worker: the rest of the freeze recipe.");
    private static final KeyDef<Boolean> IMMORTALIZE = KEYS.optional("immortalize", Kinds.BOOLEAN, false,
            "Make the inherited objects immortal so refcounts stop writing to them (Python 3.12+, PEP 683).");
    private static final KeyDef<PolicySpec.Exit> EXIT = KEYS.optional("exit", EXIT_KIND, PolicySpec.Exit.NORMAL,
            "How a worker exits: a normal interpreter teardown, or os._exit skipping it.");
    private static final KeyDef<Long> LIBRARY_ENABLES_GC_AFTER = KEYS.optional("libraryEnablesGcAfter",
            Kinds.COUNT, 0L, "A library calls gc.enable() after this many requests (msgpack did); 0 is never.");
    private static final KeyDef<Long> EXPLICIT_COLLECT_EVERY = KEYS.derived("explicitCollectEvery", Kinds.COUNT,
            "workload.explicitCollectEvery", "The app calls gc.collect() every this many requests; 0 is never.");
    private static final KeyDef<String> PYTHON = KEYS.derived("python", PythonDefaults.VERSION_KIND,
            "the scenario's python", "CPython version this policy runs.");
    private static final SectionKey SERVER = KEYS.section("server", ServerBinder.KEYS, false,
            "Server settings of this policy; defaults from the scenario's server section.");

    /** What a policy inherits from the rest of the scenario. */
    record Inherited(String python, ProcessManager manager, ServerSpec server, ServerBinder.FreshWorker fresh,
                     long explicitCollectEvery) {
    }

    private PolicyBinder() {
    }

    static PolicySpec bind(String name, Section s, Inherited inherited) {
        String python = s.optional(PYTHON, inherited.python(), "default (python)");
        PolicySpec.Gc gc = s.optional(GC);
        if (gc == PolicySpec.Gc.THRESHOLD0 && s.has(THRESHOLDS)) {
            throw s.fail("thresholds", "gc: threshold0 already sets the thresholds (gc.set_threshold(0)); "
                    + "give either gc: threshold0 or thresholds");
        }
        PolicySpec.Thresholds versionDefault = PythonDefaults.defaultThresholds(python);
        PolicySpec.Thresholds thresholds = gc == PolicySpec.Gc.THRESHOLD0
                ? s.optional(THRESHOLDS, new PolicySpec.Thresholds(0, versionDefault.middle(),
                        versionDefault.old()), PythonDefaults.profileOrigin(python) + " with gc: threshold0")
                : s.optional(THRESHOLDS, versionDefault, PythonDefaults.profileOrigin(python));
        boolean freeze = s.optional(FREEZE);
        if (freeze && !PythonDefaults.supportsFreeze(python)) {
            throw s.fail("freeze", "gc.freeze() needs Python 3.7+, this policy runs " + python);
        }
        boolean disableEarly = s.optional(DISABLE_EARLY);
        if (disableEarly && !freeze) {
            throw s.fail("disableEarly", "is part of the freeze recipe (gc.disable() early in the master, "
                    + "gc.freeze() before fork, gc.enable() in the worker); set freeze: true too");
        }
        boolean immortalize = s.optional(IMMORTALIZE);
        if (immortalize && !PythonDefaults.supportsImmortalize(python)) {
            throw s.fail("immortalize", "immortal objects need Python 3.12+ (PEP 683), this policy runs " + python);
        }
        PolicySpec.Exit exit = s.optional(EXIT);
        long libraryEnablesGcAfter = s.optional(LIBRARY_ENABLES_GC_AFTER);
        if (libraryEnablesGcAfter > 0 && gc == PolicySpec.Gc.ENABLED) {
            throw s.fail("libraryEnablesGcAfter", "a library calling gc.enable() only matters when the policy turns "
                    + "GC off (gc: disable or threshold0)");
        }
        long explicitCollectEvery = s.optional(EXPLICIT_COLLECT_EVERY, inherited.explicitCollectEvery(),
                "default (workload.explicitCollectEvery)");
        ServerSpec server = s.section(SERVER)
                .map(section -> ServerBinder.bind(section, inherited.manager(), inherited.server(),
                        key -> "default (server." + key + ")", inherited.fresh()))
                .orElse(inherited.server());
        return new PolicySpec(name, python, gc, thresholds, freeze, disableEarly, immortalize, exit,
                libraryEnablesGcAfter, explicitCollectEvery, server);
    }

    private static ValueKind<PolicySpec.Thresholds> thresholdsKind() {
        return new ValueKind<>() {
            @Override
            public String expected() {
                return COUNTS.expected();
            }

            @Override
            public PolicySpec.Thresholds read(Node node, String keyPath) {
                List<Long> values = COUNTS.read(node, keyPath);
                if (values.size() != 3) {
                    throw ScenarioException.at(node.where(), keyPath, "expected " + expected() + ", got "
                            + values.size() + (values.size() == 1 ? " value" : " values"));
                }
                return new PolicySpec.Thresholds(values.get(0), values.get(1), values.get(2));
            }

            @Override
            public String format(PolicySpec.Thresholds t) {
                return "[" + t.young() + ", " + t.middle() + ", " + t.old() + "]";
            }

            @Override
            public Map<String, Object> schema() {
                return UnitSchemas.list(Kinds.COUNT.schema(), 3, 3);
            }
        };
    }
}
