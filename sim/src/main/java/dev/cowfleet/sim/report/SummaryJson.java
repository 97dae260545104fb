package dev.cowfleet.sim.report;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.sim.result.CapacityFigures;
import dev.cowfleet.sim.result.Estimate;
import dev.cowfleet.sim.result.FleetFigures;
import dev.cowfleet.sim.result.HostFigures;
import dev.cowfleet.sim.result.MemoryFigures;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.result.WorkerFigures;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * summary.json: the machine-readable answer whose key names are binding, because other
 * tools read them. A pure function of the result: no timestamps, wall times or paths. Keys appear in
 * the contract's order, policies in scenario order; further keys may be added but never renamed.
 * Each section is built by its own method so that later sections (capacity, fleet) slot in beside them.
 */
public final class SummaryJson {
    public static final String FILE_NAME = "summary.json";

    private SummaryJson() {
    }

    public static String render(RunResult result) {
        ObjectNode root = JsonOutput.object();
        root.put("scenario", result.scenario());
        root.put("question", result.question());
        root.put("seed", result.seed());
        root.put("replications", result.replications());
        root.put("baseline", result.baseline());
        ObjectNode policies = root.putObject("policies");
        for (PolicyResult policy : result.policies()) {
            policies.set(policy.name(), policy(policy));
        }
        FleetFigures fleet = result.policy(result.baseline()).fleet();
        if (fleet != null) {
            // The top-level fleet is today's fleet under the baseline; each policy carries its own too.
            root.set("fleet", fleet(fleet));
        }
        return JsonOutput.text(root);
    }

    private static ObjectNode policy(PolicyResult policy) {
        ObjectNode node = JsonOutput.object();
        node.put("description", policy.description());
        node.set("worker", worker(policy.worker(), policy.copiedPagesBySource()));
        node.set("host", host(policy.host()));
        ObjectNode savings = savings(policy.savingsVsBaselineHostMemoryPercent());
        node.set("savingsVsBaseline", savings);
        if (policy.capacity() != null) {
            node.set("capacity", capacity(policy.capacity()));
            capacitySavings(savings, policy.capacity());
        }
        if (policy.fleet() != null) {
            node.set("fleet", fleet(policy.fleet()));
        }
        if (policy.kills() != null) {
            ObjectNode extra = node.putObject("extra");
            JsonOutput.number(extra, "harakiriKills", policy.kills().harakiriKills());
            JsonOutput.number(extra, "oomKills", policy.kills().oomKills());
        }
        return node;
    }

    private static ObjectNode worker(WorkerFigures worker, Map<CopySource, Double> copiedPages) {
        ObjectNode node = JsonOutput.object();
        JsonOutput.number(node, "sharedAfterForkMiB", worker.sharedAfterForkMiB());
        MemoryFigures privateMiB = worker.privateMiB();
        ObjectNode memory = node.putObject("privateMiB");
        JsonOutput.number(memory, "mean", privateMiB.mean().mean());
        JsonOutput.number(memory, "p95", privateMiB.p95());
        JsonOutput.number(memory, "max", privateMiB.max());
        memory.set("ci95", interval(privateMiB.mean()));
        ObjectNode copied = node.putObject("copiedMiBBySource");
        for (CopySource source : CopySource.values()) {
            // A source absent from the map copied nothing for this policy.
            JsonOutput.number(copied, source.key(), worker.copiedMiBBySource().getOrDefault(source, 0.0));
        }
        JsonOutput.number(node, "fullCollectionsPerLifetime", worker.fullCollectionsPerLifetime());
        JsonOutput.number(node, "requestsPerLifetime", worker.requestsPerLifetime());
        ObjectNode pages = node.putObject("copiedPagesBySource");
        copiedPages.forEach((source, value) -> JsonOutput.number(pages, source.key(), value));
        return node;
    }

