package dev.cowfleet.sim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A check of two keys together names the --set flag that broke it, not the untouched line of the file. */
class CrossKeyBlameTest {

    @Test
    void aSmallerRamFromAFlagBlamesTheFlag() {
        assertEquals("--set host.ram=1MiB: key 'host.ram': a heap of 100MiB does not fit in host.ram 1MiB",
                Fixtures.errorOf(Fixtures.MINIMAL, "host.ram=1MiB"));
    }

    @Test
    void aBiggerHeapFromAFlagBlamesThatFlag() {
        assertEquals("--set heap.measured.heapSize=64GiB: key 'heap.measured.heapSize': a heap of 64GiB does not fit "
                + "in host.ram 16GiB", Fixtures.errorOf(Fixtures.MINIMAL, "heap.measured.heapSize=64GiB"));
    }

    @Test
    void noFlagInvolvedBlamesTheFileAsBefore() {
        assertEquals(Fixtures.DIR.resolve("broken").resolve("one-worker.yaml") + ":16: key 'workload.requestsPerSecond': 100/s x cpuPerRequest 20ms keeps 2 "
                + "workers busy on host.workers 1: the host cannot carry this traffic",
                Fixtures.errorOf(Fixtures.DIR.resolve("broken").resolve("one-worker.yaml")));
    }

    @Test
    void fewerWorkersFromAFlagBlamesTheFlag() {
        assertEquals("--set host.workers=1: key 'host.workers': 100/s x cpuPerRequest 20ms keeps 2 workers busy on "
                + "host.workers 1: the host cannot carry this traffic", Fixtures.errorOf(Fixtures.MINIMAL, "host.workers=1"));
    }
}
