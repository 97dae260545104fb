package dev.cowfleet.sim.scenario;

import dev.cowfleet.models.runtime.ExitMode;
import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.models.runtime.GcPolicy;
import dev.cowfleet.models.runtime.GcThresholds;
import dev.cowfleet.models.runtime.InterpreterProfile;
import dev.cowfleet.models.runtime.PolicyRuleException;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Binds one policy of the {@code policies} section. Its defaults come from the scenario: the Python
 * version, that version's thresholds, the workload's explicit collections and the scenario's server section.
 * The policy's rules are the model's ({@link GcPolicy#checkSupportedBy}); this binder only points them at
 * the file and line of the key at fault.
 */
final class PolicyBinder {

    static final List<String> KEYS = List.of("gc", "thresholds", "freeze", "disableEarly", "immortalize", "exit",
            "libraryEnablesGcAfter", "explicitCollectEvery", "python", "server");

    private static final ValueKind<GcMode> GC = Kinds.oneOf(Arrays.stream(GcMode.values())
            .map(m -> Map.entry(m.scenarioName(), m)).toList());
    private static final ValueKind<ExitMode> EXIT = Kinds.oneOf(Arrays.stream(ExitMode.values())
            .map(m -> Map.entry(m.scenarioName(), m)).toList());
    private static final ValueKind<List<Long>> COUNTS = Kinds.listOf(Kinds.C_INT_COUNT, "three thresholds like [700, 10, 10]");
    private static final ValueKind<GcThresholds> THRESHOLDS = thresholdsKind();

    /** What a policy inherits from the rest of the scenario. */
    record Inherited(String python, ProcessManager manager, ServerSpec server, ServerBinder.FreshWorker fresh,
                     long explicitCollectEvery) {
    }

    private PolicyBinder() {
    }

    static PolicySpec bind(String name, Section s, Inherited inherited) {
        String python = s.optional("python", PythonDefaults.VERSION_KIND, inherited.python(), "default (python)");
        GcMode gc = s.optional("gc", GC, GcMode.ENABLED, "default");
        if (gc == GcMode.THRESHOLD0 && s.has("thresholds")) {
            throw s.fail("thresholds", "gc: threshold0 already sets the thresholds (gc.set_threshold(0)); "
                    + "give either gc: threshold0 or thresholds");
        }
        InterpreterProfile profile = PythonDefaults.profile(python);
        GcThresholds versionDefault = profile.defaultThresholds();
        GcThresholds thresholds = gc == GcMode.THRESHOLD0
                ? s.optional("thresholds", THRESHOLDS, new GcThresholds(0, versionDefault.middle(),
                        versionDefault.old()), PythonDefaults.profileOrigin(python) + " with gc: threshold0")
                : s.optional("thresholds", THRESHOLDS, versionDefault, PythonDefaults.profileOrigin(python));
        GcPolicy policy = GcPolicy.named(name)
                .mode(gc)
                .thresholds(thresholds.equals(versionDefault) ? null : thresholds) // the version's own are no custom setting
                .freeze(s.optional("freeze", Kinds.BOOLEAN, false, "default"))
                .disableEarlyInMaster(s.optional("disableEarly", Kinds.BOOLEAN, false, "default"))
                .immortalize(s.optional("immortalize", Kinds.BOOLEAN, false, "default"))
                .exit(s.optional("exit", EXIT, ExitMode.NORMAL, "default"))
                .libraryEnablesGcAfterRequests(s.optional("libraryEnablesGcAfter", Kinds.COUNT, 0L, "default"))
                .explicitCollectEveryRequests(s.optional("explicitCollectEvery", Kinds.COUNT,
                        inherited.explicitCollectEvery(), "default (workload.explicitCollectEvery)"))
                .build();
        try {
            policy.checkSupportedBy(profile);
        } catch (PolicyRuleException e) {
            throw s.fail(e.key(), e.reason());
        }
        ServerSpec server = s.section("server", ServerBinder.KEYS)
                .map(section -> ServerBinder.bind(section, inherited.manager(), inherited.server(),
                        key -> "default (server." + key + ")", inherited.fresh()))
                .orElse(inherited.server());
        return new PolicySpec(name, python, policy, server);
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
        };
    }
}
