package dev.cowfleet.sim.exec;

import java.lang.reflect.InvocationTargetException;

/**
 * Makes the execution engine a command line asks for. Spark is optional at run time (a provided
 * dependency), so its engine is loaded by name: cowfleet.jar alone never touches a Spark class.
 */
public final class Engines {
    /** How to run cowfleet with Spark on the class path; named in the error when Spark is missing. */
    public static final String SPARK_LAUNCHER =
            "mvn -q -Pspark -pl sim -am package -DskipTests -Dcowfleet.args=\"...\" from a clone, "
                    + "or spark-submit --class dev.cowfleet.sim.cli.Main cowfleet.jar ...";

    private static final String SPARK_CONTEXT = "org.apache.spark.SparkContext";
    private static final String SPARK_ENGINE = "dev.cowfleet.sim.exec.spark.SparkEngine";

    private Engines() {
    }

    /**
     * @param name        {@code local} (a thread pool in this JVM) or {@code spark}
     * @param threads     threads of the local engine; a Spark engine takes its parallelism from the master
     * @param sparkMaster a Spark master URL ({@code local[*]}, {@code spark://host:7077}, ...), or null for
     *                    the one spark-submit set, else {@code local[*]}; only with {@code spark}
     */
    public static ExecutionEngine create(String name, int threads, String sparkMaster) {
        return create(name, threads, sparkMaster, Engines.class.getClassLoader());
    }

    static ExecutionEngine create(String name, int threads, String sparkMaster, ClassLoader classes) {
        switch (name) {
            case "local":
                if (sparkMaster != null) {
                    throw new IllegalArgumentException("--spark-master " + sparkMaster
                            + " needs --engine spark, got --engine local");
                }
                return new LocalEngine(threads);
            case "spark":
                return startSpark(sparkMaster, classes);
            default:
                throw new IllegalArgumentException("--engine must be local or spark, got '" + name + "'");
        }
    }

    private static ExecutionEngine startSpark(String sparkMaster, ClassLoader classes) {
        try {
            Class.forName(SPARK_CONTEXT, false, classes);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(
                    "--engine spark needs Apache Spark on the class path; run it with " + SPARK_LAUNCHER);
        }
        try {
            Object engine = Class.forName(SPARK_ENGINE, true, classes)
                    .getMethod("start", String.class)
                    .invoke(null, sparkMaster);
            return (ExecutionEngine) engine;
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("could not start the Spark engine: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cowfleet's Spark engine is missing from this build: " + e, e);
        }
    }
}
