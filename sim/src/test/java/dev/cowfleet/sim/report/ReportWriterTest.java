package dev.cowfleet.sim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cowfleet.sim.result.PolicyResult;
import dev.cowfleet.sim.result.RunResult;
import dev.cowfleet.sim.result.TimeSeries;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReportWriterTest {
    private static final RunInfo INFO = new RunInfo(12.5, 2, "local", "0.1.0");
    private static final List<String> CHARTS = List.of("waterfall", "worker-lifetime", "host-memory", "copied-by-source",
            "deploy");

    /** Read-only tests share one written folder: drawing the charts is the slow part. */
    @TempDir
    static Path shared;
    private static Path written;

    @TempDir
    Path parent;

    @BeforeAll
    static void writeOnce() throws IOException {
        written = shared.resolve("instagram-2017");
        ReportWriter.write(Fixtures.run(), INFO, written, "run");
    }

    @Test
    void writesEveryOutputIntoTheFolderAndReturnsTheReport() throws IOException {
        Path out = parent.resolve("instagram-2017");
        Path report = ReportWriter.write(Fixtures.run(), INFO, out, "run");

        assertEquals(out.toAbsolutePath().resolve("report.html"), report);
        List<String> expected = new ArrayList<>(List.of(OwnershipMarker.FILE_NAME, "policies.csv", "report.html",
                "run-info.json", "summary.json", "timeseries.csv"));
        CHARTS.forEach(c -> {
            expected.add(c + ".png");
            expected.add(c + ".svg");
        });
        assertEquals(expected.stream().sorted().toList(), OutputFolderTest.entries(out));
        assertEquals(List.of("instagram-2017"), OutputFolderTest.entries(parent));
        assertEquals(SummaryJson.render(Fixtures.run()), Files.readString(out.resolve("summary.json")));
    }

    @Test
    void runInfoHoldsWhatSummaryMustNot() throws IOException {
        Path out = written;

        JsonNode info = JsonMapper.builder().build().readTree(Files.readString(out.resolve("run-info.json")));
        assertEquals(12.5, info.get("wallSeconds").asDouble());
        assertEquals(2, info.get("threads").asInt());
        assertEquals("local", info.get("engine").asString());
        assertEquals("0.1.0", info.get("version").asString());
        assertEquals(out.toAbsolutePath().toString(), info.get("output").asString());
    }

    @Test
    void chartsAreValidPngAndSvg() throws Exception {
        Path out = written;

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // The SVG's DOCTYPE names a W3C DTD; a test must not fetch it from the network.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (String chart : CHARTS) {
            BufferedImage png = ImageIO.read(out.resolve(chart + ".png").toFile());
            assertNotNull(png, chart + ".png is not a readable image");
            assertEquals(ReportChart.WIDTH, png.getWidth(), chart);
            Document svg = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(Files.readString(out.resolve(chart + ".svg")))));
            assertEquals("svg", svg.getDocumentElement().getNodeName(), chart);
        }
        assertEquals(150 + 230 * 3, ImageIO.read(out.resolve("host-memory.png").toFile()).getHeight());
    }

    @Test
    void reportIsSelfContainedAndEmbedsEveryChart() throws IOException {
        Path out = written;
        String html = Files.readString(out.resolve("report.html"));

        assertFalse(html.contains("http://") || html.contains("https://"), "network reference in report.html");
        assertFalse(html.contains("<script") || html.contains("<link"), "external resource in report.html");
        for (String chart : CHARTS) {
            String svg = Base64.getEncoder().encodeToString(Files.readAllBytes(out.resolve(chart + ".svg")));
            assertTrue(html.contains("src=\"data:image/svg+xml;base64," + svg + "\""), chart + " not embedded");
            assertTrue(html.contains("id=\"chart-" + chart + "\""), chart);
        }
        assertTrue(html.contains("default (baseline)"), "key table");
        assertTrue(html.contains("<td>server.minWorkerLifetime</td><td>10s</td>"), "effective inputs");
    }

    @Test
    void reportEscapesScenarioText() throws IOException {
        Path out = written;
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);

        assertTrue(html.contains("save &lt;8 GB&gt; per host"), "question escaped");
        assertTrue(html.contains("default: &lt;uwsgi&gt; profile &amp; more"), "origin escaped");
        assertTrue(html.contains("&quot;fast&quot;"), "description escaped");
        assertFalse(html.contains("<uwsgi>") || html.contains("<8 GB>"));
    }

    @Test
    void leavesTheDeployChartOutWhenTheScenarioHasNoDeploy() throws IOException {
        Path out = parent.resolve("run");
        ReportWriter.write(withPolicies(Fixtures.run(), p -> new PolicyResult(p.name(), p.description(), p.worker(),
                p.host(), p.copiedPagesBySource(), p.hostMemoryOverTime(), p.workerLifetime(), null,
                p.savingsVsBaselineHostMemoryPercent(), p.kills())), INFO, out, "run");

        assertFalse(Files.exists(out.resolve("deploy.png")));
        assertFalse(Files.readString(out.resolve("report.html")).contains("chart-deploy"));
    }

    @Test
    void aWriterFailingMidWayLeavesNoFolderBehind() {
        // The time series CSV is written after summary.json and rejects a ragged series.
        RunResult ragged = withPolicies(Fixtures.run(), ReportWriterTest::ragged);
        Path out = parent.resolve("run");

        assertThrows(IllegalArgumentException.class, () -> ReportWriter.write(ragged, INFO, out, "run"));
        assertEquals(List.of(), OutputFolderTest.entries(parent));
    }

    @Test
    void aFailedRunKeepsTheEarlierOutput() throws IOException {
        Path out = parent.resolve("run");
        ReportWriter.write(Fixtures.run(), INFO, out, "run");
        String before = Files.readString(out.resolve("summary.json"));

        assertThrows(IllegalArgumentException.class,
                () -> ReportWriter.write(withPolicies(Fixtures.run(), ReportWriterTest::ragged), INFO, out, "run"));

        assertEquals(before, Files.readString(out.resolve("summary.json")));
        assertEquals(List.of("run"), OutputFolderTest.entries(parent));
    }

    /** Still drawable (charts read only the named columns) but its last row has a value too many. */
    private static PolicyResult ragged(PolicyResult p) {
        TimeSeries s = p.hostMemoryOverTime();
        double[][] values = s.values().clone();
        values[values.length - 1] = Arrays.copyOf(values[values.length - 1], s.columns().size() + 1);
        TimeSeries broken = new TimeSeries(s.seconds(), s.columns(), values);
        return new PolicyResult(p.name(), p.description(), p.worker(), p.host(), p.copiedPagesBySource(),
                broken, p.workerLifetime(), p.deployWindow(), p.savingsVsBaselineHostMemoryPercent(), p.kills());
    }

    static RunResult withPolicies(RunResult run, UnaryOperator<PolicyResult> change) {
        return new RunResult(run.scenario(), run.question(), run.seed(), run.replications(), run.baseline(),
                run.policies().stream().map(change).toList(), run.inputs());
    }
}
