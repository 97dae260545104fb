package dev.cowfleet.sim.calibrate;

import dev.cowfleet.models.memory.CopySource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Why a cell's prediction is off, mechanism by mechanism, computed from the cell's own figures.
 *
 * <p>The gap (predicted minus measured private memory) splits exactly into the gap the cell started
 * the phase with ({@value #EARLIER_PHASES}: the previous phase's cell) and the gap of the phase's
 * growth. The model's growth is the pages it copied by source plus its own heap's growth. The probe
 * measures the growth as one figure (USS, and one fault count), not per mechanism, so each
 * mechanism's measured part is that growth split in the model's proportions: a mechanism's gap is
 * then its predicted share times the phase's relative miss, and the mechanism that carries the
 * largest part of the gap is the one the model charges most for in that phase. Where the model
 * predicts no growth at all, the measured growth is {@value #UNMODELLED}.
 *
 * @param gapMiB             predicted minus measured private memory
 * @param measuredGrowthMiB  measured private memory growth during the phase
 * @param predictedGrowthMiB the model's growth during the phase: copies plus own heap
 * @param measuredFaultPages 4 KiB minor faults the workers took during the phase
 * @param mechanisms         every part of the gap, in {@link CopySource} order, then own heap, earlier
 *                           phases and (only when the model predicts no growth) unmodelled; they sum
 *                           to {@code gapMiB}
 * @param carriedBy          the mechanism with the largest absolute gap
 * @param summary            one line naming the carrier and its figures
 */
public record GapExplanation(double gapMiB, double measuredGrowthMiB, double predictedGrowthMiB,
                             double measuredFaultPages, List<MechanismGap> mechanisms, String carriedBy,
                             String summary) {
    public static final String OWN_HEAP = "ownHeap";
    public static final String EARLIER_PHASES = "earlierPhases";
    public static final String UNMODELLED = "unmodelled";

    private static final double PAGE_MIB = 4096 / (1024.0 * 1024.0);

    public GapExplanation {
        mechanisms = List.copyOf(mechanisms);
    }

    /**
     * One mechanism's part of the gap.
     *
     * @param predictedPages pages the model copied by this mechanism (0 for own heap and earlier phases)
     * @param measuredMiB    the measured growth's share (see {@link GapExplanation}); for earlier
     *                       phases, the measured private memory when the phase began
     */
    public record MechanismGap(String mechanism, double predictedMiB, long predictedPages, double measuredMiB,
                               double gapMiB) {
    }

    public static GapExplanation of(CalibrationCell cell) {
        List<MechanismGap> grown = new ArrayList<>();
        for (CopySource source : CopySource.values()) {
            long pages = cell.predictedCopiedPages().getOrDefault(source.key(), 0L);
            grown.add(new MechanismGap(source.key(), pages * PAGE_MIB, pages, 0, 0));
        }
        grown.add(new MechanismGap(OWN_HEAP, cell.predictedOwnHeapMiB(), 0, 0, 0));
        double predictedGrowth = grown.stream().mapToDouble(MechanismGap::predictedMiB).sum();
        double measuredGrowth = cell.measuredPrivateMiB() - cell.measuredStartMiB();

        List<MechanismGap> parts = new ArrayList<>();
        for (MechanismGap m : grown) {
            double measured = predictedGrowth > 0 ? measuredGrowth * m.predictedMiB() / predictedGrowth : 0;
            parts.add(new MechanismGap(m.mechanism(), m.predictedMiB(), m.predictedPages(), measured,
                    m.predictedMiB() - measured));
        }
        double predictedStart = cell.predictedPrivateMiB() - predictedGrowth;
        parts.add(new MechanismGap(EARLIER_PHASES, predictedStart, 0, cell.measuredStartMiB(),
                predictedStart - cell.measuredStartMiB()));
        if (predictedGrowth <= 0) {
            parts.add(new MechanismGap(UNMODELLED, 0, 0, measuredGrowth, -measuredGrowth));
        }
        MechanismGap carrier = parts.stream().max(Comparator.comparingDouble(m -> Math.abs(m.gapMiB())))
                .orElseThrow();
        double gap = cell.predictedPrivateMiB() - cell.measuredPrivateMiB();
        return new GapExplanation(gap, measuredGrowth, predictedGrowth, cell.measuredCopiedPages(), parts,
                carrier.mechanism(), summary(cell, gap, carrier, measuredGrowth, predictedGrowth));
    }

    private static String summary(CalibrationCell cell, double gap, MechanismGap carrier, double measuredGrowth,
                                  double predictedGrowth) {
        String head = String.format(Locale.ROOT, "%s/%s %+.0f%% (%+.1f MiB): %s carries %+.1f MiB", cell.policy(),
                cell.phase(), 100 * cell.relativeError(), gap, carrier.mechanism(), carrier.gapMiB());
        String why = switch (carrier.mechanism()) {
            case EARLIER_PHASES -> String.format(Locale.ROOT,
                    "the gap was there when the phase began (predicted %.1f vs measured %.1f MiB)",
                    carrier.predictedMiB(), carrier.measuredMiB());
            case UNMODELLED -> String.format(Locale.ROOT,
                    "the workers grew %.1f MiB (%,.0f faults) in a phase where the model copies nothing",
                    measuredGrowth, cell.measuredCopiedPages());
            default -> String.format(Locale.ROOT,
                    "the model charges it %.1f MiB%s of %.1f MiB predicted growth; the workers grew %.1f MiB"
                            + " (%,.0f faults) in all",
                    carrier.predictedMiB(),
                    carrier.predictedPages() > 0 ? String.format(Locale.ROOT, " (%,d pages)", carrier.predictedPages())
                            : "",
                    predictedGrowth, measuredGrowth, cell.measuredCopiedPages());
        };
        return head + ": " + why;
    }
}
