package dev.cowfleet.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A validated scenario with every value resolved to base units (bytes, seconds, counts, fractions 0..1,
 * events per second). Built only by {@link ScenarioLoader}; every value in it is listed with its origin in
 * {@link #effectiveInputs()}. Reading it reads the top-level keys, then each section through its spec's
 * {@code read}, then the checks that span sections (the baseline is a policy). A new top-level section
 * (like {@code fleet}) is one more key and read here.
 *
 * @param name               scenario name, used for the default output folder
 * @param question           the question the scenario answers
 * @param python             the Python version of the fleet, e.g. "3.6" (a policy may run another)
 * @param processManager     uWSGI or Gunicorn
 * @param seed               base random seed
 * @param replications       independent replications per policy
 * @param durationSeconds    simulated time per replication
 * @param sampleEverySeconds metric sampling grid
 * @param server             the scenario's server settings (each policy carries its effective copy)
 * @param deploys            deploys during the run, if any
 * @param baseline           name of the policy savings are measured against
 * @param policies           the policies to compare, in file order
 * @param effectiveInputs    every effective value with its origin, sorted by key path
 * @param fleet              the fleet and capacity-planning inputs, if the scenario plans a fleet
 * @param whatIf             the sweep and tornado the scenario asks {@code cowfleet sweep} for, if any
 */
public record Scenario(String name, String question, String python, ProcessManager processManager, long seed,
                       int replications, double durationSeconds, double sampleEverySeconds, HostSpec host,
                       HeapSpec heap, WorkloadSpec workload, CostSpec costs, ServerSpec server,
                       Optional<DeploySpec> deploys, String baseline, List<PolicySpec> policies,
                       List<EffectiveInput> effectiveInputs, Optional<FleetSpec> fleet,
                       Optional<WhatIfSpec> whatIf) {

    /** Replications beyond this narrow an interval by less than 1% of one replication's: only the wait grows. */
    public static final int MAX_REPLICATIONS = 10_000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final ValueKind<ProcessManager> MANAGER = Kinds.oneOf(List.of(
            Map.entry("uwsgi", ProcessManager.UWSGI),
            Map.entry("gunicorn", ProcessManager.GUNICORN)));

    /** The top-level keys of a scenario file; the order is the one errors list them in. */
    static final Keys KEYS = new Keys();
    private static final Key.Value<String> NAME_KEY = KEYS.derived("name", Kinds.TEXT, "the file name without .yaml",
            "Names the scenario and its output folder output/NAME: letters, digits, '.', '-' and '_'.");
    private static final Key.Value<String> QUESTION = KEYS.required("question", Kinds.QUESTION,
            "The question the scenario answers; the report's headline answers it.");
    private static final Key.Value<String> PYTHON = KEYS.required("python", PythonDefaults.VERSION_KIND,
            "CPython version of the fleet (quote it: \"3.10\" is not 3.1).");
    private static final Key.Value<ProcessManager> PROCESS_MANAGER = KEYS.required("processManager", MANAGER,
            "The prefork server that forks the workers; sets the server defaults.");
    private static final Key.Value<Long> SEED = KEYS.optional("seed", Kinds.WHOLE_NUMBER, 1L,
            "Seed of every random draw: the same seed gives the same results byte for byte.");
    private static final Key.Value<Long> REPLICATIONS = KEYS.optional("replications", Kinds.COUNT, 5L,
            "Independent runs per policy; confidence intervals come from their spread.");
    private static final Key.Value<Double> DURATION = KEYS.optional("duration", Kinds.DURATION, 7200.0,
            "Simulated time of one run.");
    private static final Key.Value<Double> SAMPLE_EVERY = KEYS.optional("sampleEvery", Kinds.DURATION, 60.0,
            "Interval between memory samples of the host (at most duration).");
    private static final Key.Nested HOST = KEYS.section("host", HostSpec.KEYS, true, "One host of the fleet.");
    private static final Key.Nested HEAP = KEYS.section("heap", HeapSpec.KEYS, true,
            "The master's preloaded heap that the workers inherit copy-on-write.");
    private static final Key.Nested WORKLOAD = KEYS.section("workload", WorkloadSpec.KEYS, true,
            "Traffic of one host and what one request does to the inherited heap.");
    private static final Key.Nested COSTS = KEYS.section("costs", CostSpec.KEYS, false,
            "CPU and memory costs of faults, collections and teardown.");
    private static final Key.Nested SERVER = KEYS.section("server", ServerSpec.KEYS, false,
            "Server settings of every policy (recycling, limits); defaults from processManager.");
    private static final Key.Nested DEPLOYS = KEYS.section("deploys", DeploySpec.KEYS, false,
            "When every worker is restarted by a deploy, and in which waves.");
    private static final Key.Value<String> BASELINE = KEYS.required("baseline", Kinds.TEXT,
            "The policy the others are compared against; one of the names under policies.");
    private static final Key.Nested POLICIES = KEYS.named("policies", PolicySpec.KEYS,
            "The GC and server policies to compare, by name; {} is the interpreter's defaults.");
    private static final Key.Nested FLEET = KEYS.section("fleet", FleetSpec.KEYS, false,
            "Fleet capacity planning: host types, peak traffic, growth and money.");
    private static final Key.Nested WHAT_IF = KEYS.section("whatIf", WhatIfSpec.KEYS, false,
            "A sweep: key paths to vary and a tornado of one-at-a-time changes (cowfleet sweep).");

    static Scenario read(Node.Mapping root, Where file, String defaultName) {
        Provenance provenance = new Provenance();
        Section top = new Section(root, "", file, provenance, KEYS);
        String name = top.optional(NAME_KEY, defaultName, "default (file name)");
        // Not "." or "..": the default output folder output/<name> would then be output/ itself or its parent.
        if (!NAME.matcher(name).matches() || name.chars().allMatch(c -> c == '.')) {
            throw top.fail(NAME_KEY, "expected a name of letters, digits, '.', '-' and '_', not only dots (it names "
                    + "the output folder), got '" + name + "'");
        }
        String question = top.required(QUESTION);
        String python = top.required(PYTHON);
        ProcessManager manager = top.required(PROCESS_MANAGER);
        long seed = top.optional(SEED);
        int replications = top.positiveInt(REPLICATIONS, top.optional(REPLICATIONS));
        if (replications > Scenario.MAX_REPLICATIONS) {
            throw top.fail(REPLICATIONS, "expected at most " + Scenario.MAX_REPLICATIONS + ", got " + replications);
        }
        double duration = top.optional(DURATION);
        double sampleEvery = top.optional(SAMPLE_EVERY);
        if (duration <= 0) {
            throw top.fail(DURATION, "expected a duration above 0s like 2h, got 0s");
        }
        if (sampleEvery <= 0 || sampleEvery > duration) {
            throw top.fail(SAMPLE_EVERY, "expected a sampling interval above 0s and at most duration "
                    + Units.formatDuration(duration) + ", got " + Units.formatDuration(sampleEvery));
        }
        // A run keeps every sample in arrays, which Java indexes with an int.
        if (Math.floor(duration / sampleEvery + 1e-9) + 1 > Integer.MAX_VALUE) {
            throw top.fail(SAMPLE_EVERY, String.format(Locale.ROOT, "%.2g samples a run (duration %s / sampleEvery "
                    + "%s) is more than a run can hold (%,d); expected a longer sampling interval",
                    Math.floor(duration / sampleEvery) + 1, Units.formatDuration(duration),
                    Units.formatDuration(sampleEvery), Integer.MAX_VALUE));
        }
        Section hostSection = top.section(HOST)
                .orElseThrow(() -> top.fail(HOST, "missing, expected a section with workers, ram and cores"));
        HostSpec host = HostSpec.read(hostSection);

        Section heapSection = top.section(HEAP)
                .orElseThrow(() -> top.fail(HEAP, "missing, expected a section with measured or composition"));
        HeapSpec heap = HeapSpec.read(heapSection, hostSection, host.ramBytes());
        CostSpec costs = CostSpec.read(top.sectionOrEmpty(COSTS));
        Section workloadSection = top.section(WORKLOAD)
                .orElseThrow(() -> top.fail(WORKLOAD, "missing, expected a section with requestsPerSecond, "
                        + "cpuPerRequest, inheritedObjectsTouched and trackedAllocationsPeak"));
        WorkloadSpec workload = WorkloadSpec.read(workloadSection, heap.contents(), host, hostSection);

        ServerSpec.FreshWorker fresh = new ServerSpec.FreshWorker(
                heap.contents().heapBytes() + costs.workerBaselineBytes(), costs.workerBaselineBytes());
        ServerSpec server = ServerSpec.read(top.sectionOrEmpty(SERVER), manager,
                manager.defaults(), key -> manager.profileOrigin(), fresh);
        Optional<DeploySpec> deploys = DeploySpec.read(top.section(DEPLOYS), duration);

        PolicySpec.Inherited inherited = new PolicySpec.Inherited(python, manager, server, fresh,
                workload.explicitCollectEvery());
        Map<String, Section> policySections = top.namedSections(POLICIES);
        if (policySections.isEmpty()) {
            throw top.fail(POLICIES, "expected at least one policy like default: {}");
        }
        List<PolicySpec> policies = new ArrayList<>();
        policySections.forEach((policyName, section) -> policies.add(PolicySpec.read(policyName, section, inherited)));
        Optional<FleetSpec> fleet = FleetSpec.read(top.section(FLEET), duration);
        String baseline = top.required(BASELINE);
        if (!policySections.containsKey(baseline)) {
            throw top.fail(BASELINE, "'" + baseline + "' is not one of the policies ("
                    + String.join(", ", policySections.keySet()) + ")"
                    + Suggestions.didYouMean(baseline, policySections.keySet()));
        }
        return new Scenario(name, question, python, manager, seed, replications, duration, sampleEvery, host, heap,
                workload, costs, server, deploys, baseline, policies, provenance.sorted(), fleet,
                WhatIfSpec.read(root, provenance, WHAT_IF));
    }

    public Scenario {
        policies = List.copyOf(policies);
        effectiveInputs = List.copyOf(effectiveInputs);
    }

    public PolicySpec policy(String policyName) {
        return policies.stream().filter(p -> p.name().equals(policyName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no policy '" + policyName + "' in scenario " + name));
    }

    public PolicySpec baselinePolicy() {
        return policy(baseline);
    }
}
