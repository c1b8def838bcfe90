package dev.pdpkit.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.api.ApiStats;
import dev.pdpkit.emulator.auth.ApprovalMode;
import dev.pdpkit.examples.claim.ClaimApp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The claim flow as a person goes through it: the example application's page, "Claim it", the emulator's consent
 * page (pick a workspace, Approve or Deny), the callback and the result page, in headless Chromium. Needs Debian's
 * {@code chromium} and {@code chromium-driver} packages ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver});
 * Selenium Manager is never used.
 */
class ClaimFlowBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PrismaEmulator emulator;
    private static PrismaManagement asUser;

    private ClaimApp app;
    private String projectId;
    private Path profile;
    private ChromeDriverService service;
    private WebDriver driver;
    private WebDriverWait wait;

    @BeforeAll
    static void startEmulator() {
        assumeTrue(Files.exists(CHROMIUM), "/usr/bin/chromium is absent: install Debian's chromium and"
                + " chromium-driver packages (apt-get install -y chromium chromium-driver) to run the browser test");
        assertThat(CHROMEDRIVER).as("/usr/bin/chromium is installed but /usr/bin/chromedriver is not: install"
                + " Debian's chromium-driver package").isExecutable();
        emulator = PrismaEmulator.builder().approvalMode(ApprovalMode.CONSENT_PAGE).start();
        asUser = PrismaManagement.builder().baseUrl(emulator.baseUrl()).serviceToken(emulator.userServiceToken())
                .build();
    }

    @AfterAll
    static void stopEmulator() {
        if (asUser != null) {
            asUser.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        app = ClaimApp.start(ClaimApp.Settings.forEmulator(emulator, 0));
        projectId = app.offeredProjects().get(0);
        profile = Files.createTempDirectory("pdpkit-chromium-");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL); // to read the callback URL the browser was sent to
        options.setCapability("goog:loggingPrefs", logs);
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
        if (app != null) {
            app.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void approvingMovesTheDatabaseIntoTheUsersWorkspaceAndAReplayedCallbackDoesNothing() throws IOException {
        clickClaimIt();
        approveOnConsentPage();

        WebElement outcome = resultOutcome();
        assertThat(outcome.getAttribute("data-outcome")).isEqualTo("claimed");
        assertThat(driver.findElement(By.id("project-id")).getText()).isEqualTo(projectId);
        assertThat(driver.getCurrentUrl()).isEqualTo(app.baseUrl() + "/result");
        // Through the API: the project is now in the user's workspace.
        assertThat(asUser.projects().get(projectId).workspace().id()).isEqualTo(emulator.userWorkspace().id());

        String callback = callbackUrlSeenByTheBrowser();
        assertThat(callback).contains("code=").contains("state=");
        long transfers = emulator.stats().count(ApiStats.PROJECTS_TRANSFERRED);
        long tokenRequests = emulator.authServer().orElseThrow().counters().tokenRequests();

        driver.get(callback);

        assertThat(resultOutcome().getAttribute("data-outcome")).isEqualTo("expired");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("already used").contains("Nothing was"
                + " changed");
        assertThat(emulator.stats().count(ApiStats.PROJECTS_TRANSFERRED)).isEqualTo(transfers);
        assertThat(emulator.authServer().orElseThrow().counters().tokenRequests()).isEqualTo(tokenRequests);
        assertThat(asUser.projects().get(projectId).workspace().id()).isEqualTo(emulator.userWorkspace().id());

        driver.get(app.baseUrl() + "/");
        assertThat(driver.findElement(By.tagName("body")).getText()).contains("no longer here");
    }

    @Test
    void denyingLeavesTheDatabaseWithThePartner() {
        clickClaimIt();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[value=deny]"))).click();

        WebElement outcome = resultOutcome();
        assertThat(outcome.getAttribute("data-outcome")).isEqualTo("cancelled");
        assertThat(outcome.getText()).contains("nothing was changed");
        assertThat(emulator.projectWorkspace(projectId)).contains(emulator.partnerWorkspace().id());
        assertThat(driver.getCurrentUrl()).doesNotContain("code=").doesNotContain("error=");

        // The database can still be claimed afterwards.
        driver.get(app.baseUrl() + "/");
        clickClaimIt();
        approveOnConsentPage();
        assertThat(resultOutcome().getAttribute("data-outcome")).isEqualTo("claimed");
        assertThat(asUser.projects().get(projectId).workspace().id()).isEqualTo(emulator.userWorkspace().id());
    }

    // ---------------------------------------------------------------------------------------------- steps

    private void clickClaimIt() {
        if (!driver.getCurrentUrl().startsWith(app.baseUrl())) {
            driver.get(app.baseUrl() + "/");
        }
        assertThat(driver.findElement(By.className("project-id")).getText()).isEqualTo(projectId);
        driver.findElement(By.id("claim-" + projectId)).click();
        waitFor(d -> d.getCurrentUrl().startsWith(emulator.issuerUrl() + "/authorize"), "the authorization page");
    }

    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition, String what) {
        try {
            wait.until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; the browser shows " + driver.getCurrentUrl()
                    + ":\n" + driver.getPageSource(), e);
        }
    }

    private void approveOnConsentPage() {
        String userWorkspace = emulator.userWorkspace().id();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("input[name=workspace][value='" + userWorkspace + "']"))).click();
        driver.findElement(By.cssSelector("button[value=approve]")).click();
    }

    private WebElement resultOutcome() {
        waitFor(d -> d.getCurrentUrl().equals(app.baseUrl() + "/result"), "the result page");
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")));
    }

    /** The last navigation to the app's callback, from Chromium's performance log (Network.requestWillBeSent). */
    private String callbackUrlSeenByTheBrowser() throws IOException {
        String prefix = app.baseUrl() + "/callback?";
        String found = null;
        List<LogEntry> entries = driver.manage().logs().get(LogType.PERFORMANCE).getAll();
        for (LogEntry e : entries) {
            JsonNode message = JSON.readTree(e.getMessage()).path("message");
            if ("Network.requestWillBeSent".equals(message.path("method").asText())) {
                String url = message.path("params").path("request").path("url").asText();
                if (url.startsWith(prefix)) {
                    found = url;
                }
            }
        }
        assertThat(found).as("the browser was sent to the callback").isNotNull();
        return found;
    }
}
