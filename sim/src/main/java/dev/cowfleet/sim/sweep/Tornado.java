package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.exec.ExecutionEngine;
import dev.cowfleet.sim.exec.Progress;
import dev.cowfleet.sim.scenario.EffectiveInput;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.run.ScenarioSource;
import dev.cowfleet.sim.scenario.Scenario;
import dev.cowfleet.sim.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One-at-a-time sensitivity: each key moved down and up by the same share of its effective value, every
 * other input at its scenario value, and the best policy's saving read off each run. The bars it yields,
 * widest first, say which inputs a capacity plan should measure most carefully.
 */
public final class Tornado {

    /**
     * The saving of the followed policy with one key low and high, in percent.
     *
     * @param lowValue  the key's value moved down, as written
     * @param highValue the key's value moved up, as written
     */
    public record Bar(String key, String lowValue, String highValue, double lowSavings, double highSavings) {
        public double swing() {
            return Math.abs(highSavings - lowSavings);
        }
    }

    /**
     * @param policy        the non-baseline policy that saves most at the scenario's values
     * @param baseSavings   its saving at the scenario's values, percent
     * @param fraction      the share each key was moved by
     * @param bars          one per key, widest swing first
     */
    public record Result(String policy, double baseSavings, double fraction, List<Bar> bars) {
    }

    /** One run the tornado needs: a key set low or high. */
    record Variant(String key, String lowValue, String highValue) {
    }

    private Tornado() {
    }

    /** Checks every key has a numeric value and both its moved values are valid, without simulating. */
    public static void validate(ScenarioSource source, double fraction, List<String> keys) {
        variants(source, fraction, keys);
    }

    /** The low and high value of each key, validated as overrides before anything runs. */
    static List<Variant> variants(ScenarioSource source, double fraction, List<String> keys) {
        if (keys.isEmpty()) {
            throw new ScenarioException("tornado: expected at least one key, e.g. --tornado-key host.ram");
        }
        Scenario scenario = source.load();
        List<Variant> variants = new ArrayList<>();
        for (String key : keys) {
            String base = scenario.effectiveInputs().stream().filter(input -> input.key().equals(key))
                    .map(EffectiveInput::value).findFirst()
                    .orElseThrow(() -> new ScenarioException("tornado key '" + key + "': not a key of scenario "
                            + scenario.name() + "; expected a key path like heap.measured.heapSize"));
            Variant variant = new Variant(key, ScaledValue.scale(key, base, 1 - fraction),
                    ScaledValue.scale(key, base, 1 + fraction));
            for (String value : List.of(variant.lowValue(), variant.highValue())) {
                try {
                    source.with(List.of(key + "=" + value)).load();
                } catch (ScenarioException e) {
                    throw new ScenarioException("tornado key '" + key + "' at " + value + ": " + e.getMessage());
                }
            }
            variants.add(variant);
        }
        return variants;
    }

    public static Result run(ScenarioSource source, double fraction, List<String> keys, ExecutionEngine engine,
                             Function<String, Progress> progress) {
        List<Variant> variants = variants(source, fraction, keys);
        Simulation simulation = Simulation.of(source);
        RunResult base = simulation.run(source, engine, progress.apply("tornado base"));
        String policy = Savings.bestPolicy(base);
        List<Bar> bars = new ArrayList<>();
        for (Variant v : variants) {
            double low = savings(simulation, source, v.key(), v.lowValue(), policy, engine, progress);
            double high = savings(simulation, source, v.key(), v.highValue(), policy, engine, progress);
            bars.add(new Bar(v.key(), v.lowValue(), v.highValue(), low, high));
        }
        bars.sort(Comparator.comparingDouble(Bar::swing).reversed());
        return new Result(policy, Savings.of(base.policy(policy)).mean(), fraction, bars);
    }

    private static double savings(Simulation simulation, ScenarioSource source, String key, String value, String policy,
                                  ExecutionEngine engine, Function<String, Progress> progress) {
        String set = key + "=" + value;
        RunResult result = simulation.run(source.with(List.of(set)), engine, progress.apply("tornado " + set));
        return Savings.of(result.policy(policy)).mean();
    }
}
