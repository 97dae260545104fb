package dev.cowfleet.sim.result;

import dev.cowfleet.models.memory.CopySource;

import java.util.Map;

/**
 * Everything a run found for one policy.
 *
 * @param name           policy name as written in the scenario
 * @param description    one line saying what the policy does, for tables and legends
 * @param worker         per-worker figures
 * @param host           per-host figures
 * @param copiedPagesBySource inherited pages copied per worker lifetime by source (shutdown per exiting worker);
 *                       a source absent from the map has no figure
 * @param hostMemoryOverTime host memory by source (columns: master, baseline, refcount, gc, allocator,
 *                       mutation, shutdown, heap-growth) plus "workerShared" and "workerPrivate" means, MiB
 * @param workerLifetime shared and private MiB of one worker against its age (columns "shared", "private")
 * @param deployWindow   host memory (column "host") around the first deploy, and the seconds since that
 *                       deploy started (column "sinceDeployStart"), or null when there is none
 * @param savingsVsBaselineHostMemoryPercent host-memory saving against the baseline policy, percent
 * @param kills          workers killed per replication, or null when the run does not count them
 * @param capacity       the capacity plan, when the scenario plans a fleet (else null)
 * @param fleet          today's fleet running this policy, when the scenario has a fleet (else null)
 */
public record PolicyResult(String name,
                           String description,
                           WorkerFigures worker,
                           HostFigures host,
                           Map<CopySource, Double> copiedPagesBySource,
                           TimeSeries hostMemoryOverTime,
                           TimeSeries workerLifetime,
                           TimeSeries deployWindow,
                           Estimate savingsVsBaselineHostMemoryPercent,
                           WorkerKills kills,
                           CapacityFigures capacity,
                           FleetFigures fleet) {

    /** A single-host result, without capacity plan or fleet. */
    public PolicyResult(String name, String description, WorkerFigures worker, HostFigures host,
                        Map<CopySource, Double> copiedPagesBySource, TimeSeries hostMemoryOverTime,
                        TimeSeries workerLifetime, TimeSeries deployWindow,
                        Estimate savingsVsBaselineHostMemoryPercent, WorkerKills kills) {
        this(name, description, worker, host, copiedPagesBySource, hostMemoryOverTime, workerLifetime, deployWindow,
                savingsVsBaselineHostMemoryPercent, kills, null, null);
    }

    /** This result with a capacity plan and fleet figures attached. */
    public PolicyResult withPlan(CapacityFigures plan, FleetFigures fleetFigures) {
        return new PolicyResult(name, description, worker, host, copiedPagesBySource, hostMemoryOverTime,
                workerLifetime, deployWindow, savingsVsBaselineHostMemoryPercent, kills, plan, fleetFigures);
    }
}
