package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scenarios/deploy-storm.yaml end to end, with the deploy moved to 10 min to fit the reduced run. The
 * deploy window itself is asserted in dev.cowfleet.sim.run.DeployStormTest, on the result model.
 */
class DeployStormEndToEndTest {
    private static final double DEPLOY_SECONDS = 600;

    @TempDir
    static Path tmp;

    private static ShippedRun run;

    @BeforeAll
    static void runOnce() throws IOException {
        run = ShippedRun.run("deploy-storm", tmp.resolve("out"), "--set", "deploys.at=[10m]");
    }

    @Test
    void summaryKeepsTheBindingKeysAndPolicyNames() {
        SummaryContract.check(run.summary, "deploy-storm", 60, 2);
        run.assertPolicies("threshold0", "threshold0", "threshold0-exit");
    }

    /** Each worker exiting at the deploy copies the 213 MiB still shared, unless os._exit skips finalization. */
    @Test
    void normalExitCopiesWhatIsStillSharedAndOsExitNothing() {
        assertTrue(run.copied("threshold0", "shutdown") >= 0.9 * run.figure("threshold0", "worker", "sharedAfterForkMiB"));
        assertEquals(0.0, run.copied("threshold0-exit", "shutdown"), 0.5);
    }

    /**
     * Common random numbers: the two policies differ only at exit, so until the deploy makes workers
     * exit, they must see the same traffic and hold the same memory, sample for sample.
     */
    @Test
    void policiesSeeTheSameTrafficUntilTheDeploy() throws IOException {
        List<String> rows = Files.readAllLines(run.folder.resolve("timeseries.csv"));
        List<String> normal = beforeDeploy(rows, "threshold0");
        List<String> osExit = beforeDeploy(rows, "threshold0-exit");
        assertEquals(60, normal.size(), "samples every 10 s before 10 min");
        assertEquals(normal, osExit);
    }

    private static List<String> beforeDeploy(List<String> rows, String policy) {
        return rows.stream().skip(1).map(row -> row.split(",", 2))
                .filter(cells -> cells[0].equals(policy))
                .map(cells -> cells[1])
                .filter(rest -> Double.parseDouble(rest.substring(0, rest.indexOf(','))) < DEPLOY_SECONDS)
                .toList();
    }
}
