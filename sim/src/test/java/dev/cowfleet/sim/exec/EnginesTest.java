package dev.cowfleet.sim.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnginesTest {

    @Test
    void localIsAThreadPoolOfTheAskedSize() {
        try (ExecutionEngine engine = Engines.create("local", 3, null)) {
            assertEquals("local[3]", engine.describe());
        }
    }

    @Test
    void anUnknownEngineNamesTheChoices() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Engines.create("dask", 2, null));
        assertEquals("--engine must be local or spark, got 'dask'", error.getMessage());
    }

    @Test
    void aSparkMasterWithTheLocalEngineIsAMistake() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Engines.create("local", 2, "spark://127.0.0.1:7077"));
        assertTrue(error.getMessage().contains("needs --engine spark"), error.getMessage());
    }

    @Test
    void sparkWithoutSparkOnTheClassPathSaysHowToRunIt() {
        // The platform class loader sees the JDK only: the situation of a plain java -jar cowfleet.jar.
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Engines.create("spark", 2, null, ClassLoader.getPlatformClassLoader()));
        assertEquals("--engine spark needs Apache Spark on the class path; run it with " + Engines.SPARK_LAUNCHER,
                error.getMessage());
    }
}
