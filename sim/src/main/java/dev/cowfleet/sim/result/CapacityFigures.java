package dev.cowfleet.sim.result;

import java.util.List;

/**
 * A policy's capacity plan: how many workers a host holds, what a host serves, and how many hosts
 * and how much money the peak traffic (after growth) needs, with savings against the baseline.
 *
 * @param workersPerHost           workers per host, averaged over host types by today's counts
 * @param requestsPerSecondPerHost requests per second per host at the target utilization, same average
 * @param hostsNeeded              hosts of the planned fleet
 * @param annualCost               cost per year of the planned fleet
 * @param savingsHosts             baseline hosts minus this policy's (positive = fewer hosts)
 * @param savingsAnnualCost        baseline cost minus this policy's
 * @param savingsPercent           savingsAnnualCost as a percentage of the baseline's cost
 * @param byHostType               the plan per host type
 * @param warnings                 e.g. a fixed worker count that does not fit the RAM budget
 */
public record CapacityFigures(int workersPerHost, double requestsPerSecondPerHost, Estimate hostsNeeded,
                              Estimate annualCost, Estimate savingsHosts, Estimate savingsAnnualCost,
                              Estimate savingsPercent, List<HostTypePlan> byHostType, List<String> warnings) {

    /**
     * One host type under one policy.
     *
     * @param memoryPercentileMiB the planned percentile of host memory at that worker count
     * @param budgetMiB           RAM minus headroom
     * @param hostsNeededAlone    hosts of this type alone that would carry all the traffic
     * @param hostsNeeded         hosts of this type in the planned mix
     */
    public record HostTypePlan(String hostType, int workersPerHost, double requestsPerSecondPerHost,
                               double memoryPercentileMiB, double budgetMiB, double hostsNeededAlone,
                               double hostsNeeded, double annualCost) {
    }
}
