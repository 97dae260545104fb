package dev.cowfleet.sim.sweep;

import dev.cowfleet.sim.report.HtmlPage;
import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * sweep.html: the page to open after a sweep, self-contained like report.html. The grid as a table
 * (one row per point and policy, means ± the half-width of their 95% confidence interval), then the
 * charts; the numbers at full precision are in sweep.csv beside it.
 */
final class SweepPage {
    static final String FILE_NAME = "sweep.html";

    /** A chart written beside the page. */
    record Chart(String fileStem, String title, String caption, String svg) {
    }

    private SweepPage() {
    }

    static String render(SweepGrid grid, List<PointResult> points, Optional<Tornado.Result> tornado, List<Chart> charts) {
        RunResult first = points.get(0).result();
        StringBuilder out = new StringBuilder(HtmlPage.start(first.scenario() + " sweep"));
        out.append("<h1>").append(HtmlPage.escape(first.scenario())).append(": what-if sweep</h1>\n")
                .append("<p class=\"question\">").append(HtmlPage.escape(first.question())).append("</p>\n")
                .append("<p class=\"meta\">").append(points.size()).append(points.size() == 1 ? " point" : " points")
                .append(" × ").append(first.policies().size()).append(" policies · seed ").append(first.seed())
                .append(" at every point (common random numbers) · ").append(first.replications())
                .append(first.replications() == 1 ? " replication" : " replications")
                .append(" · savings against <b>").append(HtmlPage.escape(first.baseline())).append("</b>")
                .append(" · means ± half-width of their 95% confidence interval</p>\n");
        out.append("<h2 id=\"grid\">Grid</h2>\n").append(HtmlPage.wide(table(grid.keys(), points)));
        tornado.ifPresent(t -> out.append("<p>Tornado: each input moved down and up by ")
                .append(String.format(Locale.ROOT, "%.0f%%", 100 * t.fraction())).append(", following <b>")
                .append(HtmlPage.escape(t.policy())).append("</b> (its saving at the scenario's own values: ")
                .append(String.format(Locale.ROOT, "%.1f%%", t.baseSavings())).append(").</p>\n"));
        out.append("<h2 id=\"charts\">Charts</h2>\n");
        for (Chart chart : charts) {
            out.append(HtmlPage.figure(chart.fileStem(), chart.title(), chart.caption(), chart.svg()));
        }
        out.append("<p class=\"meta\">Machine-readable results are next to this page: ").append(SweepWriter.MARKER)
                .append(tornado.isPresent() ? ", tornado.csv" : "").append(".</p>\n").append(HtmlPage.end());
        return out.toString();
    }

    private static String table(List<String> keys, List<PointResult> points) {
        List<SweepFigures> figures = SweepFigures.of(points);
        StringBuilder out = new StringBuilder("<table class=\"grid\">\n<thead><tr>");
        for (String key : keys) {
            out.append("<th>").append(HtmlPage.escape(key)).append("</th>");
        }
        out.append("<th>policy</th>");
        for (SweepFigures figure : figures) {
            out.append("<th class=\"num\">").append(HtmlPage.escape(figure.heading())).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (PointResult point : points) {
            for (PolicyResult policy : point.result().policies()) {
                out.append("<tr>");
                for (String value : point.point().values()) {
                    out.append("<td>").append(HtmlPage.escape(value)).append("</td>");
                }
                out.append("<td>").append(HtmlPage.escape(policy.name())).append("</td>");
                for (SweepFigures figure : figures) {
                    out.append("<td class=\"num\">")
                            .append(HtmlPage.escape(figure.text().apply(figure.value().apply(policy)))).append("</td>");
                }
                out.append("</tr>\n");
            }
        }
        return out.append("</tbody>\n</table>\n").toString();
    }
}
