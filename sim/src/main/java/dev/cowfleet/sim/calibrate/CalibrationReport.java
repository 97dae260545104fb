package dev.cowfleet.sim.calibrate;

import java.util.List;
import java.util.Optional;

/**
 * A calibration's result: what the probe measured and how the model compares, cell by cell.
 *
 * @param probe     the probe's full report (heap facts and raw worker figures)
 * @param heapYaml  the scenario heap section for this master
 * @param cells     one per policy and phase
 * @param tolerance the relative error a cell must stay within to pass (0.15)
 * @param inputs    per scenario key, the measurement the predictions took it from
 * @param scenarioYaml the scenario with every measured key, which {@code compare} runs as is
 */
public record CalibrationReport(ProbeReport probe, String heapYaml, List<CalibrationCell> cells, double tolerance,
                                java.util.Map<String, String> inputs, String scenarioYaml) {

    public static final double TOLERANCE = 0.15;

    public CalibrationReport {
        cells = List.copyOf(cells);
        inputs = java.util.Map.copyOf(inputs);
    }

    public CalibrationReport(ProbeReport probe, String heapYaml, List<CalibrationCell> cells, double tolerance) {
        this(probe, heapYaml, cells, tolerance, java.util.Map.of(), "");
    }

    public String python() {
        return probe.python().version();
    }

    public Optional<CalibrationCell> cell(String policy, Phase phase) {
        return cells.stream().filter(c -> c.policy().equals(policy) && c.phase().equals(phase.key())).findFirst();
    }

    public List<CalibrationCell> misses() {
        return cells.stream().filter(c -> !c.within(tolerance)).toList();
    }

    /** Why a cell misses, mechanism by mechanism; empty for a cell within tolerance. */
    public Optional<GapExplanation> explanation(CalibrationCell cell) {
        return cell.within(tolerance) ? Optional.empty() : Optional.of(GapExplanation.of(cell));
    }
}
