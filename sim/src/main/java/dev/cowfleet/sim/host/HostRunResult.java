package dev.cowfleet.sim.host;

import dev.cowfleet.models.memory.CopySource;
import dev.cowfleet.models.server.CpuUse;
import dev.cowfleet.sim.engine.Moments;
import dev.cowfleet.sim.engine.Tally;
import java.io.Serializable;

/**
 * What one run of one host observed, in bytes and seconds: bounded by the number of samples, never
 * by the number of requests or events. Filled by {@link HostRecorder}.
 */
public final class HostRunResult implements Serializable {
    private static final long serialVersionUID = 1L;

    static final int HOST_MEMORY_EXACT_SAMPLES = 1 << 14;

    final double sampleEverySeconds;
    /** memory[i][c]: host bytes in column c at sample i. */
    final double[][] memory;
    final double[] workerSharedMean;
    final double[] workerPrivateMean;
    /** Worker ages observed, and sums over the workers that reached each age. */
    final double[] ageSeconds;
    final double[] ageSharedSum;
    final double[] agePrivateSum;
    final long[] ageCount;
    /** One value per worker per sample, the hottest statistic of a run: only the levels reports use. */
    final Tally workerPrivate = new Tally();
    /**
     * One value per sample. Its percentile sizes workers per host against the RAM budget, so it
     * stays exact (rather than within the histogram's 0.1%, which could err on the wrong side of the
     * budget) up to {@value #HOST_MEMORY_EXACT_SAMPLES} samples: 11 days at 1-minute samples.
     */
    final Tally hostMemory = new Tally(HOST_MEMORY_EXACT_SAMPLES);
    final Moments sharedAfterFork = new Moments();
    final Moments requestsPerLifetime = new Moments();
    final Moments fullCollectionsPerLifetime = new Moments();
    /** Inherited pages copied per lifetime by source, summed over lifetimes (shutdown excluded). */
    final double[] copiedPagesSum = new double[CopySource.values().length];
    /** Pages copied by each exiting worker's shutdown. */
    final Moments shutdownPages = new Moments();
    final double[] cpuSeconds = new double[CpuUse.values().length];
    /** Highest host memory reached, exit peaks included (see {@link HostRecorder#exitPeak}). */
    double peakHostBytes;
    /** The longest a worker lived, exited or still alive at the end of the run. */
    double longestLifetimeSeconds;
    long oomKills;
    long harakiriKills;
    /** Host bytes every second around the first deploy, or an empty array without deploys. */
    final double[] deployWindow;
    final double deployWindowStartSeconds;
    /** When the first deploy starts (its first wave), inside the deploy window; 0 without deploys. */
    final double firstDeploySeconds;

    HostRunResult(int samples, double sampleEverySeconds, double[] ageSeconds, int deployWindowSamples,
                  double deployWindowStartSeconds, double firstDeploySeconds) {
        this.sampleEverySeconds = sampleEverySeconds;
        this.memory = new double[samples][MemoryColumn.COUNT];
        this.workerSharedMean = new double[samples];
        this.workerPrivateMean = new double[samples];
        this.ageSeconds = ageSeconds.clone();
        this.ageSharedSum = new double[ageSeconds.length];
        this.agePrivateSum = new double[ageSeconds.length];
        this.ageCount = new long[ageSeconds.length];
        this.deployWindow = new double[deployWindowSamples];
        this.deployWindowStartSeconds = deployWindowStartSeconds;
        this.firstDeploySeconds = firstDeploySeconds;
    }

    public int samples() {
        return memory.length;
    }

    public double sampleEverySeconds() {
        return sampleEverySeconds;
    }

    public double hostBytesAt(int sample) {
        double total = 0;
        for (double bytes : memory[sample]) {
            total += bytes;
        }
        return total;
    }

    /** Host bytes at sample {@code sample} in column {@code column} (see {@link MemoryColumn#keys()}). */
    public double memoryAt(int sample, int column) {
        return memory[sample][column];
    }

    public double workerSharedMeanAt(int sample) {
        return workerSharedMean[sample];
    }

    public double workerPrivateMeanAt(int sample) {
        return workerPrivateMean[sample];
    }

    /** The worker ages at which workers were observed. */
    public double[] ageSeconds() {
        return ageSeconds.clone();
    }

    /** Mean shared bytes of the workers that reached age index {@code a}, or NaN where none did. */
    public double sharedAtAge(int a) {
        return ageCount[a] == 0 ? Double.NaN : ageSharedSum[a] / ageCount[a];
    }

    public double privateAtAge(int a) {
        return ageCount[a] == 0 ? Double.NaN : agePrivateSum[a] / ageCount[a];
    }

    public Tally workerPrivate() {
        return workerPrivate;
    }

    public Tally hostMemory() {
        return hostMemory;
    }

    /** The highest host memory of the run, including the transient peaks of worker exits between samples. */
    public double peakHostBytes() {
        return peakHostBytes;
    }

    public double longestLifetimeSeconds() {
        return longestLifetimeSeconds;
    }

    public Moments sharedAfterFork() {
        return sharedAfterFork;
    }

    public Moments requestsPerLifetime() {
        return requestsPerLifetime;
    }

    public Moments fullCollectionsPerLifetime() {
        return fullCollectionsPerLifetime;
    }

    /** Mean pages copied per worker lifetime by {@code source}; SHUTDOWN is per exiting worker. */
    public double copiedPagesPerLifetime(CopySource source) {
        if (source == CopySource.SHUTDOWN) {
            return shutdownPages.count() == 0 ? 0.0 : shutdownPages.mean();
        }
        long lifetimes = requestsPerLifetime.count();
        return lifetimes == 0 ? 0.0 : copiedPagesSum[source.ordinal()] / lifetimes;
    }

    public double cpuSeconds(CpuUse use) {
        return cpuSeconds[use.ordinal()];
    }

    public long oomKills() {
        return oomKills;
    }

    public long harakiriKills() {
        return harakiriKills;
    }

    public double[] deployWindow() {
        return deployWindow.clone();
    }

    public double deployWindowStartSeconds() {
        return deployWindowStartSeconds;
    }

    public double firstDeploySeconds() {
        return firstDeploySeconds;
    }
}
