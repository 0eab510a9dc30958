package org.opengru.examples.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.opengru.core.id.AgentId;
import org.opengru.examples.portal.demo.DemoPeople;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's headless Chromium on the running portal, for the browser journeys: opening pages, clicking
 * through redirects and waiting for the next page, signing in and out, axe-core (WCAG 2.1 A/AA) on the
 * pages a journey checks, and downloads with the browser's session.
 */
final class PortalBrowser implements AutoCloseable {

    final ChromeDriver driver;
    private int port;
    private final List<String> checkedPages = new ArrayList<>();

    private PortalBrowser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Starts Chromium (skips the test outside CI when it is not installed). */
    static PortalBrowser start() throws Exception {
        return new PortalBrowser(AccessibilityBrowserTest.chromium());
    }

    /** The portal's port, known once the test instance exists. */
    PortalBrowser on(int port) {
        this.port = port;
        return this;
    }

    /** Every page axe-core checked so far. */
    List<String> checkedPages() {
        return List.copyOf(checkedPages);
    }

    // ---- signing in and out -------------------------------------------------------------------

    /**
     * FranceConnect's button on the sign-in page: the demo's FranceConnect-shaped provider signs Claire
     * Martin in without a login page, and the starter's chain brings her to her space.
     */
    void signInResident() {
        open("/connexion");
        go(By.cssSelector("button.fc-button"), "/mon-espace");
    }

    /**
     * ProConnect's button on the agents' sign-in page, then the demo provider's login page (the portal asks
     * ProConnect to prompt, agents sharing workstations): the agent's subject and ProConnect claims typed in.
     * The teams come from the portal's agent directory, matched on the e-mail.
     */
    void signInAgent(AgentId agent) {
        DemoPeople.DemoAgent who = DemoPeople.agent(agent);
        open("/agent/connexion");
        go(By.cssSelector("button.pc-button"));
        driver.findElement(By.id("username")).sendKeys(who.sub());
        driver.findElement(By.id("claims"))
                .sendKeys(JsonMapper.builder().build().writeValueAsString(who.proConnectClaims()));
        go(By.id("se-connecter"));
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.urlToBe("http://localhost:" + port + "/agent"));
    }

    void signOut() {
        go(By.xpath("//button[text()='Se déconnecter']"), "deconnecte");
    }

    // ---- pages ----------------------------------------------------------------------------------

    void open(String path) {
        driver.get("http://localhost:" + port + path);
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String h1() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    String page() {
        return driver.findElement(By.tagName("body")).getText();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    void type(By by, String text) {
        driver.findElement(by).sendKeys(text);
    }

    void select(By by, String value) {
        new Select(driver.findElement(by)).selectByValue(value);
    }

    void click(By by) {
        clickResolved(by, driver.findElement(By.tagName("html")));
    }

    /**
     * Chromium sometimes fails to resolve a node it has just returned ("Node with given id does not belong
     * to the document") when axe-core has just run: find it again and retry, unless the page already changed.
     */
    private void clickResolved(By by, WebElement html) {
        for (int attempt = 1; ; attempt++) {
            try {
                driver.findElement(by).click();
                return;
            } catch (org.openqa.selenium.WebDriverException e) {
                boolean navigated = left(html);
                if (navigated || attempt == 3 || e instanceof org.openqa.selenium.NoSuchElementException) {
                    if (navigated) {
                        return;
                    }
                    throw e;
                }
            }
        }
    }

    /** Clicks something that goes through redirects (sign-in, sign-out), and waits for where they end. */
    void go(By by, String finalUrlPart) {
        go(by);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(finalUrlPart));
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Clicks something that loads a new page, and waits for it. */
    void go(By by) {
        WebElement html = driver.findElement(By.tagName("html"));
        clickResolved(by, html);
        waitForNextPage(html);
    }

    /** Does something that loads a new page (a key pressed in a form), and waits for it. */
    void go(Runnable action) {
        WebElement html = driver.findElement(By.tagName("html"));
        action.run();
        waitForNextPage(html);
    }

    private void waitForNextPage(WebElement html) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> left(html));
        new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Whether the browser left the page {@code html} belonged to. Chromium reports a node of a page it has
     * just replaced either as stale or, while the new document loads, as "Node with given id does not
     * belong to the document": both mean the page changed.
     */
    private static boolean left(WebElement html) {
        try {
            html.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    // ---- accessibility ----------------------------------------------------------------------------

    /** axe-core on the current page, WCAG 2.1 A and AA: any violation fails the test. */
    void axe() {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        String url = driver.getCurrentUrl();
        assertThat(results.getViolations())
                .as("axe violations on %s: %s", url, describe(results.getViolations()))
                .isEmpty();
        checkedPages.add(url);
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> rule.getId() + " (" + rule.getNodes().size() + " nodes): " + rule.getHelp() + " "
                        + rule.getNodes().stream()
                                .map(n -> String.valueOf(n.getTarget()))
                                .collect(Collectors.joining(",")))
                .collect(Collectors.joining("; "));
    }

    // ---- downloads -------------------------------------------------------------------------------

    /** A GET with the browser's session cookie, for downloads (a headless browser saves them to disk). */
    HttpResponse<String> get(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(withSession(url).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The same, keeping the bytes. */
    HttpResponse<byte[]> getBytes(String url) throws Exception {
        return HttpClient.newHttpClient().send(withSession(url).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder withSession(String url) {
        Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session.getValue());
        }
        return request;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
