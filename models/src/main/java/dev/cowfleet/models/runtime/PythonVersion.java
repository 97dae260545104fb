package dev.cowfleet.models.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CPython version. The patch level matters only where CPython changed inside a series
 * (PyGC_Head in 3.7.4, the incremental collector in 3.14.0-3.14.4); a version written without a
 * patch ("3.14") means the series as first released (.0), which is what {@link #effectivePatch()}
 * returns.
 */
public record PythonVersion(int major, int minor, int patch) implements Comparable<PythonVersion> {
    /** Marks a version written without a patch level, e.g. "3.6". */
    public static final int UNSPECIFIED_PATCH = -1;
    /** The oldest and newest 3.x series cowfleet models; a new series is a new {@link InterpreterProfile} and this. */
    public static final int OLDEST_MINOR = 6;
    public static final int NEWEST_MINOR = 14;
    /** The supported range as users read it, e.g. "3.6 to 3.14.x". */
    public static final String SUPPORTED = "3." + OLDEST_MINOR + " to 3." + NEWEST_MINOR + ".x";

    private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    public PythonVersion {
        if (major != 3 || minor < OLDEST_MINOR || minor > NEWEST_MINOR || patch < UNSPECIFIED_PATCH) {
            throw new ModelInputException("python: supported versions are 3." + OLDEST_MINOR + " .. 3." + NEWEST_MINOR
                    + ".x, got "
                    + major + "." + minor + (patch == UNSPECIFIED_PATCH ? "" : "." + patch));
        }
    }

    /** Parses "3.6", "3.11.7" or "3.14.5". */
    public static PythonVersion parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new ModelInputException("python: expected a version like \"3.6\" or \"3.14.5\", got \"" + text + "\"");
        }
        int patch = m.group(3) == null ? UNSPECIFIED_PATCH : Integer.parseInt(m.group(3));
        return new PythonVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch);
    }

    /** The patch level used for behaviour: an unspecified patch is the .0 release. */
    public int effectivePatch() {
        return patch == UNSPECIFIED_PATCH ? 0 : patch;
    }

    /** True when this version is at least {@code minor.patch} within major 3. */
    public boolean atLeast(int minMinor, int minPatch) {
        return minor > minMinor || (minor == minMinor && effectivePatch() >= minPatch);
    }

    @Override
    public int compareTo(PythonVersion o) {
        if (minor != o.minor) {
            return Integer.compare(minor, o.minor);
        }
        return Integer.compare(effectivePatch(), o.effectivePatch());
    }

    @Override
    public String toString() {
        return major + "." + minor + (patch == UNSPECIFIED_PATCH ? "" : "." + patch);
    }
}
