package dev.cowfleet.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad {@code --set} flags, and impossible combinations reached through flags on the minimal scenario. An
 * error names the flag when the flag wrote the key it is about, otherwise the file line of that key.
 */
class BrokenOverridesTest {

    private static final String FILE = Fixtures.MINIMAL.toString();

    @ParameterizedTest(name = "--set {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "heap.measured.heapSize=250|--set heap.measured.heapSize=250: key 'heap.measured.heapSize': "
            + "expected a size like 250MiB, got '250'",
        "host.wrkers=10|--set host.wrkers=10: unknown key 'host.wrkers', did you mean 'workers'?",
        "heap.frozenCyclicShare=lots|--set heap.frozenCyclicShare=lots: key 'heap.frozenCyclicShare': expected a "
            + "fraction like 2% or 0.02, got 'lots'",
        "host.workers|--set host.workers: expected key.path=value like host.workers=80",
        "=3|--set =3: expected key.path=value like host.workers=80",
        "host..workers=3|--set host..workers=3: expected key.path=value like host.workers=80",
        "host.workers.max=3|--set host.workers.max=3: key 'host.workers': holds '8', not a section, so it has no "
            + "key 'max'",
        "deploys.at=[1h,3h]|--set deploys.at=[1h,3h]: key 'deploys.at': 3h is not within the run (duration 2h)",
        "deploys.at=[1h|--set deploys.at=[1h: YAML syntax error: expected ',' or ']', but got <stream end> "
            + "(while parsing a flow sequence)",
        "policies.x.gc=threshhold0|--set policies.x.gc=threshhold0: key 'policies.x.gc': expected one of enabled, "
            + "disable, threshold0, got 'threshhold0', did you mean 'threshold0'?",
        "workload.diurnal.peakHour=20h|--set workload.diurnal.peakHour=20h: key 'workload.diurnal.peakHour': only "
            + "meaningful with shape: sine (traffic here is flat)",
        "host.workers=auto|--set host.workers=auto: key 'host.workers': expected a worker count like 70, got 'auto' "
            + "(to size workers to the RAM, set fleet.workersPerHost: auto and run cowfleet plan)",
        "cluster.size=3|--set cluster.size=3: unknown key 'cluster' (valid keys here: {topLevelKeys})",
        "heap.composition.kinds=[]|--set heap.composition.kinds=[]: key 'heap.composition': give either "
            + "heap.measured or heap.composition, not both",
        "policies.a b.gc=disable|--set policies.a b.gc=disable: key 'policies.a b': expected a name of letters, "
            + "digits, '-' and '_', got 'a b'",
        "policies={}|" + "--set policies={}: key 'policies': expected at least one policy like default: {}",
        "replications=0|--set replications=0: key 'replications': expected at least 1, got 0",
        "duration=0s|--set duration=0s: key 'duration': expected a duration above 0s like 2h, got 0s",
        "heap.measured.totalObjects=100M|--set heap.measured.totalObjects=100M: key 'heap.measured.totalObjects': "
            + "100M objects cannot fit in heapSize 100MiB (each object takes at least 16B)",
        "heap.measured.trackedPages=30k|--set heap.measured.trackedPages=30k: key 'heap.measured.trackedPages': "
            + "30k pages exceed the heap's 25600 pages of 4KiB",
        "heap.measured.frozenObjects=500k|--set heap.measured.frozenObjects=500k: key 'heap.measured.frozenObjects': "
            + "500k frozen objects exceed trackedObjects 400k (only tracked objects can be frozen)",
        "heap.gcCounters.longLivedPending=2M|--set heap.gcCounters.longLivedPending=2M: key "
            + "'heap.gcCounters.longLivedPending': 2M exceeds the heap's 400k tracked objects",
        "workload.inheritedObjectsTouched=2M|--set workload.inheritedObjectsTouched=2M: key "
            + "'workload.inheritedObjectsTouched': 2M objects exceed the heap's 1M objects",
        "workload.mutatedObjects=20k|--set workload.mutatedObjects=20k: key 'workload.mutatedObjects': 20k exceed "
            + "inheritedObjectsTouched 10k (writing an object touches its refcount too)",
        "workload.trackedSurvivors=3k|--set workload.trackedSurvivors=3k: key 'workload.trackedSurvivors': 3000 "
            + "survivors exceed trackedAllocationsPeak 2000 (survivors are allocated first)",
        "policies.default.libraryEnablesGcAfter=100|--set policies.default.libraryEnablesGcAfter=100: key "
            + "'policies.default.libraryEnablesGcAfter': a library calling gc.enable() only matters when the policy "
            + "turns GC off (gc: disable or threshold0)",
        "policies.default.immortalize=true|--set policies.default.immortalize=true: key "
            + "'policies.default.immortalize': immortal objects need Python 3.12+ (PEP 683), this policy runs 3.6",
        "server.maxRequestsDelta=10|--set server.maxRequestsDelta=10: key 'server.maxRequestsDelta': staggers "
            + "maxRequests, which is 0 (never recycle); set maxRequests too",
        "server.maxRequestsJitter=10|--set server.maxRequestsJitter=10: key 'server.maxRequestsJitter': a gunicorn "
            + "setting (max_requests_jitter); uwsgi staggers recycling with maxRequestsDelta",
        "server.stuckRequests=1%|--set server.stuckRequests=1%: key 'server.stuckRequests': stuck requests never end "
            + "without a harakiri (uwsgi harakiri / gunicorn timeout); set server.harakiri too",
        "server.reloadOnRss=100MiB|--set server.reloadOnRss=100MiB: key 'server.reloadOnRss': 100MiB is not above "
            + "the RSS of a fresh worker (heap + workerBaseline), 112MiB: every worker would recycle after its first "
            + "request",
        "deploys={at: [1h], timesPerDay: 4}|--set deploys={at: [1h], timesPerDay: 4}: key 'deploys.timesPerDay': "
            + "give either deploys.at or deploys.timesPerDay, not both",
        "workload.diurnal={shape: sine, peakToTrough: 0.5, peakHour: 20h}|--set workload.diurnal={shape: sine, "
            + "peakToTrough: 0.5, peakHour: 20h}: key 'workload.diurnal.peakToTrough': expected a ratio like 2.5 "
            + "(at least 1), got '0.5'",
    })
    void failsWithOneExactLine(String flag, String message) {
        assertEquals(message.replace("{topLevelKeys}", String.join(", ", Scenario.KEYS.names())),
                Fixtures.errorOf(Fixtures.MINIMAL, flag));
    }

    @ParameterizedTest(name = "--set {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "host.ram=64MiB|--set host.ram=64MiB: key 'host.ram': a heap of 100MiB does not fit in host.ram 64MiB",
        "workload.cpuPerRequest=100ms|--set workload.cpuPerRequest=100ms: key 'workload.cpuPerRequest': 100/s x "
            + "cpuPerRequest 100ms keeps 10 workers busy on host.workers 8: the host cannot carry this traffic",
        "baseline=missing|--set baseline=missing: key 'baseline': 'missing' is not one of the policies "
            + "(default, threshold0)"})
    void blamesTheValueThatCannotWorkWithTheFlag(String flag, String message) {
        assertEquals(message.startsWith("--set") ? message : FILE + message, Fixtures.errorOf(Fixtures.MINIMAL, flag));
    }
}