    private static ObjectNode host(HostFigures host) {
        ObjectNode node = JsonOutput.object();
        node.put("workers", host.workers());
        MemoryFigures memoryMiB = host.memoryMiB();
        ObjectNode memory = node.putObject("memoryMiB");
        JsonOutput.number(memory, "mean", memoryMiB.mean().mean());
        JsonOutput.number(memory, "p99", memoryMiB.p99());
        JsonOutput.number(memory, "max", memoryMiB.max());
        memory.set("ci95", interval(memoryMiB.mean()));
        JsonOutput.number(memory, "p95", memoryMiB.p95());
        ObjectNode cpu = node.putObject("cpuOverheadPercent");
        JsonOutput.number(cpu, "gc", host.cpuOverheadPercent().gc());
        JsonOutput.number(cpu, "cow", host.cpuOverheadPercent().cow());
        JsonOutput.number(cpu, "shutdown", host.cpuOverheadPercent().shutdown());
        return node;
    }

    private static ObjectNode savings(Estimate hostMemoryPercent) {
        ObjectNode node = JsonOutput.object();
        JsonOutput.number(node, "hostMemoryPercent", hostMemoryPercent.mean());
        node.set("hostMemoryPercentCi95", interval(hostMemoryPercent));
        return node;
    }

    private static ObjectNode capacity(CapacityFigures capacity) {
        ObjectNode node = JsonOutput.object();
        node.put("workersPerHost", capacity.workersPerHost());
        JsonOutput.number(node, "requestsPerSecondPerHost", capacity.requestsPerSecondPerHost());
        JsonOutput.number(node, "hostsNeeded", capacity.hostsNeeded().mean());
        JsonOutput.number(node, "annualCost", capacity.annualCost().mean());
        node.set("hostsNeededCi95", interval(capacity.hostsNeeded()));
        node.set("annualCostCi95", interval(capacity.annualCost()));
        ArrayNode types = node.putArray("byHostType");
        for (CapacityFigures.HostTypePlan plan : capacity.byHostType()) {
            ObjectNode type = types.addObject();
            type.put("hostType", plan.hostType());
            type.put("workersPerHost", plan.workersPerHost());
            JsonOutput.number(type, "requestsPerSecondPerHost", plan.requestsPerSecondPerHost());
            JsonOutput.number(type, "memoryPercentileMiB", plan.memoryPercentileMiB());
            JsonOutput.number(type, "budgetMiB", plan.budgetMiB());
            JsonOutput.number(type, "hostsNeededAlone", plan.hostsNeededAlone());
            JsonOutput.number(type, "hostsNeeded", plan.hostsNeeded());
            JsonOutput.number(type, "annualCost", plan.annualCost());
        }
        ArrayNode warnings = node.putArray("warnings");
        capacity.warnings().forEach(warnings::add);
        return node;
    }

    private static void capacitySavings(ObjectNode savings, CapacityFigures capacity) {
        JsonOutput.number(savings, "hosts", capacity.savingsHosts().mean());
        JsonOutput.number(savings, "annualCost", capacity.savingsAnnualCost().mean());
        JsonOutput.number(savings, "percent", capacity.savingsPercent().mean());
        savings.set("hostsCi95", interval(capacity.savingsHosts()));
        savings.set("annualCostCi95", interval(capacity.savingsAnnualCost()));
        savings.set("percentCi95", interval(capacity.savingsPercent()));
    }

    private static ObjectNode fleet(FleetFigures fleet) {
        ObjectNode node = JsonOutput.object();
        node.put("hosts", fleet.hosts());
        JsonOutput.number(node, "oomKills", fleet.oomKills().mean());
        JsonOutput.number(node, "peakMemoryTiB", fleet.peakMemoryTiB());
        node.set("oomKillsCi95", interval(fleet.oomKills()));
        return node;
    }

    private static ArrayNode interval(Estimate estimate) {
        ArrayNode array = JsonOutput.array();
        JsonOutput.add(array, estimate.ci95Low());
        JsonOutput.add(array, estimate.ci95High());
        return array;
    }

}
