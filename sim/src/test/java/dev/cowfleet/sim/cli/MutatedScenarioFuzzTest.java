package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.scenario.EffectiveInput;
import dev.cowfleet.sim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Mutates the shipped scenarios the way a hurried or hostile user would (drops and duplicates lines, swaps
 * a value's type, writes boundary numbers, inserts random bytes, or sets any key to such values with
 * {@code --set}) and runs {@code cowfleet validate} on each: it must accept the file (exit 0) or refuse it as bad input (exit 2) with exactly one line, and
 * never fail otherwise nor hang. The seed is fixed and the tries bounded, so CI runs the same files each
 * time in a few seconds.
 */
class MutatedScenarioFuzzTest {
    private static final Path SHIPPED = Path.of("..", "scenarios");
    private static final List<String> TYPE_SWAPS = List.of("[1, 2]", "{a: 1}", "true", "null", "~", "\"\"", "''",
            "text", "[]", "{}", "- x", "&anchor 1", "*anchor", "!!binary aGk=", "!!java.lang.Runtime x", "|\n  block",
            "'unterminated", "{a: [", "@", "`", "%", "? x", "--- x");
    private static final List<String> BOUNDARY_NUMBERS = List.of("0", "-1", "1", "2147483647", "2147483648",
            "9223372036854775807", "9223372036854775808", "99999999999999999999999999999", "1e308", "1e-320", ".inf",
            "-.inf", ".nan", "0.0000000001", "0x10", "1_000", "00007", "1.", ".5", "0%", "100%", "101%", "-5%",
            "1e21/s", "1000000000000000000000/s", "0/s", "0.000001/s", "1ns", "0s", "36500d", "99999999999d", "1us",
            "0B", "1B", "9999999999TiB", "8EiB", "1G", "1B", "0k", "3.5M", "1h1h", "1h30m", "24:00", "1e3", "NaN",
            "+1", "1,000", "½", "١٢", "1\u00a0000");
    private static Path dir;
    private static ExecutorService runner;

    @BeforeContainer
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("cowfleet-fuzz");
        runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-validate");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterContainer
    static void tearDown() throws IOException {
        runner.shutdownNow();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 250, seed = "20261216", shrinking = ShrinkingMode.BOUNDED)
    void validateAcceptsOrRefusesOnOneLine(@ForAll("mutatedScenarios") byte[] scenario) throws Exception {
        Path file = dir.resolve("mutated.yaml");
        Files.write(file, scenario);
        assertAcceptedOrRefusedOnOneLine(List.of("validate", file.toString()),
                "scenario:\n" + new String(scenario, StandardCharsets.UTF_8));
    }

    /** The same through --set: any key of a shipped scenario (or a made-up path) with a hostile value. */
    @Property(tries = 120, seed = "20261216", shrinking = ShrinkingMode.BOUNDED)
    void overridesAreAcceptedOrRefusedOnOneLine(@ForAll("shippedScenario") Path scenario,
                                                @ForAll("hostileSets") List<String> sets) throws Exception {
        List<String> args = new ArrayList<>(List.of("validate", scenario.toString()));
        sets.forEach(set -> args.addAll(List.of("--set", set)));
        assertAcceptedOrRefusedOnOneLine(args, String.join(" ", args));
    }

