package dev.cowfleet.sim.calibrate;

import java.util.function.Consumer;

/**
 * {@code cowfleet calibrate}: measure a real interpreter's heap and workers with the probe, then
 * replay the same experiment in the model and compare.
 */
public final class Calibration {
    /** Seed of the model's random draws; fixed so a calibration report is reproducible. */
    static final long MODEL_SEED = 2017;

    private Calibration() {
    }

    /** Runs the probe and the comparison; progress lines (the probe's) go to {@code progress}. */
    public static CalibrationReport run(CalibrationOptions options, Consumer<String> progress) {
        return compare(new ProbeRunner(progress).run(options));
    }

    public static CalibrationReport run(CalibrationOptions options) {
        return run(options, line -> { });
    }

    /** The comparison alone, for a probe report obtained earlier. */
    public static CalibrationReport compare(ProbeReport probe) {
        if (probe.experiment() == null) {
            throw new CalibrationException("probe report has no prefork experiment (run without --facts-only)");
        }
        CalibrationReport report = new CalibrationReport(probe, HeapFragment.yaml(probe),
                new Predictor(probe, MODEL_SEED).cells(), CalibrationReport.TOLERANCE, MeasuredInputs.of(probe).sources(), "");
        return new CalibrationReport(probe, report.heapYaml(), report.cells(), report.tolerance(), report.inputs(),
                ScenarioWriter.yaml(report, HostFacts.cores(), HostFacts.ramBytes()));
    }
}
