package dev.hero.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /docs} in headless Chromium on the real server: the page shows the five operations, the list's parameters and
 * response headers, "Try it out" and "Execute" on the list operation render a 200 with its X-Total-Count, and the
 * cursor of its Link header typed into "after" brings the next page; every resource the page loads comes from this server, and the
 * screenshots land in target/screenshots (and in docs/images with -Dhero.docs.screenshots=true).
 * Without Chromium it is skipped, unless CI=true: then it fails (.ci/install-test-deps installs it).
 */
class DocsPageBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dir;

    private static HeroServer server;

    @BeforeAll
    static void start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + CHROMIUM + " or " + CHROMEDRIVER + " is missing (.ci/install-test-deps installs them)");
        }
        Assumptions.assumeTrue(present, "no headless Chromium here (" + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver");
        server = HeroServer.start(EndToEndTest.settings(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "hero.db.url", "jdbc:sqlite:" + dir.resolve("docs.db"))));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void givenTheDocsPage_whenListIsTriedOut_thenTheFiveOperationsAndA200AreShown() throws Exception {
        OperationsTest.send(server.port(), "POST", "/heroes/", "{\"name\":\"Deadpond\",\"secret_name\":\"Dive Wilson\",\"age\":30}");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync",
                        "--window-size=1280,1300", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium"));
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        String base = "http://127.0.0.1:" + server.port();
        try {
            browser.get(base + "/docs");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            try {
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".opblock"), 5));
            } catch (RuntimeException e) {
                // a blank page: keep what explains it (the page, the browser console, a screenshot) under target/
                Files.createDirectories(SCREENSHOTS);
                Files.writeString(SCREENSHOTS.resolve("docs-failure.html"), browser.getPageSource()
                        + "\n<!-- console: " + browser.manage().logs().get("browser").getAll() + " -->");
                Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                        SCREENSHOTS.resolve("docs-failure.png"), StandardCopyOption.REPLACE_EXISTING);
                throw new AssertionError("/docs shows no operations; see " + SCREENSHOTS.resolve("docs-failure.html"), e);
            }

            List<String> operations = browser.findElements(By.cssSelector(".opblock-summary-method")).stream()
                    .map(e -> e.getText().trim() + " " + e.findElement(By.xpath("..")).findElement(By.cssSelector(".opblock-summary-path")).getText().trim())
                    .toList();
            assertThat(operations).containsExactlyInAnyOrder("POST /heroes/", "GET /heroes/",
                    "GET /heroes/{hero_id}", "PATCH /heroes/{hero_id}", "DELETE /heroes/{hero_id}");
            @SuppressWarnings("unchecked")
            List<String> loaded = (List<String>) browser.executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name)");
            assertThat(loaded).as("everything the page loaded").isNotEmpty().allMatch(url -> url.startsWith(base + "/"));
            save(browser, "docs-operations.png");

            WebElement list = browser.findElement(By.id("operations-heroes-read_heroes_heroes__get"));
            list.findElement(By.cssSelector(".opblock-summary")).click();
            wait.until(d -> !list.findElements(By.cssSelector(".try-out__btn")).isEmpty());
            list.findElement(By.cssSelector(".try-out__btn")).click();
            wait.until(d -> !list.findElements(By.cssSelector(".execute")).isEmpty());
            list.findElement(By.cssSelector(".execute")).click();
            By liveStatus = By.cssSelector(".live-responses-table tr.response .response-col_status");
            wait.until(d -> !list.findElements(liveStatus).isEmpty());

            assertThat(list.findElement(liveStatus).getText()).startsWith("200");
            assertThat(list.findElement(By.cssSelector(".live-responses-table")).getText()).contains("Deadpond").doesNotContain("Dive Wilson")
                    .containsIgnoringCase("x-total-count: 1");
            assertThat(list.findElements(By.cssSelector(".parameters .parameter__name")).stream().map(e -> e.getText().split("\\s")[0]).toList())
                    .as("the list's parameters").containsExactly("name", "min_age", "max_age", "sort", "offset", "limit", "after");
            assertThat(list.findElement(By.cssSelector("table.responses-table:not(.live-responses-table)")).getText()).contains("X-Total-Count").contains("Link");
            save(browser, "docs-page.png");

            // the next page, as a person would reach it on this page: the cursor of the Link header into "after"
            OperationsTest.send(server.port(), "POST", "/heroes/", "{\"name\":\"Spider-Boy\",\"secret_name\":\"Pedro\"}");
            type(list, "limit", "1");
            list.findElement(By.cssSelector(".execute")).click();
            By liveTable = By.cssSelector(".live-responses-table");
            wait.until(d -> list.findElement(liveTable).getText().contains("x-total-count: 2"));
            Matcher cursor = Pattern.compile("after=([A-Za-z0-9_-]+)>; rel=\"next\"").matcher(list.findElement(liveTable).getText());
            assertThat(cursor.find()).as("a Link to the next page in %s", list.findElement(liveTable).getText()).isTrue();
            type(list, "after", cursor.group(1));
            list.findElement(By.cssSelector(".execute")).click();
            wait.until(d -> list.findElement(liveTable).getText().contains("Spider-Boy"));

            assertThat(list.findElement(liveStatus).getText()).startsWith("200");
            assertThat(list.findElement(liveTable).getText()).doesNotContain("Deadpond").doesNotContain("link:");
        } finally {
            browser.quit();
        }
    }

    /** Replaces the text of a parameter's field in the tried-out operation. */
    private static void type(WebElement operation, String parameter, String text) {
        WebElement field = operation.findElement(By.cssSelector("tr[data-param-name='" + parameter + "'] input"));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Saves what the browser shows under target/screenshots; with {@code -Dhero.docs.screenshots=true} also into
     * docs/images, where the documentation shows it (so an ordinary test run leaves the working tree alone).
     */
    private static void save(ChromeDriver browser, String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        assertThat(Files.size(shot.toPath())).as("a blank page makes a tiny PNG").isGreaterThan(20_000);
        Files.createDirectories(SCREENSHOTS);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        if (Boolean.getBoolean("hero.docs.screenshots")) {
            Path docs = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "docs", "images", name);
            Files.createDirectories(docs.getParent());
            Files.copy(shot.toPath(), docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
