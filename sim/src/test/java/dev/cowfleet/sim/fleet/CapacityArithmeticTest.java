package dev.cowfleet.sim.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.result.CapacityFigures;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.scenario.FleetSpec;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The capacity table adds up end to end: next year's peak (1.2M/s grown 30%) is split over the host types
 * in proportion to today's capacity (count x requests/s per host), each type needs ceil(its share / its
 * requests per host) hosts in each replication, and the fleet's hosts and cost are the sums over types.
 */
class CapacityArithmeticTest {
    private static final double HOURS_PER_YEAR = 24 * 365;

    private static FleetSpec fleet;
    private static RunResult result;

    @BeforeAll
    static void planOnce() {
        fleet = SmallPlan.source().load().fleet().orElseThrow();
        result = SmallPlan.plan();
    }

    @Test
    void eachTypeCarriesItsShareOfTheGrownPeak() {
        double grownPeak = 1.2e6 * 1.3;
        for (PolicyResult policy : result.policies()) {
            List<CapacityFigures.HostTypePlan> types = policy.capacity().byHostType();
            double capacityToday = 0;
            for (int t = 0; t < types.size(); t++) {
                capacityToday += fleet.hostTypes().get(t).count() * types.get(t).requestsPerSecondPerHost();
            }
            for (int t = 0; t < types.size(); t++) {
                CapacityFigures.HostTypePlan type = types.get(t);
                FleetSpec.HostTypeSpec spec = fleet.hostTypes().get(t);
                double share = spec.count() * type.requestsPerSecondPerHost() / capacityToday;
                // a mean over the two replications of whole hosts, each the ceiling of that replication's share
                assertEquals(0.0, 2 * type.hostsNeeded() % 1, policy.name() + " on " + type.hostType() + " whole");
                assertEquals(grownPeak * share / type.requestsPerSecondPerHost(), type.hostsNeeded(), 1.0,
                        policy.name() + " on " + type.hostType());
                assertEquals(Math.ceil(grownPeak / type.requestsPerSecondPerHost()), type.hostsNeededAlone(),
                        policy.name() + " on " + type.hostType() + " alone");
                assertEquals(type.hostsNeeded() * spec.costPerHour() * HOURS_PER_YEAR, type.annualCost(), 1e-6,
                        policy.name() + " on " + type.hostType() + " annual cost");
            }
        }
    }

    /**
     * The fleet figures are means over replications of per-replication sums over types, the per-type figures
     * means over replications of the same per-replication mixes: the two agree (up to floating-point rounding).
     */
    @Test
    void theFleetIsTheSumOfItsHostTypes() {
        for (PolicyResult policy : result.policies()) {
            CapacityFigures capacity = policy.capacity();
            double hosts = capacity.byHostType().stream().mapToDouble(CapacityFigures.HostTypePlan::hostsNeeded).sum();
            double cost = capacity.byHostType().stream().mapToDouble(CapacityFigures.HostTypePlan::annualCost).sum();
            assertEquals(hosts, capacity.hostsNeeded().mean(), 1e-9 * hosts, policy.name() + " hosts");
            assertEquals(cost, capacity.annualCost().mean(), 1e-9 * cost, policy.name() + " cost");
            assertTrue(hosts > 0, policy.name());
        }
    }

    @Test
    void savingsAreTheBaselineLessThePolicy() {
        RunResult r = result;
        CapacityFigures baseline = r.policy(r.baseline()).capacity();
        for (PolicyResult policy : r.policies()) {
            CapacityFigures capacity = policy.capacity();
            assertEquals(baseline.hostsNeeded().mean() - capacity.hostsNeeded().mean(), capacity.savingsHosts().mean(),
                    1e-6, policy.name());
            assertEquals(baseline.annualCost().mean() - capacity.annualCost().mean(),
                    capacity.savingsAnnualCost().mean(), 1e-3, policy.name());
        }
    }
}
