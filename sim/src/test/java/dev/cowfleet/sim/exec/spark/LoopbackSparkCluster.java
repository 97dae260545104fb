package dev.cowfleet.sim.exec.spark;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A real Spark standalone cluster on this machine: a master and workers, each its own JVM started
 * from the Maven-resolved Spark jars (nothing downloaded, no Spark installation), bound to 127.0.0.1
 * only, on ports the operating system picks. Every daemon runs under {@code timeout}, so even a killed
 * test leaves nothing running past its lifetime.
 *
 * <p>The class path of this JVM is split in two. Third-party jars (Spark and its dependencies) play
 * the part of a Spark installation's {@code jars/} directory: the daemons and the executors they
 * launch get them through {@code SPARK_DIST_CLASSPATH}. cowfleet's own classes (directories and
 * cowfleet-* jars) are not on the cluster: they are packed into application jars that the driver
 * ships with {@code spark.jars}, as a real deployment ships cowfleet.jar.
 */
final class LoopbackSparkCluster implements AutoCloseable {
    private static final String LOOPBACK = "127.0.0.1";
    private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");
    private static final Pattern REGISTERED = Pattern.compile("Successfully registered with master");
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final Path home;
    private final Duration lifetime;
    private final List<Process> daemons = new ArrayList<>();
    private final List<Path> applicationJars = new ArrayList<>();
    private final String sparkClassPath;
    private final int workers;
    private String masterUrl;

    private LoopbackSparkCluster(Path home, Duration lifetime, int workers) {
        this.home = home;
        this.lifetime = lifetime;
        this.workers = workers;
        List<String> libraries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path) || path.getFileName().toString().startsWith("cowfleet-")) {
                applicationJars.add(asJar(path));
            } else if (entry.endsWith(".jar")) {
                libraries.add(entry);
            }
        }
        this.sparkClassPath = String.join(File.pathSeparator, libraries);
    }

    /**
     * Starts a master and {@code workers} workers of one core each and waits until all have registered.
     *
     * @param lifetime how long the daemons may live at most, whatever happens to this JVM
     */
    static LoopbackSparkCluster start(int workers, Duration startTimeout, Duration lifetime) throws IOException {
        LoopbackSparkCluster cluster =
                new LoopbackSparkCluster(Files.createTempDirectory("cowfleet-spark-"), lifetime, workers);
        try {
            cluster.startDaemons(startTimeout);
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    String masterUrl() {
        return masterUrl;
    }

    /** What a driver needs to run on this cluster: loopback addresses, the application jars, sizes. */
    Map<String, String> driverSettings() {
        return Map.of(
                "spark.driver.host", LOOPBACK,
                "spark.driver.bindAddress", LOOPBACK,
                "spark.jars", String.join(",", applicationJars.stream().map(Path::toString).toList()),
                "spark.executor.memory", "512m",
                "spark.cores.max", Integer.toString(workers),
                "spark.task.maxFailures", "4");
    }

    List<Path> applicationJars() {
        return List.copyOf(applicationJars);
    }

    private void startDaemons(Duration startTimeout) throws IOException {
        Files.createDirectories(home.resolve("jars")); // Spark's launcher insists on SPARK_HOME/jars
        Instant deadline = Instant.now().plus(startTimeout);
        Path masterLog = home.resolve("master.log");
        // The REST submission server is off: it would take the fixed port 6066.
        Process master = launch(masterLog, List.of("-Dspark.master.rest.enabled=false",
                "org.apache.spark.deploy.master.Master", "--host", LOOPBACK, "--port", "0", "--webui-port", "0"));
        masterUrl = awaitLine(masterLog, MASTER_URL, master, deadline, "the Spark master");
        List<Path> workerLogs = new ArrayList<>();
        List<Process> workerProcesses = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Path workDir = Files.createDirectories(home.resolve("worker-" + i));
            Path log = home.resolve("worker-" + i + ".log");
            workerLogs.add(log);
            workerProcesses.add(launch(log, List.of("org.apache.spark.deploy.worker.Worker",
                    "--host", LOOPBACK, "--port", "0", "--webui-port", "0", "--cores", "1", "--memory", "1g",
                    "--work-dir", workDir.toString(), masterUrl)));
        }
        for (int i = 0; i < workers; i++) {
            awaitLine(workerLogs.get(i), REGISTERED, workerProcesses.get(i), deadline, "Spark worker " + i);
        }
    }

    /** Starts a daemon JVM; {@code arguments} are its system properties, main class and arguments. */
    private Process launch(Path log, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>();
        Path timeout = Path.of("/usr/bin/timeout");
        if (Files.isExecutable(timeout)) {
            command.addAll(List.of(timeout.toString(), "--kill-after=10", lifetime.toSeconds() + "s"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // The daemons only coordinate: a small heap and the quick compiler leave the cores to executors.
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptionArray()));
        command.addAll(List.of("-cp", sparkClassPath));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("SPARK_")); // no installed Spark leaks in
        environment.put("SPARK_HOME", home.toString());
        environment.put("SPARK_SCALA_VERSION", "2.13");
        environment.put("SPARK_DIST_CLASSPATH", sparkClassPath); // the executors' class path, too
        environment.put("SPARK_LOCAL_IP", LOOPBACK); // daemons and executors bind and advertise loopback
        environment.put("SPARK_LOCAL_HOSTNAME", LOOPBACK);
        Process process = builder.start();
        daemons.add(process);
        return process;
    }

    private static String awaitLine(Path log, Pattern pattern, Process process, Instant deadline, String what) {
        while (true) {
            String text = read(log);
            Matcher matcher = pattern.matcher(text);
            if (matcher.find()) {
                return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited with status " + process.exitValue() + ":\n"
                        + tail(text));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " did not come up in time:\n" + tail(text));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    /** The daemons' logs, for a failure message. */
    String logs() {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(home)) {
            files.filter(p -> p.toString().endsWith(".log")).sorted().forEach(p ->
                    all.append("== ").append(p.getFileName()).append('\n').append(tail(read(p))).append('\n'));
        } catch (IOException e) {
            all.append("(logs unreadable: ").append(e).append(")\n");
        }
        return all.toString();
    }

    /**
     * Stops workers (which stop their executors) and then the master, politely first, forcibly after a
     * grace period, and deletes the cluster's directory.
     */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (int i = daemons.size() - 1; i >= 0; i--) {
            ProcessHandle daemon = daemons.get(i).toHandle();
            daemon.descendants().forEach(all::add);
            all.add(daemon);
        }
        all.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        for (ProcessHandle process : all) {
            long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            try {
                process.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        }
        deleteRecursively(home);
    }

    private Path asJar(Path entry) {
        if (!Files.isDirectory(entry)) {
            return entry;
        }
        try {
            Path jarDir = Files.createDirectories(home.resolve("app"));
            Path jar = jarDir.resolve(applicationJars.size() + "-" + entry.getFileName() + ".jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                 Stream<Path> files = Files.walk(entry)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(entry.relativize(file).toString().replace(File.separatorChar, '/')));
                    Files.copy(file, (OutputStream) out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("could not pack " + entry + " into a jar", e);
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static String tail(String text) {
        String[] lines = text.split("\n");
        return String.join("\n", Arrays.asList(lines).subList(Math.max(0, lines.length - 40), lines.length));
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless; the processes are what had to go.
        }
    }
}