    private static void assertAcceptedOrRefusedOnOneLine(List<String> args, String input) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Future<Integer> status = runner.submit(() -> Main.execute(args.toArray(String[]::new),
                new PrintWriter(out), new PrintWriter(err)));
        int exit;
        try {
            exit = status.get(20, TimeUnit.SECONDS);
        } catch (TimeoutException hang) {
            status.cancel(true);
            throw new AssertionError("validate hangs on " + input);
        }
        String stderr = err.toString();
        String context = "exit " + exit + ", stderr: " + stderr + "\n" + input;
        assertTrue(exit == 0 || exit == 2, context);
        if (exit == 0) {
            assertEquals("", stderr, context);
        } else {
            assertEquals(1, stderr.lines().count(), context);
            assertTrue(stderr.startsWith("cowfleet: ") && !stderr.contains("internal error"), context);
        }
    }

    @Provide
    Arbitrary<Path> shippedScenario() {
        return Arbitraries.of(shipped());
    }

    /** Key paths the shipped scenarios use, plus list indexes and made-up segments, each with a hostile value. */
    @Provide
    Arbitrary<List<String>> hostileSets() {
        List<String> keys = new ArrayList<>(shipped().stream()
                .flatMap(f -> ScenarioLoader.load(f, List.of()).effectiveInputs().stream())
                .map(EffectiveInput::key).distinct().sorted().toList());
        keys.addAll(List.of("policies.x", "policies.0.gc", "deploys.at.9", "heap.composition.kinds.0.count",
                "fleet.hostTypes.0.count", "a.b.c.d.e.f.g.h", "host", "heap", "whatIf.vary.host.workers"));
        List<String> values = new ArrayList<>(TYPE_SWAPS);
        values.addAll(BOUNDARY_NUMBERS);
        Arbitrary<String> set = Combinators.combine(Arbitraries.of(keys), Arbitraries.of(values))
                .as((key, value) -> key + "=" + value);
        return set.list().ofMinSize(1).ofMaxSize(3);
    }

    private static List<Path> shipped() {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedScenarios() {
        List<Path> shipped = shipped();
        Arbitrary<List<Mutation>> mutations = mutation().list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(Arbitraries.of(shipped), mutations).as((scenario, list) -> {
            try {
                byte[] bytes = Files.readAllBytes(scenario);
                for (Mutation m : list) {
                    bytes = m.applyTo(bytes);
                }
                return bytes;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
        Arbitrary<Mutation> drop = where.map(w -> lines -> edit(lines, w, (list, i) -> list.remove(i)));
        Arbitrary<Mutation> duplicate = where.map(w -> lines -> edit(lines, w, (list, i) -> list.add(i, list.get(i))));
        Arbitrary<Mutation> swapType = Combinators.combine(where, Arbitraries.of(TYPE_SWAPS))
                .as((w, value) -> lines -> edit(lines, w, (list, i) -> list.set(i, withValue(list.get(i), value))));
        Arbitrary<Mutation> boundary = Combinators.combine(where, Arbitraries.of(BOUNDARY_NUMBERS))
                .as((w, value) -> lines -> edit(lines, w, (list, i) -> list.set(i, withValue(list.get(i), value))));
        Arbitrary<Mutation> randomBytes = Combinators.combine(where,
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(12))
                .as((w, noise) -> bytes -> insert(bytes, w, noise));
        return Arbitraries.oneOf(drop, duplicate, swapType, boundary, randomBytes);
    }

    /** A change to a scenario file's bytes. */
    @FunctionalInterface
    private interface Mutation {
        byte[] applyTo(byte[] scenario);
    }

    @FunctionalInterface
    private interface LineEdit {
        void apply(List<String> lines, int index);
    }

    /** Applies an edit to the line at fraction {@code where} of the file, read leniently as UTF-8. */
    private static byte[] edit(byte[] scenario, double where, LineEdit edit) {
        List<String> lines = new ArrayList<>(new String(scenario, StandardCharsets.UTF_8).lines().toList());
        if (!lines.isEmpty()) {
            edit.apply(lines, (int) Math.min(lines.size() - 1, Math.floor(where * lines.size())));
        }
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** "  key: old  # note" becomes "  key: value"; a line without a key gets the value appended. */
    private static String withValue(String line, String value) {
        int colon = line.indexOf(": ");
        if (colon < 0 && line.endsWith(":")) {
            colon = line.length() - 1;
        }
        return colon < 0 ? line + value : line.substring(0, colon) + ": " + value;
    }

    private static byte[] insert(byte[] scenario, double where, byte[] noise) {
        int at = (int) Math.floor(where * scenario.length);
        byte[] out = new byte[scenario.length + noise.length];
        System.arraycopy(scenario, 0, out, 0, at);
        System.arraycopy(noise, 0, out, at, noise.length);
        System.arraycopy(scenario, at, out, at + noise.length, scenario.length - at);
        return out;
    }
}
