package dev.cowfleet.sim.calibrate;

import java.util.Map;

/**
 * One comparison of a worker's private memory (USS) measured on a real interpreter with the models'
 * prediction for the same heap, request and policy.
 *
 * @param python                 interpreter version, e.g. "3.11.7"
 * @param policy                 probe/model policy name: default, disable, threshold0, freeze, and -exit variants
 * @param phase                  requests | collect | shutdown
 * @param relativeError          (predicted - measured) / measured
 * @param measuredCopiedPages    4 KiB pages the workers faulted in during the phase (mean over workers)
 * @param predictedCopiedPages   pages the model copied during the phase, by copy source
 * @param measuredStartMiB       measured private memory when the phase began (after fork, after the
 *                               requests, before the exit): what the phase's growth is measured from
 * @param predictedOwnHeapMiB    growth of the model worker's own heap (pools of its own allocations)
 *                               during the phase
 */
public record CalibrationCell(String python, String policy, String phase, double measuredPrivateMiB,
                              double predictedPrivateMiB, double relativeError, double measuredCopiedPages,
                              Map<String, Long> predictedCopiedPages, double measuredStartMiB,
                              double predictedOwnHeapMiB) {

    public CalibrationCell {
        predictedCopiedPages = Map.copyOf(predictedCopiedPages);
    }

    public static CalibrationCell of(String python, String policy, Phase phase, double measuredMiB, double predictedMiB,
                                     double measuredCopiedPages, Map<String, Long> predictedCopiedPages,
                                     double measuredStartMiB, double predictedOwnHeapMiB) {
        return new CalibrationCell(python, policy, phase.key(), measuredMiB, predictedMiB,
                (predictedMiB - measuredMiB) / measuredMiB, measuredCopiedPages, predictedCopiedPages,
                measuredStartMiB, predictedOwnHeapMiB);
    }

    public boolean within(double tolerance) {
        return Math.abs(relativeError) <= tolerance;
    }
}
