package dev.cowfleet.sim.observe;

/**
 * The figures observe.json compares, in MiB: measured from samples or simulated by the model.
 *
 * @param workerPrivateMean    mean worker private (USS) memory over every worker sample
 * @param workerPrivateMax     the largest worker private memory seen
 * @param sharedAfterMinute    a worker's shared memory at the age {@link ObservedFigures#sharedAge} (60 s,
 *                             or younger when the run was shorter), averaged over workers
 * @param hostMemoryMean       master + workers (the sum of their PSS), mean over samples
 * @param hostMemoryMax        the same, largest sample
 * @param exitCopied           memory a worker's exit copies, mean per exiting worker; NaN when no exit was measured
 */
public record Figures(double workerPrivateMean, double workerPrivateMax, double sharedAfterMinute,
                      double hostMemoryMean, double hostMemoryMax, double exitCopied) {

    /** (simulated - measured) / measured for each figure, as a fraction. */
    public Figures relativeErrorOf(Figures measured) {
        return new Figures(error(workerPrivateMean, measured.workerPrivateMean),
                error(workerPrivateMax, measured.workerPrivateMax),
                error(sharedAfterMinute, measured.sharedAfterMinute),
                error(hostMemoryMean, measured.hostMemoryMean),
                error(hostMemoryMax, measured.hostMemoryMax),
                error(exitCopied, measured.exitCopied));
    }

    private static double error(double simulated, double measured) {
        return measured == 0 ? Double.NaN : (simulated - measured) / measured;
    }
}
