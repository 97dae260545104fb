package dev.cowfleet.sim.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few Python-version facts the scenario loader needs for defaults and validation, each from PRIMER §1
 * and §3. The physics of each version lives in the models' interpreter profiles; this table only decides
 * default thresholds and which policies a version can run.
 */
final class PythonDefaults {

    static final String EXPECTED = "a Python version from 3.6 to 3.14.x like \"3.12\"";

    private static final Pattern VERSION = Pattern.compile("3\\.(\\d{1,2})(?:\\.(\\d{1,2}))?");
    private static final int OLDEST_MINOR = 6;
    private static final int NEWEST_MINOR = 14;
    /** {@code gc.freeze()} arrived in 3.7 (bpo-31558). */
    private static final int FREEZE_MINOR = 7;
    /** Immortal objects arrived in 3.12 (PEP 683). */
    private static final int IMMORTAL_MINOR = 12;
    /** 3.13 raised the default threshold0 from 700 to 2000. */
    private static final int RAISED_THRESHOLD_MINOR = 13;

    static final ValueKind<String> VERSION_KIND = Kinds.scalar(EXPECTED, PythonDefaults::validate, v -> v);

    private PythonDefaults() {
    }

    /** The version text if it is one cowfleet models, e.g. "3.6" or "3.11.7". */
    static String validate(String text) {
        Matcher m = VERSION.matcher(text.trim());
        if (!m.matches() || minor(text) < OLDEST_MINOR || minor(text) > NEWEST_MINOR) {
            throw new ScenarioException("expected " + EXPECTED + ", got '" + text + "'");
        }
        return text.trim();
    }

    static PolicySpec.Thresholds defaultThresholds(String version) {
        return new PolicySpec.Thresholds(minor(version) >= RAISED_THRESHOLD_MINOR ? 2000 : 700, 10, 10);
    }

    static boolean supportsFreeze(String version) {
        return minor(version) >= FREEZE_MINOR;
    }

    static boolean supportsImmortalize(String version) {
        return minor(version) >= IMMORTAL_MINOR;
    }

    /** Origin of a value taken from this version's defaults, e.g. "default (python 3.6 profile)". */
    static String profileOrigin(String version) {
        return "default (python " + version + " profile)";
    }

    private static int minor(String version) {
        Matcher m = VERSION.matcher(version.trim());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
