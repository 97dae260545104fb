package dev.cowfleet.sim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds a whole scenario tree: the top-level keys and host, then each section through its binder, then the
 * checks that span sections (the heap fits the host, the host can carry the traffic, the baseline is a
 * policy). A new top-level section (like {@code fleet}) is one more key and binder here.
 */
final class ScenarioBinder {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final ValueKind<ProcessManager> MANAGER = Kinds.oneOf(List.of(
            Map.entry("uwsgi", ProcessManager.UWSGI),
            Map.entry("gunicorn", ProcessManager.GUNICORN)));
    private static final ValueKind<Long> WORKERS_KIND = Kinds.scalar("a worker count like 70", ScenarioBinder::workers,
            String::valueOf, UnitSchemas.COUNT);

    /** The top-level keys of a scenario file; the order is the one errors list them in. */
    static final Keys KEYS = new Keys();
    private static final KeyDef<String> NAME_KEY = KEYS.derived("name", Kinds.TEXT, "the file name without .yaml",
            "Names the scenario and its output folder output/NAME: letters, digits, '.', '-' and '_'.");
    private static final KeyDef<String> QUESTION = KEYS.required("question", Kinds.QUESTION,
            "The question the scenario answers; the report's headline answers it.");
    private static final KeyDef<String> PYTHON = KEYS.required("python", PythonDefaults.VERSION_KIND,
            "CPython version of the fleet (quote it: \"3.10\" is not 3.1).");
    private static final KeyDef<ProcessManager> PROCESS_MANAGER = KEYS.required("processManager", MANAGER,
            "The prefork server that forks the workers; sets the server defaults.");
    private static final KeyDef<Long> SEED = KEYS.optional("seed", Kinds.WHOLE_NUMBER, 1L,
            "Seed of every random draw: the same seed gives the same results byte for byte.");
    private static final KeyDef<Long> REPLICATIONS = KEYS.optional("replications", Kinds.COUNT, 5L,
            "Independent runs per policy; confidence intervals come from their spread.");
    private static final KeyDef<Double> DURATION = KEYS.optional("duration", Kinds.DURATION, 7200.0,
            "Simulated time of one run.");
    private static final KeyDef<Double> SAMPLE_EVERY = KEYS.optional("sampleEvery", Kinds.DURATION, 60.0,
            "Interval between memory samples of the host (at most duration).");
    private static final Keys HOST_KEYS = new Keys();
    private static final KeyDef<Long> WORKERS = HOST_KEYS.required("workers", WORKERS_KIND,
            "Worker processes forked per host.");
    private static final KeyDef<Long> RAM = HOST_KEYS.required("ram", Kinds.SIZE, "Physical memory of the host.");
    private static final KeyDef<Long> CORES = HOST_KEYS.required("cores", Kinds.COUNT, "CPU cores of the host.");
    private static final KeyDef<Boolean> THP = HOST_KEYS.optional("transparentHugePages", Kinds.BOOLEAN, false,
            "Whether the heap sits in 2 MiB transparent huge pages, so one write copies a whole huge page.");
    private static final SectionKey HOST = KEYS.section("host", HOST_KEYS, true, "One host of the fleet.");
    private static final SectionKey HEAP = KEYS.section("heap", HeapBinder.KEYS, true,
            "The master's preloaded heap that the workers inherit copy-on-write.");
    private static final SectionKey WORKLOAD = KEYS.section("workload", WorkloadBinder.KEYS, true,
            "Traffic of one host and what one request does to the inherited heap.");
    private static final SectionKey COSTS = KEYS.section("costs", CostBinder.KEYS, false,
            "CPU and memory costs of faults, collections and teardown.");
    private static final SectionKey SERVER = KEYS.section("server", ServerBinder.KEYS, false,
            "Server settings of every policy (recycling, limits); defaults from processManager.");
    private static final SectionKey DEPLOYS = KEYS.section("deploys", DeployBinder.KEYS, false,
            "When every worker is restarted by a deploy, and in which waves.");
    private static final KeyDef<String> BASELINE = KEYS.required("baseline", Kinds.TEXT,
            "The policy the others are compared against; one of the names under policies.");
    private static final SectionKey POLICIES = KEYS.named("policies", PolicyBinder.KEYS,
            "The GC and server policies to compare, by name; {} is the interpreter's defaults.");
    private static final SectionKey FLEET = KEYS.section("fleet", FleetBinder.KEYS, false,
            "Fleet capacity planning: host types, peak traffic, growth and money.");
    private static final SectionKey WHAT_IF = KEYS.section("whatIf", WhatIfBinder.KEYS, false,
            "A sweep: key paths to vary and a tornado of one-at-a-time changes (cowfleet sweep).");

    private ScenarioBinder() {
    }

