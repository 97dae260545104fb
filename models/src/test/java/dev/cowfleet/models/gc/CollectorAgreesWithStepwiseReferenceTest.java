package dev.cowfleet.models.gc;

import dev.cowfleet.models.heap.InheritedGcState;
import dev.cowfleet.models.runtime.ExitMode;
import dev.cowfleet.models.runtime.GcMode;
import dev.cowfleet.models.runtime.GcPolicy;
import dev.cowfleet.models.runtime.GcThresholds;
import dev.cowfleet.models.runtime.InterpreterProfile;
import dev.cowfleet.models.runtime.PythonVersion;
import dev.cowfleet.models.workload.RequestProfile;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The closed-form collector (count0 timelines, stride sums, binary-searched long-lived rule) must
 * reproduce, exactly, the counters of a reference that steps CPython's logic one tracked
 * allocation at a time, over random thresholds, inherited counters, request shapes and policies,
 * served in random chunk sizes.
 */
class CollectorAgreesWithStepwiseReferenceTest {
    private static final int CONFIGS = 300;
    private static final int REQUESTS = 400;

    @Test
    void randomConfigurationsAgreeExactly() {
        Random random = new Random(20170101);
        for (int config = 0; config < CONFIGS; config++) {
            GcPlan plan = randomPlan(random);
            agreeWithReference(plan, random, "config " + config + ": " + describe(plan));
        }
    }

    /**
     * Later workers of a plan take the next full collection from the plan's memo of earlier workers'
     * searches ({@link FullTriggerMemo}); served in other chunk sizes, they must still agree exactly.
     */
    @Test
    void workersOfOnePlanAgreeWhenTheMemoAnswers() {
        Random random = new Random(20260101);
        for (int config = 0; config < CONFIGS / 5; config++) {
            GcPlan plan = randomPlan(random);
            for (int worker = 0; worker < 3; worker++) {
                agreeWithReference(plan, random, "config " + config + " worker " + worker + ": " + describe(plan));
            }
        }
    }

    /**
     * A worker's collector is reused: the next fork of its slot puts the exited one in a fresh
     * collector's state, and a reading's spare copy takes the state of the worker it copies. Storage
     * that served far, through other epochs and timelines, must then agree exactly, as a fresh one.
     */
    @Test
    void collectorsInReusedStorageAgree() {
        Random random = new Random(20261203);
        for (int config = 0; config < CONFIGS / 3; config++) {
            GcPlan plan = randomPlan(random);
            String where = "config " + config + ": " + describe(plan);
            Collector forked = worn(plan, random);
            forked.copyFrom(Collector.forPlan(plan));
            agreeWithReference(plan, forked, random, where + " (fork in reused storage)");
            Collector original = Collector.forPlan(plan);
            original.advance(1 + random.nextInt(REQUESTS));
            Collector copied = worn(plan, random);
            copied.copyFrom(original);
            Collector allocated = original.copy();
            for (int batch = 0; batch < 20; batch++) {
                long k = 1 + random.nextInt(random.nextBoolean() ? 5 : 60);
                allocated.advance(k);
                copied.advance(k);
                assertSameCounters(allocated, copied, where + " (copy in reused storage) after " + copied.requestsServed());
            }
        }
    }

    /** A collector of {@code plan} that served long, so that its every field has moved. */
    private static Collector worn(GcPlan plan, Random random) {
        Collector c = Collector.forPlan(plan);
        while (c.requestsServed() < 3L * REQUESTS) {
            c.advance(1 + random.nextInt(200));
        }
        return c;
    }

    private static void assertSameCounters(Collector expected, Collector actual, String at) {
        assertEquals(expected.requestsServed(), actual.requestsServed(), at);
        assertEquals(expected.youngCollections(), actual.youngCollections(), at + " young collections");
        assertEquals(expected.fullCollections(), actual.fullCollections(), at + " full collections");
        assertEquals(expected.visitedObjects(), actual.visitedObjects(), at + " visited");
        assertEquals(expected.count0(), actual.count0(), at + " count0");
        assertEquals(expected.youngVisited(), actual.youngVisited(), at + " young visited");
        assertEquals(expected.middleVisited(), actual.middleVisited(), at + " gen-1 visited");
        assertEquals(expected.fullSinceFork(), actual.fullSinceFork(), at + " full since fork");
        assertEquals(expected.garbageRequests(), actual.garbageRequests(), at + " garbage");
        assertEquals(expected.garbageHighWater(), actual.garbageHighWater(), at + " garbage high water");
        assertEquals(expected.promotedAllocations(), actual.promotedAllocations(), at + " promoted garbage");
        assertEquals(expected.promotedHighWater(), actual.promotedHighWater(), at + " promoted high water");
        assertEquals(expected.requestsSinceFullCollection(), actual.requestsSinceFullCollection(), at + " since full");
        assertEquals(expected.firstPassScanned(), actual.firstPassScanned(), at + " first pass");
        assertEquals(expected.enabledFlag(), actual.enabledFlag(), at + " enabled flag");
        assertEquals(expected.automatic(), actual.automatic(), at + " automatic");
        assertEquals(expected.requestsUntilNextFullCollection(), actual.requestsUntilNextFullCollection(), at + " next full");
        assertEquals(expected.requestsUntilPageEvent(), actual.requestsUntilPageEvent(), at + " next page event");
        assertEquals(expected.requestsUntilGcReenabled(), actual.requestsUntilGcReenabled(), at + " gc.enable()");
    }

