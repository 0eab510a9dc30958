package org.opengru.examples.portal;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One Chromium per test class on the running portal, signed out and at full width before each test: the
 * browser tests of the dashboard, the live follow-up, the slot picker and the reflow.
 */
abstract class OneBrowserPerClass extends RunningPortal {

    static PortalBrowser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = PortalBrowser.start();
    }

    @BeforeEach
    void onThisPortal() {
        browser.on(port);
        browser.driver.manage().deleteAllCookies();
        NarrowScreen.reset(browser.driver);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
