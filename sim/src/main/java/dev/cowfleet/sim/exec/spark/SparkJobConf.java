package dev.cowfleet.sim.exec.spark;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.SparkConf;

/** The Spark configuration of a cowfleet run: which master, which jars, and no UI or console bars. */
final class SparkJobConf {
    static final String DEFAULT_MASTER = "local[*]";
    private static final String LOOPBACK = "127.0.0.1";

    private SparkJobConf() {
    }

    /**
     * @param requestedMaster the master URL asked for, or null for the one spark-submit set (a
     *                        {@code spark.master} system property), else {@code local[*]}
     * @param settings        further Spark settings, applied last
     * @param applicationJar  the jar holding cowfleet's classes, shipped to executors of a cluster
     */
    static SparkConf create(String requestedMaster, Map<String, String> settings, Optional<Path> applicationJar) {
        SparkConf conf = new SparkConf(); // picks up the spark.* system properties that spark-submit sets
        String master = requestedMaster != null ? requestedMaster : conf.get("spark.master", DEFAULT_MASTER);
        conf.setMaster(master);
        conf.setIfMissing("spark.app.name", "cowfleet");
        // cowfleet prints its own progress line; a web UI would only open a port nobody asked for.
        conf.set("spark.ui.enabled", "false");
        conf.set("spark.ui.showConsoleProgress", "false");
        if (runsInThisJvm(master)) {
            // Nothing leaves the process, so nothing needs to listen beyond the loopback interface.
            conf.setIfMissing("spark.driver.host", LOOPBACK);
            conf.setIfMissing("spark.driver.bindAddress", LOOPBACK);
        }
        settings.forEach(conf::set);
        if (!runsInThisJvm(master) && !conf.contains("spark.jars")) {
            Path jar = applicationJar.orElseThrow(() -> new IllegalArgumentException("--spark-master " + master
                    + " runs tasks in other JVMs, which need cowfleet's classes in a jar; run "
                    + "sim/target/cowfleet.jar (the spark profile or spark-submit does) or set spark.jars"));
            conf.set("spark.jars", jar.toString());
        }
        return conf;
    }

    /** local, local[N] and local[N,F] run executors as threads of the driver; every other master does not. */
    static boolean runsInThisJvm(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    /** The jar this class was loaded from, if it was loaded from a jar (not from a classes directory). */
    static Optional<Path> applicationJar() {
        CodeSource source = SparkJobConf.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return location.toString().endsWith(".jar") ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