    private static void agreeWithReference(GcPlan plan, Random random, String where) {
        agreeWithReference(plan, Collector.forPlan(plan), random, where);
    }

    private static void agreeWithReference(GcPlan plan, Collector fast, Random random, String where) {
        {
            ReferenceCollector reference = new ReferenceCollector(plan);
            reference.serve(REQUESTS + 200);
            java.util.List<Long> fulls = reference.fullRequests;
            ReferenceCollector stepwise = new ReferenceCollector(plan);
            assertEquals(plan.profile().incremental(), fast instanceof IncrementalCollector, where);
            while (fast.requestsServed() < REQUESTS) {
                boolean predictable = fast.automatic() || fast.requestsUntilGcReenabled() == Long.MAX_VALUE;
                long predicted = fast.requestsUntilNextFullCollection();
                if (predictable) {
                    long actual = Long.MAX_VALUE;
                    for (long r : fulls) {
                        if (r > fast.requestsServed()) {
                            actual = r - fast.requestsServed();
                            break;
                        }
                    }
                    if (actual != Long.MAX_VALUE || fast.requestsServed() + Math.min(predicted, 1000) <= REQUESTS + 200) {
                        assertEquals(actual, predicted, where + " next full collection after " + fast.requestsServed());
                    }
                }
                long k = 1 + random.nextInt(random.nextBoolean() ? 5 : 60);
                fast.advance(k);
                stepwise.serve(k);
                String at = where + " after " + stepwise.served + " requests: ";
                assertEquals(stepwise.young, fast.youngCollections(), at + "young collections");
                assertEquals(stepwise.full, fast.fullCollections(), at + "full collections");
                assertEquals(stepwise.visited, fast.visitedObjects(), 1e-6 * Math.max(1, stepwise.visited), at + "visited");
                assertEquals(stepwise.c0, fast.count0(), at + "count0");
                if (fast instanceof GenerationalCollector generational) {
                    assertEquals(stepwise.c1, generational.count1(), at + "count1");
                    assertEquals(stepwise.c2, generational.count2(), at + "count2");
                    assertEquals(stepwise.pending, generational.longLivedPending(), at + "pending");
                    assertEquals(stepwise.total, generational.longLivedTotal(), at + "total");
                    assertEquals(stepwise.middleVisited, fast.middleVisited(), at + "gen-1 visited");
                }
                assertEquals(stepwise.youngVisited, fast.youngVisited(), at + "young visited");
                assertEquals(stepwise.garbage, fast.garbageRequests(), at + "garbage");
                assertEquals(stepwise.promoted, fast.promotedAllocations(), at + "promoted garbage");
                assertEquals(stepwise.promotedHighWater, fast.promotedHighWater(), at + "promoted high water");
                assertEquals(stepwise.firstPassScanned(), fast.firstPassScanned(), 1e-12, at + "first pass");
                assertEquals(stepwise.enabledFlag, fast.enabledFlag(), at + "enabled flag");
            }
        }
    }

    private static GcPlan randomPlan(Random random) {
        boolean incremental = random.nextInt(4) == 0;
        InterpreterProfile profile = InterpreterProfile.forVersion(PythonVersion.parse(incremental ? "3.14.2" : "3.6"));
        int[] youngChoices = {3, 10, 50, 700};
        GcThresholds thresholds = random.nextBoolean() ? null
                : new GcThresholds(youngChoices[random.nextInt(4)], random.nextInt(11), random.nextInt(11));
        int t0 = thresholds == null ? profile.defaultThresholds().young() : thresholds.young();
        long peak = random.nextInt(3) == 0 ? random.nextInt(20) : random.nextInt(3000);
        long survivors = random.nextInt(3) == 0 ? peak : (long) (peak * random.nextDouble() * 0.3);
        RequestProfile request = new RequestProfile(0.01, 0, 0, peak, survivors,
                random.nextInt(3) * 100_000L, random.nextInt(3) * 1000L);
        long total = random.nextInt(50_000);
        InheritedGcState inherited = new InheritedGcState(random.nextInt(2 * t0 + 1), random.nextInt(13),
                random.nextInt(13), total, (long) (total * random.nextDouble() * 0.4));
        GcMode mode = GcMode.values()[random.nextInt(3)];
        long enableAfter = mode == GcMode.DISABLED && random.nextBoolean() ? 1 + random.nextInt(60) : 0;
        long explicit = random.nextInt(3) == 0 ? 1 + random.nextInt(60) : 0;
        GcPolicy policy = new GcPolicy("p", mode, thresholds, false, false, false, ExitMode.NORMAL, enableAfter, explicit);
        long collectable = random.nextInt(100_000);
        long tracked = collectable + random.nextInt(1000);
        long young = Math.min(collectable, random.nextInt(2000));
        return new GcPlan(profile, policy, inherited, request, collectable, tracked, young);
    }

    private static String describe(GcPlan plan) {
        return plan.profile().id() + " " + plan.policy().describe() + " thresholds " + plan.thresholds()
                + " " + plan.request() + " " + plan.inherited();
    }
}
