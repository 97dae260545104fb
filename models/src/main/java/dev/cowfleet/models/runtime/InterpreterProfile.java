package dev.cowfleet.models.runtime;

/**
 * What a CPython series does that matters for copy-on-write, read from CPython's own source
 * ({@code Modules/gcmodule.c} up to 3.12, {@code Python/gc.c} from 3.13, {@code Python/pylifecycle.c}).
 *
 * <ul>
 *   <li>Default thresholds: (700, 10, 10) up to 3.12, (2000, 10, 10) from 3.13; the incremental
 *       collector of 3.14.0-3.14.4 has one young generation (threshold 2000) and an old space that
 *       every young collection scans a slice of.</li>
 *   <li>{@code PyGC_Head} size on 64-bit: 24 B in 3.6 and 3.7.0-3.7.3, 32 B in 3.7.4+ (inferred,
 *       PRIMER section 3), 16 B from 3.8 (the two-word header of bpo-33597).</li>
 *   <li>Finalization: up to 3.9 {@code Py_FinalizeEx} calls {@code _PyGC_CollectIfEnabled()} (skipped
 *       under {@code gc.disable()}, not under {@code set_threshold(0)}), then
 *       {@code PyImport_Cleanup()} calls {@code _PyGC_CollectNoFail()} unconditionally. From 3.10
 *       (bpo-42208) the enabled-only call is compiled out and only the unconditional one remains.</li>
 * </ul>
 */
public final class InterpreterProfile {
    /** {@code SCAN_RATE_DIVISOR} in 3.14's {@code Python/gc.c}. */
    private static final int SCAN_RATE_DIVISOR = 10;

    private final PythonVersion version;
    private final String id;
    private final GcThresholds defaultThresholds;
    private final int gcHeadBytes;
    private final boolean incremental;

    private InterpreterProfile(PythonVersion version, String id, GcThresholds thresholds, int gcHeadBytes,
                               boolean incremental) {
        this.version = version;
        this.id = id;
        this.defaultThresholds = thresholds;
        this.gcHeadBytes = gcHeadBytes;
        this.incremental = incremental;
    }

    /** The profile of the series {@code version} belongs to. */
    public static InterpreterProfile forVersion(PythonVersion version) {
        int minor = version.minor();
        GcThresholds classic = new GcThresholds(700, 10, 10);
        GcThresholds raised = new GcThresholds(2000, 10, 10);
        if (minor == 6) {
            return new InterpreterProfile(version, "3.6", classic, 24, false);
        }
        if (minor == 7) {
            boolean wide = version.atLeast(7, 4);
            return new InterpreterProfile(version, wide ? "3.7.4+" : "3.7.0-3.7.3", classic, wide ? 32 : 24, false);
        }
        if (minor <= 11) {
            return new InterpreterProfile(version, "3.8-3.11", classic, 16, false);
        }
        if (minor == 12) {
            return new InterpreterProfile(version, "3.12", classic, 16, false);
        }
        if (minor == 13) {
            return new InterpreterProfile(version, "3.13", raised, 16, false);
        }
        boolean incremental = !version.atLeast(14, 5);
        return new InterpreterProfile(version, incremental ? "3.14.0-3.14.4" : "3.14.5+",
                incremental ? new GcThresholds(2000, 10, 0) : raised, 16, incremental);
    }

    public PythonVersion version() {
        return version;
    }

    /** Short name of the series, e.g. "3.8-3.11" or "3.14.0-3.14.4". */
    public String id() {
        return id;
    }

    public GcThresholds defaultThresholds() {
        return defaultThresholds;
    }

    /** Bytes of {@code PyGC_Head} in front of every tracked object. */
    public int gcHeadBytes() {
        return gcHeadBytes;
    }

    /** pymalloc's block alignment: 16 bytes from 3.8 (bpo-27987), 8 before. */
    public int allocationAlignmentBytes() {
        return version.minor() >= 8 ? 16 : 8;
    }

    /** {@code gc.freeze()} exists from 3.7 (bpo-31558). */
    public boolean supportsFreeze() {
        return version.minor() >= 7;
    }

    /** Immortal objects exist from 3.12 (PEP 683), which Cinder-style heap immortalization needs. */
    public boolean supportsImmortalize() {
        return version.minor() >= 12;
    }

    /** True for 3.14.0-3.14.4: one young generation plus an incrementally scanned old space. */
    public boolean incremental() {
        return incremental;
    }

    /**
     * The share of the heap each young collection scans in the old space with default thresholds
     * (heap / SCAN_RATE_DIVISOR / threshold1 = 1%); 0 for the generational collectors.
     */
    public double incrementalOldFraction() {
        return incremental ? incrementalOldFraction(defaultThresholds) : 0;
    }

    /** As {@link #incrementalOldFraction()}, for the given thresholds (the middle one is the scale factor, min 2). */
    public double incrementalOldFraction(GcThresholds thresholds) {
        return incremental ? 1.0 / (SCAN_RATE_DIVISOR * Math.max(2, thresholds.middle())) : 0;
    }

    /**
     * Full collections {@code Py_Finalize} runs at a normal exit: the unconditional
     * {@code _PyGC_CollectNoFail()}, plus {@code _PyGC_CollectIfEnabled()} up to 3.9 when the
     * collector's enabled flag is set.
     */
    public int finalCollections(boolean gcEnabledFlag) {
        return 1 + (version.minor() <= 9 && gcEnabledFlag ? 1 : 0);
    }

    @Override
    public String toString() {
        return "CPython " + version + " (" + id + ")";
    }
}
