package dev.cowfleet.sim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Opens report.html and sweep.html in headless Chromium (Debian's chromium and chromium-driver, which
 * .ci/run installs) and checks what a reader sees: no console errors, every chart drawn with a size,
 * the headline and the key table. Screenshots land in target/browser/ for people to look at. A machine
 * without Chromium fails this test rather than skipping it, so CI cannot pass without a browser.
 */
class ReportInBrowserTest {

    private static final Path WORK = Path.of("target", "browser");
    private static final List<Path> CHROMIUM = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private static final List<Path> CHROMEDRIVER = List.of(Path.of("/usr/bin/chromedriver"));

    /** Chromium's profile, removed after the tests. */
    @TempDir
    static Path profile;

    private static ChromeDriverService service;
    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        Path chromium = find(CHROMIUM, "chromium");
        Path driver = find(CHROMEDRIVER, "chromium-driver");
        Files.createDirectories(WORK);
        service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopBrowser() {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
        }
    }

    @Test
    void consoleErrorsAreSeenAtAll() {
        browser.get("data:text/html,<script>console.error('cowfleet-probe')</script>");
        assertTrue(severe().stream().anyMatch(e -> e.getMessage().contains("cowfleet-probe")),
                "the console check would miss errors");
    }

    @Test
    void reportShowsHeadlineKeyTableAndEveryChart() throws IOException {
        Path out = WORK.resolve("report");
        CliRun run = CliRun.of("run", "src/test/resources/cli/small.yaml", "--replications", "2", "--quiet",
                "--out", out.toString());
        assertEquals(0, run.status(), run.toString());
        open(out.resolve("report.html"));
        String headline = browser.findElement(By.id("headline")).getText();
        assertTrue(headline.matches(".* saves .*% ± .* of host memory .* against default.*"), headline);
        List<WebElement> keyRows = browser.findElements(By.cssSelector("table.key tbody tr"));
        assertEquals(2, keyRows.size(), "one key-table row per policy");
        assertChartsDrawn(out);
        screenshot("report.png");
        assertEquals(List.of(), severe(), "console errors on report.html");
    }

    @Test
    void sweepPageShowsGridAndEveryChart() throws IOException {
        Path out = WORK.resolve("sweep");
        CliRun sweep = CliRun.of("sweep", "src/test/resources/sweep/tiny.yaml", "--vary", "host.workers=2,4",
                "--replications", "2", "--quiet", "--tornado", "20%", "--tornado-key", "heap.measured.heapSize",
                "--out", out.toString());
        assertEquals(0, sweep.status(), sweep.toString());
        open(out.resolve("sweep.html"));
        assertFalse(browser.findElements(By.cssSelector("table tbody tr")).isEmpty(), "the grid table");
        assertChartsDrawn(out);
        screenshot("sweep.png");
        assertEquals(List.of(), severe(), "console errors on sweep.html");
    }

    private static void open(Path page) {
        severe(); // drop what earlier pages logged
        browser.get(page.toUri().toString());
    }

    /** One figure per chart file, each image decoded and laid out with a non-zero size. */
    private static void assertChartsDrawn(Path folder) throws IOException {
        List<String> stems;
        try (Stream<Path> files = Files.list(folder)) {
            stems = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".svg"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
        assertFalse(stems.isEmpty());
        for (String stem : stems) {
            WebElement image = browser.findElement(By.cssSelector("figure#chart-" + stem + " img"));
            Object natural = ((JavascriptExecutor) browser).executeScript(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0;", image);
            assertTrue(((Number) natural).intValue() > 0, stem + " did not decode");
            assertTrue(image.getRect().getWidth() > 0 && image.getRect().getHeight() > 0, stem + " has no size");
        }
        assertEquals(stems.size(), browser.findElements(By.cssSelector("figure img")).size(), "one figure per chart");
    }

    private static void screenshot(String name) throws IOException {
        Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(1280, Math.min(12_000, Math.max(1000, height.intValue()))));
        Files.write(WORK.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    private static List<LogEntry> severe() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    private static Path find(List<Path> candidates, String debianPackage) {
        Optional<Path> found = candidates.stream().filter(Files::isExecutable).findFirst();
        if (found.isEmpty()) {
            fail(debianPackage + " is not installed (" + candidates + "): the browser test needs it; "
                    + ".ci/run installs it with apt-get, or run: sudo apt-get install -y chromium chromium-driver");
        }
        return found.get();
    }
}
