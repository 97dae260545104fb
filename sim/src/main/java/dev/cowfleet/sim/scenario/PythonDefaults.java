package dev.cowfleet.sim.scenario;

import dev.cowfleet.models.runtime.InterpreterProfile;
import dev.cowfleet.models.runtime.ModelInputException;
import dev.cowfleet.models.runtime.PythonVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario's {@code python} values: which versions cowfleet models, and the models' interpreter profile
 * for each, so that the scenario and the physics agree on defaults and limits.
 */
final class PythonDefaults {

    static final String EXPECTED = "a Python version from " + PythonVersion.SUPPORTED + " like \"3.12\"";

    static final ValueKind<String> VERSION_KIND = Kinds.scalar(EXPECTED, PythonDefaults::validate, v -> v,
            UnitSchemas.text(EXPECTED, versionPattern()));

    private PythonDefaults() {
    }

    /** The version text if it is one cowfleet models, e.g. "3.6" or "3.11.7". */
    static String validate(String text) {
        profile(text);
        return text.trim();
    }

    /** Origin of a value taken from this version's profile, e.g. "default (python 3.6 profile)". */
    static String profileOrigin(String version) {
        return "default (python " + profile(version).id() + " profile)";
    }

    /** The 3.N series the models have a profile for, as a pattern editors check ("3.12", "3.11.7"). */
    private static String versionPattern() {
        List<String> minors = new ArrayList<>();
        for (int minor = 0; minor < 100; minor++) {
            try {
                profile("3." + minor);
                minors.add(Integer.toString(minor));
            } catch (ScenarioException unsupported) {
                // not a series cowfleet models
            }
        }
        return "^\\s*3\\.(" + String.join("|", minors) + ")(\\.\\d+)?\\s*$";
    }

    static InterpreterProfile profile(String text) {
        try {
            return InterpreterProfile.forVersion(PythonVersion.parse(text.trim()));
        } catch (ModelInputException e) {
            throw new ScenarioException("expected " + EXPECTED + ", got '" + text + "'");
        }
    }
}
