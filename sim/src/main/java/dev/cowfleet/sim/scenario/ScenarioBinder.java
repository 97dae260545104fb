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
 * policy). A new top-level section (issue 5's {@code fleet}, {@code whatIf}) is one more key and binder here.
 */
final class ScenarioBinder {

    static final List<String> KEYS = List.of("name", "question", "python", "processManager", "seed", "replications",
            "duration", "sampleEvery", "host", "heap", "workload", "costs", "server", "deploys", "baseline",
            "policies", "fleet", "whatIf");
    private static final List<String> HOST_KEYS = List.of("workers", "ram", "cores", "transparentHugePages");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final ValueKind<ProcessManager> MANAGER = Kinds.oneOf(List.of(
            Map.entry("uwsgi", ProcessManager.UWSGI),
            Map.entry("gunicorn", ProcessManager.GUNICORN)));
    private static final ValueKind<Long> WORKERS = Kinds.scalar("a worker count like 70", ScenarioBinder::workers,
            String::valueOf);

    private ScenarioBinder() {
    }

    static Scenario bind(MapNode root, Where file, String defaultName) {
        Provenance provenance = new Provenance();
        Section top = new Section(root, "", file, provenance, KEYS);
        String name = top.optional("name", Kinds.TEXT, defaultName, "default (file name)");
        // Not "." or "..": the default output folder output/<name> would then be output/ itself or its parent.
        if (!NAME.matcher(name).matches() || name.chars().allMatch(c -> c == '.')) {
            throw top.fail("name", "expected a name of letters, digits, '.', '-' and '_', not only dots (it names "
                    + "the output folder), got '" + name + "'");
        }
        String question = top.required("question", Kinds.QUESTION);
        String python = top.required("python", PythonDefaults.VERSION_KIND);
        ProcessManager manager = top.required("processManager", MANAGER);
        long seed = top.optional("seed", Kinds.WHOLE_NUMBER, 1L, "default");
        int replications = positiveInt(top, "replications", top.optional("replications", Kinds.COUNT, 5L, "default"));
        if (replications > Scenario.MAX_REPLICATIONS) {
            throw top.fail("replications", "expected at most " + Scenario.MAX_REPLICATIONS + ", got " + replications);
        }
        double duration = top.optional("duration", Kinds.DURATION, 7200.0, "default");
        double sampleEvery = top.optional("sampleEvery", Kinds.DURATION, 60.0, "default");
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
        Section hostSection = top.section("host", HOST_KEYS)
                .orElseThrow(() -> top.fail("host", "missing, expected a section with workers, ram and cores"));
        HostSpec host = host(hostSection);

        Section heapSection = top.section("heap", HeapBinder.KEYS)
                .orElseThrow(() -> top.fail("heap", "missing, expected a section with measured or composition"));
        HeapSpec heap = HeapBinder.bind(heapSection, hostSection, host.ramBytes());
        CostSpec costs = CostBinder.bind(top.sectionOrEmpty("costs", CostBinder.KEYS));
        Section workloadSection = top.section("workload", WorkloadBinder.KEYS)
                .orElseThrow(() -> top.fail("workload", "missing, expected a section with requestsPerSecond, "
                        + "cpuPerRequest, inheritedObjectsTouched and trackedAllocationsPeak"));
        WorkloadSpec workload = WorkloadBinder.bind(workloadSection, heap.contents());
        checkCapacity(workloadSection, hostSection, workload, host);

        ServerBinder.FreshWorker fresh = new ServerBinder.FreshWorker(
                heap.contents().heapBytes() + costs.workerBaselineBytes(), costs.workerBaselineBytes());
        ServerSpec server = ServerBinder.bind(top.sectionOrEmpty("server", ServerBinder.KEYS), manager,
                manager.defaults(), key -> manager.profileOrigin(), fresh);
        Optional<DeploySpec> deploys = DeployBinder.bind(top.section("deploys", DeployBinder.KEYS), duration);

        PolicyBinder.Inherited inherited = new PolicyBinder.Inherited(python, manager, server, fresh,
                workload.explicitCollectEvery());
        Map<String, Section> policySections = top.namedSections("policies", PolicyBinder.KEYS);
        if (policySections.isEmpty()) {
            throw top.fail("policies", "expected at least one policy like default: {}");
        }
        List<PolicySpec> policies = new ArrayList<>();
        policySections.forEach((policyName, section) -> policies.add(PolicyBinder.bind(policyName, section, inherited)));
        Optional<FleetSpec> fleet = FleetBinder.bind(top.section("fleet", FleetBinder.KEYS), duration);
        String baseline = top.required("baseline", Kinds.TEXT);
        if (!policySections.containsKey(baseline)) {
            throw top.fail("baseline", "'" + baseline + "' is not one of the policies ("
                    + String.join(", ", policySections.keySet()) + ")"
                    + Suggestions.didYouMean(baseline, policySections.keySet()));
        }
        return new Scenario(name, question, python, manager, seed, replications, duration, sampleEvery, host, heap,
                workload, costs, server, deploys, baseline, policies, provenance.sorted(), fleet,
                WhatIfBinder.bind(root, provenance));
    }

    private static HostSpec host(Section s) {
        int workers = positiveInt(s, "workers", s.required("workers", WORKERS));
        long ram = s.required("ram", Kinds.SIZE);
        if (ram == 0) {
            throw s.fail("ram", "expected a size above 0B like 64GiB, got 0B");
        }
        int cores = positiveInt(s, "cores", s.required("cores", Kinds.COUNT));
        boolean thp = s.optional("transparentHugePages", Kinds.BOOLEAN, false, "default");
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
            throw new ScenarioException("expected a worker count like 70, got 'auto' (sizing workers to the RAM "
                    + "needs a fleet section, which this version does not support yet)");
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
