package dev.cowfleet.sim.host;

/**
 * Which worker lifetimes have their ages observed. The lifetime curve is a mean over lifetimes, so
 * observing a systematic sample of them estimates it without bias; a worker that recycles every
 * few minutes would otherwise spend most of its updates on the dense early age grid. Every lifetime
 * is observed unless {@code max-requests} makes lifetimes so short that a slot would see more than
 * {@value #OBSERVED_PER_SLOT} of them in the run.
 */
final class LifetimeSampling {
    /**
     * Lifetimes per slot observed at least, before deploys and kills add more: with 70 workers, over
     * a thousand lifetimes per age point and replication, enough for the curve's mean.
     */
    static final int OBSERVED_PER_SLOT = 16;

    private LifetimeSampling() {
    }

    /**
     * Observe every {@code stride}-th lifetime of a slot: the expected lifetimes per slot over
     * {@link #OBSERVED_PER_SLOT}, at least 1. Lifetimes are expected from {@code max-requests} and
     * the mean arrival rate per worker; without {@code max-requests} every lifetime is observed.
     */
    static int stride(HostPlan plan) {
        long maxRequests = plan.recycle().maxRequests();
        double duration = plan.durationSeconds();
        double requestsPerWorker = plan.traffic().integral(0, duration) / plan.workers();
        if (maxRequests <= 0 || !(requestsPerWorker > 0)) {
            return 1;
        }
        double lifetimesPerSlot = requestsPerWorker / maxRequests;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.floor(lifetimesPerSlot / OBSERVED_PER_SLOT)));
    }
}
