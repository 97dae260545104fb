package dev.cowfleet.sim.run;

import dev.cowfleet.models.heap.HeapImage;
import dev.cowfleet.models.heap.HeapLayout;
import dev.cowfleet.models.heap.InheritedGcState;
import dev.cowfleet.models.heap.MeasuredHeap;
import dev.cowfleet.models.heap.ObjectKind;
import dev.cowfleet.models.heap.PageSize;
import dev.cowfleet.models.runtime.InterpreterProfile;
import dev.cowfleet.models.server.Master;
import dev.cowfleet.models.workload.CostModel;
import dev.cowfleet.models.workload.DiurnalTraffic;
import dev.cowfleet.models.workload.FlatTraffic;
import dev.cowfleet.models.workload.RequestProfile;
import dev.cowfleet.models.workload.Traffic;
import dev.cowfleet.sim.host.DeploySchedule;
import dev.cowfleet.sim.host.HostPlan;
import dev.cowfleet.sim.host.RecyclePolicy;
import dev.cowfleet.sim.scenario.DiurnalSpec;
import dev.cowfleet.sim.scenario.GcCountersSpec;
import dev.cowfleet.sim.scenario.HeapCompositionSpec;
import dev.cowfleet.sim.scenario.HeapSpec;
import dev.cowfleet.sim.scenario.MeasuredHeapSpec;
import dev.cowfleet.sim.scenario.PolicySpec;
import dev.cowfleet.sim.scenario.Scenario;
import dev.cowfleet.sim.scenario.ServerSpec;
import dev.cowfleet.sim.scenario.WorkloadSpec;

/**
 * Translates a validated scenario and one of its policies into the models' objects a host run
 * needs. The only place that knows both the scenario schema and the physics API.
 */
public final class HostPlans {
    /** Worker age at which "shared after fork" is read: Instagram saw the drop "within seconds". */
    public static final double SETTLE_SECONDS = 60.0;

    private HostPlans() {
    }

    /** The plan of one host running {@code policy} with {@code workers} workers and {@code traffic}. */
    public static HostPlan plan(Scenario scenario, PolicySpec policy, int workers, Traffic traffic, long ramBytes) {
        InterpreterProfile profile = policy.profile();
        HeapImage heap = heapImage(scenario.heap(), profile,
                scenario.host().transparentHugePages() ? PageSize.HUGE_2M : PageSize.SMALL_4K);
        Master master = Master.prepare(heap, profile, policy.gc());
        return new HostPlan(master, requestProfile(scenario.workload()), costModel(scenario), traffic, workers,
                recyclePolicy(policy.server()), deploySchedule(scenario), scenario.durationSeconds(),
                scenario.sampleEverySeconds(), SETTLE_SECONDS, ramBytes);
    }

    /** The single-host plan: the scenario's own workers, traffic and RAM. */
    public static HostPlan plan(Scenario scenario, PolicySpec policy) {
        return plan(scenario, policy, scenario.host().workers(), traffic(scenario.workload()), scenario.host().ramBytes());
    }

    public static Traffic traffic(WorkloadSpec workload) {
        return traffic(workload.requestsPerSecond(), workload.diurnal());
    }

    /** Traffic peaking at {@code peak}: flat, or a daily sine whose trough is peak / peakToTrough. */
    public static Traffic traffic(double peak, DiurnalSpec diurnal) {
        if (diurnal.shape() == DiurnalSpec.Shape.FLAT) {
            return new FlatTraffic(peak);
        }
        double r = diurnal.peakToTrough();
        return new DiurnalTraffic(peak * (r + 1) / (2 * r), r, diurnal.peakHourSeconds());
    }

    static HeapImage heapImage(HeapSpec spec, InterpreterProfile profile, PageSize pageSize) {
        HeapLayout layout = new HeapLayout(spec.hotObjects(), spec.hotLayout() == HeapSpec.HotLayout.CLUSTERED,
                spec.freeSlots(), HeapLayout.DEFAULT_COLLECTOR_HOLE_SHARE, spec.frozenCyclicShare());
        GcCountersSpec c = spec.gcCounters();
        InheritedGcState inherited = new InheritedGcState(c.count0(), c.count1(), c.count2(), c.longLivedTotal(),
                c.longLivedPending());
        if (spec.contents() instanceof MeasuredHeapSpec m) {
            long smallPages = (m.heapBytes() + PageSize.SMALL_4K.bytes() - 1) / PageSize.SMALL_4K.bytes();
            MeasuredHeap measured = new MeasuredHeap(m.heapBytes(), Math.round(m.trackedPageFraction() * smallPages),
                    m.trackedObjects(), m.totalObjects(), m.frozenObjects(), m.mainObjects(), m.nonObjectBytes());
            return HeapImage.fromMeasured(measured, layout, inherited, profile, pageSize);
        }
        HeapCompositionSpec composition = (HeapCompositionSpec) spec.contents();
        return HeapImage.fromComposition(composition.kinds().stream()
                .map(k -> new ObjectKind(k.name(), k.count(), k.sizeBytes(), k.tracked())).toList(),
                layout, inherited, profile, pageSize);
    }

    static RequestProfile requestProfile(WorkloadSpec w) {
        return new RequestProfile(w.cpuPerRequestSeconds(), w.inheritedObjectsTouched(), w.mutatedObjects(),
                w.trackedAllocationsPeak(), w.trackedSurvivors(), w.cyclicGarbageBytes(), w.liveGrowthBytes());
    }

    static CostModel costModel(Scenario scenario) {
        var c = scenario.costs();
        return new CostModel(c.cowFaultSeconds(), c.gcPerObjectSeconds(), c.teardownPerObjectSeconds(),
                c.workerBaselineBytes());
    }

    static RecyclePolicy recyclePolicy(ServerSpec s) {
        return new RecyclePolicy(s.maxRequests(), s.maxRequestsDelta(), s.maxRequestsJitter(), s.reloadOnRssBytes(),
                s.reloadOnUssBytes(), s.reloadOnPssBytes(), s.minWorkerLifetimeSeconds(), s.harakiriSeconds(),
                s.stuckRequests());
    }

    static DeploySchedule deploySchedule(Scenario scenario) {
        return scenario.deploys()
                .map(d -> new DeploySchedule(d.startTimes(scenario.durationSeconds()).stream()
                        .mapToDouble(Double::doubleValue).toArray(), d.waveSize(), d.waveIntervalSeconds()))
                .orElse(DeploySchedule.none());
    }
}
