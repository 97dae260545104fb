package dev.cowfleet.sim.scenario;

import java.util.List;
import java.util.Map;

/**
 * Binds one policy of the {@code policies} section. Its defaults come from the scenario: the Python
 * version, that version's thresholds, the workload's explicit collections and the scenario's server section.
 */
final class PolicyBinder {

    static final List<String> KEYS = List.of("gc", "thresholds", "freeze", "disableEarly", "immortalize", "exit",
            "libraryEnablesGcAfter", "explicitCollectEvery", "python", "server");

    private static final ValueKind<PolicySpec.Gc> GC = Kinds.oneOf(List.of(
            Map.entry("enabled", PolicySpec.Gc.ENABLED),
            Map.entry("disable", PolicySpec.Gc.DISABLE),
            Map.entry("threshold0", PolicySpec.Gc.THRESHOLD0)));
    private static final ValueKind<PolicySpec.Exit> EXIT = Kinds.oneOf(List.of(
            Map.entry("normal", PolicySpec.Exit.NORMAL),
            Map.entry("os._exit", PolicySpec.Exit.OS_EXIT)));
    private static final ValueKind<List<Long>> COUNTS = Kinds.listOf(Kinds.C_INT_COUNT, "three thresholds like [700, 10, 10]");
    private static final ValueKind<PolicySpec.Thresholds> THRESHOLDS = thresholdsKind();

    /** What a policy inherits from the rest of the scenario. */
    record Inherited(String python, ProcessManager manager, ServerSpec server, ServerBinder.FreshWorker fresh,
                     long explicitCollectEvery) {
    }

    private PolicyBinder() {
    }

    static PolicySpec bind(String name, Section s, Inherited inherited) {
        String python = s.optional("python", PythonDefaults.VERSION_KIND, inherited.python(), "default (python)");
        PolicySpec.Gc gc = s.optional("gc", GC, PolicySpec.Gc.ENABLED, "default");
        if (gc == PolicySpec.Gc.THRESHOLD0 && s.has("thresholds")) {
            throw s.fail("thresholds", "gc: threshold0 already sets the thresholds (gc.set_threshold(0)); "
                    + "give either gc: threshold0 or thresholds");
        }
        PolicySpec.Thresholds versionDefault = PythonDefaults.defaultThresholds(python);
        PolicySpec.Thresholds thresholds = gc == PolicySpec.Gc.THRESHOLD0
                ? s.optional("thresholds", THRESHOLDS, new PolicySpec.Thresholds(0, versionDefault.middle(),
                        versionDefault.old()), PythonDefaults.profileOrigin(python) + " with gc: threshold0")
                : s.optional("thresholds", THRESHOLDS, versionDefault, PythonDefaults.profileOrigin(python));
        boolean freeze = s.optional("freeze", Kinds.BOOLEAN, false, "default");
        if (freeze && !PythonDefaults.supportsFreeze(python)) {
            throw s.fail("freeze", "gc.freeze() needs Python 3.7+, this policy runs " + python);
        }
        boolean disableEarly = s.optional("disableEarly", Kinds.BOOLEAN, false, "default");
        if (disableEarly && !freeze) {
            throw s.fail("disableEarly", "is part of the freeze recipe (gc.disable() early in the master, "
                    + "gc.freeze() before fork, gc.enable() in the worker); set freeze: true too");
        }
        boolean immortalize = s.optional("immortalize", Kinds.BOOLEAN, false, "default");
        if (immortalize && !PythonDefaults.supportsImmortalize(python)) {
            throw s.fail("immortalize", "immortal objects need Python 3.12+ (PEP 683), this policy runs " + python);
        }
        PolicySpec.Exit exit = s.optional("exit", EXIT, PolicySpec.Exit.NORMAL, "default");
        long libraryEnablesGcAfter = s.optional("libraryEnablesGcAfter", Kinds.COUNT, 0L, "default");
        if (libraryEnablesGcAfter > 0 && gc == PolicySpec.Gc.ENABLED) {
            throw s.fail("libraryEnablesGcAfter", "a library calling gc.enable() only matters when the policy turns "
                    + "GC off (gc: disable or threshold0)");
        }
        long explicitCollectEvery = s.optional("explicitCollectEvery", Kinds.COUNT, inherited.explicitCollectEvery(),
                "default (workload.explicitCollectEvery)");
        ServerSpec server = s.section("server", ServerBinder.KEYS)
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
        };
    }
}
