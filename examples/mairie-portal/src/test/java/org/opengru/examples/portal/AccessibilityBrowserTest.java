package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Drives Debian's Chromium (never a browser downloaded by a test tool) over every page and runs
 * axe-core on WCAG 2.1 A and AA rules: any violation fails. On CI ({@code CI=true}) a missing
 * Chromium is a failure; on a developer's machine without it, the test is skipped.
 */
class AccessibilityBrowserTest extends RunningPortal {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = chromium();
    }

    /** Debian's Chromium, headless; skips the test outside CI when it is not installed. */
    static ChromeDriver chromium() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI must have Debian's chromium and chromium-driver (see .ci/run)");
        }
        assumeTrue(installed, "Chromium is not installed: apt-get install chromium chromium-driver");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--lang=fr-FR",
                        "--window-size=1280,900",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/accessibilite",
                "/plan-du-site",
                "/mentions-legales",
                "/connexion",
                "/demarches",
                "/agent/connexion",
                "/acces-refuse"
            })
    void pageHasNoAccessibilityViolation(String path) {
        browser.get("http://localhost:" + port + path);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        assertNoViolation(path);
    }

    /** What a visitor sees when a form arrives without its CSRF token (a forged form, an expired session). */
    @Test
    void refusedFormPageHasNoAccessibilityViolation() {
        browser.get("http://localhost:" + port + "/");
        browser.executeScript("const f = document.createElement('form'); f.method = 'post'; f.action = '/mon-espace';"
                + " document.body.appendChild(f); f.submit();");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.findElement(By.tagName("h1")).getText().equals("Votre formulaire n'a pas été envoyé"));
        assertNoViolation("the refused form");
    }

    /** The page of the cancellation link, reached without signing in, before and after confirming. */
    @Test
    void cancellationLinkPagesHaveNoAccessibilityViolation(
            @org.springframework.beans.factory.annotation.Autowired
                    org.opengru.scheduling.booking.BookingService bookings) {
        java.time.LocalDate from =
                java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris")).plusDays(3);
        var slots = bookings.availability(
                org.opengru.examples.portal.commune.Commune.TENANT,
                org.opengru.examples.portal.commune.Commune.HOTEL_DE_VILLE,
                org.opengru.examples.portal.commune.Commune.SERVICE_ETAT_CIVIL,
                from,
                from.plusDays(14),
                1);
        var booked = (org.opengru.scheduling.booking.BookingResult.Booked)
                bookings.book(org.opengru.scheduling.booking.BookingRequest.online(
                        org.opengru.examples.portal.commune.Commune.TENANT,
                        org.opengru.examples.portal.commune.Commune.HOTEL_DE_VILLE,
                        org.opengru.examples.portal.commune.Commune.SERVICE_ETAT_CIVIL,
                        slots.get(slots.size() - 2).start(),
                        org.opengru.core.id.UsagerId.of(java.util.UUID.randomUUID())));
        browser.get("http://localhost:" + port + "/rendez-vous/"
                + booked.booking().id() + "/annulation?jeton=" + booked.cancelToken());
        assertNoViolation("the cancellation link");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> d.getPageSource().contains("Votre rendez-vous est annulé"));
        assertNoViolation("the cancelled appointment");
    }

    private static void assertNoViolation(String page) {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        assertThat(results.getViolations())
                .as("axe violations on %s: %s", page, describe(results.getViolations()))
                .isEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getNodes().size() + " nodes): " + rule.getHelp())
                .collect(Collectors.joining("; "));
    }
}
