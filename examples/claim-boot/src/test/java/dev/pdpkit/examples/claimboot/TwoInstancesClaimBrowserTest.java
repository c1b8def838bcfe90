package dev.pdpkit.examples.claimboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.client.model.RegionId;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.api.ApiStats;
import dev.pdpkit.emulator.auth.ApprovalMode;
import dev.pdpkit.fixtures.postgres.LocalPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the example on two ports share one PostgreSQL, as behind a load balancer without sticky sessions:
 * headless Chromium starts the claim on instance A, approves it on the emulator's consent page, and instance B
 * completes the callback; the pages name the database in words; the same browser revisiting the callback sees the
 * success again, another session sees nothing. A third instance on a taken port exits at once with one line. Needs
 * Debian's {@code chromium} and {@code chromium-driver}.
 */
class TwoInstancesClaimBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static LocalPostgres postgres;
    private static PrismaEmulator emulator;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static String baseA;
    private static String baseB;

    @BeforeAll
    static void start() throws IOException {
        assumeTrue(Files.exists(CHROMIUM), "/usr/bin/chromium is absent: apt-get install -y chromium chromium-driver");
        postgres = LocalPostgres.builder().start();
        emulator = PrismaEmulator.builder().approvalMode(ApprovalMode.CONSENT_PAGE).start();
        int portA = freePort();
        int portB = freePort();
        baseA = "http://127.0.0.1:" + portA;
        baseB = "http://127.0.0.1:" + portB;
        // Both instances send the user back to B, as a load balancer could.
        b = instance("B", portB, baseB + "/callback");
        a = instance("A", portA, baseB + "/callback");
    }

    private static ConfigurableApplicationContext instance(String name, int port, String redirect) {
        return ClaimBootApp.application().run(args(name, port, redirect));
    }

    private static String[] args(String name, int port, String redirect) {
        return new String[] {
                "--server.port=" + port, "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + postgres.jdbcUrl("postgres"),
                "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=" + postgres.password(),
                "--pdpkit.base-url=" + emulator.baseUrl(),
                "--pdpkit.service-token=" + emulator.partnerServiceToken(),
                "--pdpkit.oauth.client-id=" + PrismaEmulator.PARTNER_CLIENT_ID,
                "--pdpkit.oauth.client-secret=" + emulator.partnerClient().clientSecret(),
                "--pdpkit.oauth.issuer=" + emulator.issuerUrl(),
                "--pdpkit.oauth.redirect-uri=" + redirect,
                "--pdpkit.claim.store=jdbc", "--pdpkit.jdbc.initialize-schema=true",
                "--claim.instance-name=instance " + name};
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {a, b, emulator, postgres}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // the next resource still needs closing
            }
        }
    }

    /** Name, region and age as a person reads them; the id only small, and no ISO timestamp anywhere. */
    private static void assertHumanSummary(WebDriver driver, String projectId) {
        WebElement db = driver.findElement(By.id("database-" + projectId));
        assertThat(db.getText()).matches("shop-db in Frankfurt \\(eu-central-1\\), created (just now|1 minute ago)");
        assertThat(db.getAttribute("title")).containsPattern("\\d{4}");
        assertThat(db.findElement(By.xpath("following-sibling::small")).getText()).isEqualTo(projectId);
        assertThat(driver.getPageSource()).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
    }

    @Test
    void aProcessOnABusyPortExitsWithOneLineInsteadOfHanging() throws IOException, InterruptedException {
        int port = Integer.parseInt(baseB.substring(baseB.lastIndexOf(':') + 1));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), ClaimBootApp.class.getName()));
        command.addAll(List.of(args("D", port, baseB + "/callback")));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(err).isTrue();
        assertThat(p.exitValue()).as(err).isEqualTo(2);
        assertThat(err.lines()).singleElement().asString().contains("port " + port + " is already in use")
                .doesNotContain(postgres.password());
    }

    @Test
    void aClaimStartedOnOneInstanceIsCompletedOnTheOtherAndOnlyOnce() throws IOException {
        String projectId;
        try (PrismaManagement partner = PrismaManagement.builder().baseUrl(emulator.baseUrl())
                .serviceToken(emulator.partnerServiceToken()).build()) {
            projectId = partner.projects().create(ProjectCreateParams.builder().name("shop-db")
                    .region(RegionId.EU_CENTRAL_1).build()).id();
        }
        Path profile = Files.createTempDirectory("pdpkit-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        WebDriver driver = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(baseA + "/");
            assertThat(driver.findElement(By.id("instance")).getText()).contains("instance A");
            assertHumanSummary(driver, projectId);
            driver.findElement(By.id("claim-" + projectId)).click();
            wait.until(d -> d.getCurrentUrl().startsWith(emulator.issuerUrl() + "/authorize"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                    "input[name=workspace][value='" + emulator.userWorkspace().id() + "']"))).click();
            driver.findElement(By.cssSelector("button[value=approve]")).click();

            wait.until(d -> d.getCurrentUrl().startsWith(baseB + "/callback"));
            String outcome = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcome")))
                    .getAttribute("data-outcome");
            assertThat(outcome).as(driver.getPageSource()).isEqualTo("claimed");
            assertThat(driver.findElement(By.id("instance")).getText()).contains("instance B");
            assertThat(emulator.projectWorkspace(projectId)).contains(emulator.userWorkspace().id());
            assertHumanSummary(driver, projectId);

            // The same browser revisits the callback, on the other instance: the success again, nothing sent.
            long transfers = emulator.stats().count(ApiStats.PROJECTS_TRANSFERRED);
            String replay = driver.getCurrentUrl().replace(baseB, baseA);
            driver.get(replay);
            assertThat(driver.findElement(By.id("outcome")).getAttribute("data-outcome")).isEqualTo("claimed");
            assertThat(driver.findElement(By.id("instance")).getText()).contains("instance A");
            assertHumanSummary(driver, projectId);

            // Another browser session (a forged claim cookie) replaying that URL gets nothing and learns nothing.
            driver.manage().deleteAllCookies();
            driver.manage().addCookie(new Cookie(ClaimController.COOKIE, "forged"));
            driver.get(replay);
            assertThat(driver.findElement(By.id("outcome")).getAttribute("data-outcome")).isNotEqualTo("claimed");
            assertThat(driver.getPageSource()).doesNotContain(projectId, "shop-db");
            assertThat(emulator.stats().count(ApiStats.PROJECTS_TRANSFERRED)).isEqualTo(transfers);
        } finally {
            driver.quit();
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }
}
