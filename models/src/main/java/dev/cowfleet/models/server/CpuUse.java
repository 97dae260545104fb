package dev.cowfleet.models.server;

/** What a worker spent CPU on, so that a policy's overhead is a number. */
public enum CpuUse {
    /** The requests themselves. */
    REQUESTS,
    /** Collections: objects visited times the cost per object. */
    GC,
    /** Copy-on-write faults while serving (copies at exit count under SHUTDOWN). */
    COW_FAULTS,
    /** Interpreter finalization: its faults plus objects freed at teardown and the final collections. */
    SHUTDOWN
}
