package dev.cowfleet.sim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by every chart: fonts large enough to read in a report, white plots with light grid
 * lines, and one colour per memory source and per policy so a reader who learned "red is gc" or
 * "orange is threshold0" in one chart can rely on it in the next.
 */
public final class ChartStyle {
    /** Beyond this many policies on a category axis, their names are tilted so they do not overlap. */
    private static final int UPRIGHT_LABELS_MAX = 4;
    public static final Stroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final Stroke DASHED_LINE = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {9f, 6f}, 0f);

    /** Copy sources keep the colours of their meaning: gc red, refcount blue, baseline memory greys. */
    private static final Map<String, Color> SOURCE_COLOURS = Map.of(
            "master", new Color(0x6B, 0x6B, 0x6B),
            "baseline", new Color(0xB8, 0xB8, 0xB8),
            "refcount", new Color(0x1F, 0x77, 0xB4),
            "gc", new Color(0xD6, 0x27, 0x28),
            "allocator", new Color(0xFF, 0x7F, 0x0E),
            "mutation", new Color(0x94, 0x67, 0xBD),
            "shutdown", new Color(0x8C, 0x56, 0x4B),
            "heap-growth", new Color(0x2C, 0xA0, 0x2C));

    /** Okabe-Ito colours, distinguishable with the common colour-vision deficiencies. */
    private static final Color[] POLICY_COLOURS = {
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
        new Color(0x00, 0x00, 0x00), new Color(0x99, 0x99, 0x33)};

    /** For sources the model may add later: still distinct, still stable for a given name. */
    private static final Color[] FALLBACK_COLOURS = {
        new Color(0x17, 0xBE, 0xCF), new Color(0xBC, 0xBD, 0x22), new Color(0xE3, 0x77, 0xC2),
        new Color(0x39, 0x3B, 0x79)};

    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

    private ChartStyle() {
    }

    static Color source(String key) {
        Color colour = SOURCE_COLOURS.get(key);
        return colour != null ? colour : FALLBACK_COLOURS[Math.floorMod(key.hashCode(), FALLBACK_COLOURS.length)];
    }

    /** @param index the policy's position in the scenario, which is the same in every chart */
    public static Color policy(int index) {
        return POLICY_COLOURS[index % POLICY_COLOURS.length];
    }

    /** Tilts the names on a policy axis when there are too many to stand side by side. */
    static void labelPolicies(CategoryAxis axis, int policies) {
        if (policies > UPRIGHT_LABELS_MAX) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
    }

    public static void apply(JFreeChart chart) {
        StandardChartTheme theme = new StandardChartTheme("cowfleet");
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setPlotOutlinePaint(Color.GRAY);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
        theme.apply(chart);
        // Room on the right for the last tick label of an axis that ends at the last sample.
        chart.setPadding(new RectangleInsets(6, 6, 6, 22));
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
    }
}