    static Scenario bind(MapNode root, Where file, String defaultName) {
        Provenance provenance = new Provenance();
        Section top = new Section(root, "", file, provenance, KEYS);
        String name = top.optional(NAME_KEY, defaultName, "default (file name)");
        // Not "." or "..": the default output folder output/<name> would then be output/ itself or its parent.
        if (!NAME.matcher(name).matches() || name.chars().allMatch(c -> c == '.')) {
            throw top.fail("name", "expected a name of letters, digits, '.', '-' and '_', not only dots (it names "
                    + "the output folder), got '" + name + "'");
        }
        String question = top.required(QUESTION);
        String python = top.required(PYTHON);
        ProcessManager manager = top.required(PROCESS_MANAGER);
        long seed = top.optional(SEED);
        int replications = positiveInt(top, "replications", top.optional(REPLICATIONS));
        if (replications > Scenario.MAX_REPLICATIONS) {
            throw top.fail("replications", "expected at most " + Scenario.MAX_REPLICATIONS + ", got " + replications);
        }
        double duration = top.optional(DURATION);
        double sampleEvery = top.optional(SAMPLE_EVERY);
        if (duration <= 0) {
            throw top.fail("duration", "expected a duration above 0s like 2h, got 0s");
        }
        if (sampleEvery <= 0 || sampleEvery > duration) {
            throw top.fail("sampleEvery", "expected a sampling interval above 0s and at most duration "
                    + Units.formatDuration(duration) + ", got " + Units.formatDuration(sampleEvery));
        }
        // A run keeps every sample in arrays, which Java indexes with an int.
        if (Math.floor(duration / sampleEvery + 1e-9) + 1 > Integer.MAX_VALUE) {
            throw top.fail("sampleEvery", String.format(Locale.ROOT, "%.2g samples a run (duration %s / sampleEvery "
                    + "%s) is more than a run can hold (%,d); expected a longer sampling interval",
                    Math.floor(duration / sampleEvery) + 1, Units.formatDuration(duration),
                    Units.formatDuration(sampleEvery), Integer.MAX_VALUE));
        }
        Section hostSection = top.section(HOST)
                .orElseThrow(() -> top.fail("host", "missing, expected a section with workers, ram and cores"));
        HostSpec host = host(hostSection);

        Section heapSection = top.section(HEAP)
                .orElseThrow(() -> top.fail("heap", "missing, expected a section with measured or composition"));
        HeapSpec heap = HeapBinder.bind(heapSection, hostSection, host.ramBytes());
        CostSpec costs = CostBinder.bind(top.sectionOrEmpty(COSTS));
        Section workloadSection = top.section(WORKLOAD)
                .orElseThrow(() -> top.fail("workload", "missing, expected a section with requestsPerSecond, "
                        + "cpuPerRequest, inheritedObjectsTouched and trackedAllocationsPeak"));
        WorkloadSpec workload = WorkloadBinder.bind(workloadSection, heap.contents());
        checkCapacity(workloadSection, hostSection, workload, host);

        ServerBinder.FreshWorker fresh = new ServerBinder.FreshWorker(
                heap.contents().heapBytes() + costs.workerBaselineBytes(), costs.workerBaselineBytes());
        ServerSpec server = ServerBinder.bind(top.sectionOrEmpty(SERVER), manager,
                manager.defaults(), key -> manager.profileOrigin(), fresh);
        Optional<DeploySpec> deploys = DeployBinder.bind(top.section(DEPLOYS), duration);

        PolicyBinder.Inherited inherited = new PolicyBinder.Inherited(python, manager, server, fresh,
                workload.explicitCollectEvery());
        Map<String, Section> policySections = top.namedSections(POLICIES);
        if (policySections.isEmpty()) {
            throw top.fail("policies", "expected at least one policy like default: {}");
        }
        List<PolicySpec> policies = new ArrayList<>();
        policySections.forEach((policyName, section) -> policies.add(PolicyBinder.bind(policyName, section, inherited)));
        Optional<FleetSpec> fleet = FleetBinder.bind(top.section(FLEET), duration);
        String baseline = top.required(BASELINE);
        if (!policySections.containsKey(baseline)) {
            throw top.fail("baseline", "'" + baseline + "' is not one of the policies ("
                    + String.join(", ", policySections.keySet()) + ")"
                    + Suggestions.didYouMean(baseline, policySections.keySet()));
        }
        return new Scenario(name, question, python, manager, seed, replications, duration, sampleEvery, host, heap,
                workload, costs, server, deploys, baseline, policies, provenance.sorted(), fleet,
                WhatIfBinder.bind(root, provenance, WHAT_IF));
    }

    private static HostSpec host(Section s) {
        int workers = positiveInt(s, "workers", s.required(WORKERS));
        long ram = s.required(RAM);
        if (ram == 0) {
            throw s.fail("ram", "expected a size above 0B like 64GiB, got 0B");
        }
        int cores = positiveInt(s, "cores", s.required(CORES));
        boolean thp = s.optional(THP);
        return new HostSpec(workers, ram, cores, thp);
    }

    /**
     * Each worker serves one request at a time on one core, so the peak traffic's CPU demand must fit in both;
     * otherwise the queue grows without bound and no memory figure means anything.
     */
    private static void checkCapacity(Section workload, Section hostSection, WorkloadSpec w, HostSpec host) {
        double busy = w.requestsPerSecond() * w.cpuPerRequestSeconds();
        int limit = Math.min(host.workers(), host.cores());
        if (busy > limit) {
            String bound = host.workers() <= host.cores() ? "host.workers " + host.workers() : "host.cores " + host.cores();
            String bindingKey = host.workers() <= host.cores() ? "workers" : "cores";
            throw workload.failTogether("requestsPerSecond", Units.formatRate(w.requestsPerSecond())
                    + " x cpuPerRequest " + Units.formatDuration(w.cpuPerRequestSeconds()) + " keeps "
                    + Units.formatNumber(busy) + " workers busy on " + bound + ": the host cannot carry this traffic",
                    workload.key("cpuPerRequest"), hostSection.key(bindingKey));
        }
    }

    private static long workers(String text) {
        if (text.trim().equals("auto")) {
            throw new ScenarioException("expected a worker count like 70, got 'auto' (to size workers to the RAM, "
                    + "set fleet.workersPerHost: auto and run cowfleet plan)");
        }
        try {
            return Units.count(text);
        } catch (ScenarioException e) {
            throw new ScenarioException("expected a worker count like 70, got '" + text + "'");
        }
    }

    private static int positiveInt(Section s, String key, long value) {
        if (value < 1 || value > Integer.MAX_VALUE) {
            throw s.fail(key, "expected at least 1, got " + value);
        }
        return (int) value;
    }
}
