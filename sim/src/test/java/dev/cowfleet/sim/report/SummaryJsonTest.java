package dev.cowfleet.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.result.Estimate;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SummaryJsonTest {
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void hasEveryBindingKeyWithTheResultsValues() {
        JsonNode root = mapper.readTree(SummaryJson.render(Fixtures.run()));

        assertEquals("instagram-2017", root.get("scenario").asString());
        assertEquals(2017, root.get("seed").asLong());
        assertEquals(5, root.get("replications").asInt());
        assertEquals("default", root.get("baseline").asString());

        JsonNode worker = root.at("/policies/default/worker");
        assertEquals(240.0, worker.get("sharedAfterForkMiB").asDouble());
        // 201.23456 + 20 rounds to three decimals.
        assertEquals(221.235, worker.at("/privateMiB/mean").asDouble());
        assertEquals(243.358, worker.at("/privateMiB/p95").asDouble());
        assertEquals(265.481, worker.at("/privateMiB/max").asDouble());
        assertEquals(218.735, worker.at("/privateMiB/ci95/0").asDouble());
        assertEquals(223.735, worker.at("/privateMiB/ci95/1").asDouble());
        assertEquals(2, worker.at("/privateMiB/ci95").size());
        assertEquals(List.of("refcount", "gc", "allocator", "mutation", "shutdown"),
                names(worker.get("copiedMiBBySource")));
        assertEquals(150.0, worker.at("/copiedMiBBySource/gc").asDouble());
        assertEquals(180.0, worker.at("/copiedMiBBySource/shutdown").asDouble());
        assertEquals(12.0, worker.get("fullCollectionsPerLifetime").asDouble());
        assertEquals(50_000, worker.get("requestsPerLifetime").asDouble());

        JsonNode host = root.at("/policies/threshold0-exit/host");
        assertEquals(70, host.get("workers").asInt());
        double hostMean = 250 + 70 * (201.23456 * 0.3 + 20);
        assertEquals(Math.round(hostMean * 1000) / 1000.0, host.at("/memoryMiB/mean").asDouble());
        assertEquals(Math.round(hostMean * 1.08 * 1000) / 1000.0, host.at("/memoryMiB/p99").asDouble());
        assertEquals(Math.round(hostMean * 1.1 * 1000) / 1000.0, host.at("/memoryMiB/max").asDouble());
        assertEquals(0.75, host.at("/cpuOverheadPercent/gc").asDouble());
        assertEquals(0.22, host.at("/cpuOverheadPercent/cow").asDouble());
        assertEquals(0.0, host.at("/cpuOverheadPercent/shutdown").asDouble());
        assertEquals(0.0, root.at("/policies/threshold0-exit/worker/copiedMiBBySource/shutdown").asDouble());

        assertEquals(38.5, root.at("/policies/threshold0/savingsVsBaseline/hostMemoryPercent").asDouble());
        assertEquals(0.0, root.at("/policies/default/savingsVsBaseline/hostMemoryPercent").asDouble());
    }

    @Test
    void keysFollowTheContractOrderAndPoliciesTheScenarioOrder() {
        JsonNode root = mapper.readTree(SummaryJson.render(Fixtures.run()));
        List<String> top = names(root);
        assertEquals(List.of("scenario", "seed", "replications", "baseline", "policies"),
                top.stream().filter(List.of("scenario", "seed", "replications", "baseline", "policies")::contains)
                        .toList());
        assertEquals(List.of("default", "threshold0", "threshold0-exit"), names(root.get("policies")));
        assertTrue(names(root.at("/policies/default")).containsAll(List.of("worker", "host", "savingsVsBaseline")));
    }

    @Test
    void isAPureFunctionOfTheResult() {
        String first = SummaryJson.render(Fixtures.run());
        assertEquals(first, SummaryJson.render(Fixtures.run()));
        assertFalse(first.contains("wall"), first);
        assertFalse(first.contains("/"), "no paths: " + first);
    }

    @Test
    void writesNonFiniteFiguresAsNullNotAsInvalidJson() {
        RunResult run = Fixtures.run();
        List<PolicyResult> policies = new ArrayList<>(run.policies());
        PolicyResult p = policies.get(1);
        policies.set(1, new PolicyResult(p.name(), p.description(), p.worker(), p.host(), p.copiedPagesBySource(),
                p.hostMemoryOverTime(), p.workerLifetime(), p.deployWindow(),
                new Estimate(Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY), p.kills()));
        RunResult broken = new RunResult(run.scenario(), run.question(), run.seed(), run.replications(),
                run.baseline(), policies, run.inputs());

        JsonNode savings = mapper.readTree(SummaryJson.render(broken)).at("/policies/threshold0/savingsVsBaseline");
        assertTrue(savings.get("hostMemoryPercent").isNull());
        assertTrue(savings.at("/hostMemoryPercentCi95/0").isNull());
    }

    @Test
    void writesLargeAndWholeNumbersInPlainNotation() {
        String json = SummaryJson.render(Fixtures.run());
        assertFalse(json.matches("(?s).*\\d[eE][+-]?\\d.*"), "no exponent notation: " + json);
        assertTrue(json.contains("\"sharedAfterForkMiB\" : 240,"), json);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.propertyNames().iterator();
        it.forEachRemaining(names::add);
        return names;
    }
}
