package dev.pdpkit.examples.claimboot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pdpkit.client.PrismaManagement;
import dev.pdpkit.client.model.ProjectCreateParams;
import dev.pdpkit.emulator.PrismaEmulator;
import dev.pdpkit.emulator.api.ApiStats;
import dev.pdpkit.emulator.auth.ApprovalMode;
import dev.pdpkit.fixtures.postgres.LocalPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two instances of the example on two ports share one PostgreSQL, as behind a load balancer without sticky sessions:
 * headless Chromium starts the claim on instance A, approves it on the emulator's consent page, and instance B
 * completes the callback. Needs Debian's {@code chromium} and {@code chromium-driver}.
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
        return new SpringApplicationBuilder(ClaimBootApp.class).run(
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
                "--claim.instance-name=instance " + name);
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

    @Test
    void aClaimStartedOnOneInstanceIsCompletedOnTheOtherAndOnlyOnce() throws IOException {
        String projectId;
        try (PrismaManagement partner = PrismaManagement.builder().baseUrl(emulator.baseUrl())
                .serviceToken(emulator.partnerServiceToken()).build()) {
            projectId = partner.projects().create(ProjectCreateParams.builder().name("shop").build()).id();
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

            // The same callback again, on the other instance: the pending claim is gone from the shared store.
            long transfers = emulator.stats().count(ApiStats.PROJECTS_TRANSFERRED);
            driver.get(driver.getCurrentUrl().replace(baseB, baseA));
            assertThat(driver.findElement(By.id("outcome")).getAttribute("data-outcome")).isNotEqualTo("claimed");
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
