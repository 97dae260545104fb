package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warning comes on stderr before any simulation (here, before the engine the flags name fails to open). */
class SweepWarningTest {
    @TempDir
    Path tmp;

    @Test
    void varyingHostRamOnAFleetIsFlaggedBeforeSimulating() {
        CliRun run = CliRun.of("sweep", Path.of("..", "scenarios", "fleet-capacity.yaml").toString(),
                "--vary", "host.ram=16GiB,32GiB", "--engine", "no-such-engine", "--out", tmp.resolve("out").toString());
        assertEquals(2, run.status(), run::toString);
        assertEquals(List.of(
                "cowfleet: warning: host.ram does not change the fleet's hosts or cost, since each of its 2 host types "
                        + "sets its own ram; vary fleet.hostTypes.N.ram (N from 0) instead",
                "cowfleet: --engine must be local or spark, got 'no-such-engine'"), run.err().lines().toList());
    }
}
