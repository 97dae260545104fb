package dev.cowfleet.sim.scenario;

/**
 * One GC, exit and recycling policy to compare.
 *
 * @param name                  the policy's name in the scenario (binding in shipped scenarios)
 * @param python                the Python version the policy runs (the scenario's unless overridden)
 * @param gc                    what the application does to the collector
 * @param thresholds            effective thresholds: the policy's own, the version default, or the default with
 *                              threshold0 = 0 under {@link Gc#THRESHOLD0}
 * @param freeze                {@code gc.freeze()} in the master right before fork
 * @param disableEarly          {@code gc.disable()} early in the master, {@code gc.enable()} in the child
 * @param immortalize           immortalize the heap before fork (PEP 683 / Cinder)
 * @param exit                  how a worker exits
 * @param libraryEnablesGcAfter a library calls {@code gc.enable()} after this many requests; 0 = never
 * @param explicitCollectEvery  the application calls {@code gc.collect()} every N requests; 0 = never
 * @param server                effective server settings: the scenario's, with this policy's overrides
 */
public record PolicySpec(String name, String python, Gc gc, Thresholds thresholds, boolean freeze,
                         boolean disableEarly, boolean immortalize, Exit exit, long libraryEnablesGcAfter,
                         long explicitCollectEvery, ServerSpec server) {

    /** {@code gc: enabled | disable | threshold0}. */
    public enum Gc { ENABLED, DISABLE, THRESHOLD0 }

    /** {@code exit: normal | os._exit}. */
    public enum Exit { NORMAL, OS_EXIT }

    /** The three generation thresholds of {@code gc.set_threshold}. */
    public record Thresholds(long young, long middle, long old) {
    }
}
