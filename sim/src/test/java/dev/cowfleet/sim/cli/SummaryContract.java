package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The binding summary.json keys; other tools read them, so a rename must fail a test. */
final class SummaryContract {
    private static final List<String> SOURCES = List.of("refcount", "gc", "allocator", "mutation", "shutdown");

    private SummaryContract() {
    }

    static void check(JsonNode summary, String scenario, long seed, int replications) {
        assertEquals(scenario, summary.get("scenario").asString());
        assertTrue(summary.get("seed").isIntegralNumber(), "seed is an int");
        assertEquals(seed, summary.get("seed").asLong());
        assertEquals(replications, summary.get("replications").asInt());
        assertTrue(summary.get("baseline").isString(), "baseline is a string");
        for (Map.Entry<String, JsonNode> policy : summary.get("policies").properties()) {
            String at = "policies." + policy.getKey();
            JsonNode worker = policy.getValue().get("worker");
            number(worker, at + ".worker", "sharedAfterForkMiB");
            for (String key : List.of("mean", "p95", "max")) {
                number(worker.get("privateMiB"), at + ".worker.privateMiB", key);
            }
            JsonNode ci = worker.get("privateMiB").get("ci95");
            assertTrue(ci.isArray() && ci.size() == 2 && ci.get(0).isNumber() && ci.get(1).isNumber(),
                    at + ".worker.privateMiB.ci95 is [lo, hi]: " + ci);
            assertTrue(ci.get(0).asDouble() <= ci.get(1).asDouble(), at + ".worker.privateMiB.ci95 lo <= hi");
            for (String source : SOURCES) {
                number(worker.get("copiedMiBBySource"), at + ".worker.copiedMiBBySource", source);
            }
            number(worker, at + ".worker", "fullCollectionsPerLifetime");
            number(worker, at + ".worker", "requestsPerLifetime");
            JsonNode host = policy.getValue().get("host");
            assertTrue(host.get("workers").isIntegralNumber(), at + ".host.workers is an int");
            for (String key : List.of("mean", "p99", "max")) {
                number(host.get("memoryMiB"), at + ".host.memoryMiB", key);
            }
            for (String key : List.of("gc", "cow", "shutdown")) {
                number(host.get("cpuOverheadPercent"), at + ".host.cpuOverheadPercent", key);
            }
            number(policy.getValue().get("savingsVsBaseline"), at + ".savingsVsBaseline", "hostMemoryPercent");
        }
    }

    private static void number(JsonNode parent, String at, String key) {
        assertTrue(parent != null && parent.get(key) != null && parent.get(key).isNumber(),
                () -> at + "." + key + " must be a number, got " + (parent == null ? "no section" : parent.get(key)));
    }
}
