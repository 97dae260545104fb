package dev.cowfleet.sim.exec;

/** Receives how many tasks have finished; called from any thread. */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> { };

    void tasksDone(long done, long total);
}
