package org.opengru.examples.portal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Chromium's viewport set to a phone's width through the DevTools protocol (a headless window cannot be
 * made that narrow), and the reflow check of WCAG 1.4.10: the page scrolls vertically only, whatever
 * overflows stays inside its own scrolling box.
 */
final class NarrowScreen {

    /** The narrowest width WCAG 1.4.10 asks to work at (1280 px zoomed to 400 %). */
    static final int WIDTH = 320;

    private NarrowScreen() {}

    static void set(ChromeDriver driver, int width) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", false));
    }

    static void reset(ChromeDriver driver) {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /**
     * Null when the page fits its width; else the page's scroll width and the outermost elements that
     * stick out of the viewport (not inside a box that scrolls), to say what to fix.
     */
    static @Nullable String overflow(ChromeDriver driver) {
        Object result = driver.executeScript("""
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) { return null; }
                const scrolls = (e) => { for (let p = e.parentElement; p; p = p.parentElement) {
                    const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
                  return false; };
                const out = [];
                for (const e of document.querySelectorAll('body *')) {
                  const r = e.getBoundingClientRect();
                  if (r.right > width + 1 && !scrolls(e) && !(e.parentElement && e.parentElement.getBoundingClientRect().right > width + 1)) {
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className : '')
                      + ' right=' + Math.round(r.right) + ' "' + (e.textContent || '').trim().substring(0, 40) + '"');
                  }
                }
                return 'scrollWidth ' + document.documentElement.scrollWidth + ' > ' + width + ': ' + out.slice(0, 8).join(' | ');
                """);
        return result == null ? null : result.toString();
    }

    /** Each path's overflow, for the pages that have one. */
    static List<String> overflowing(PortalBrowser browser, List<String> paths) {
        return paths.stream()
                .map(p -> {
                    browser.open(p);
                    // An error page fits anywhere: it must not pass for the page it replaces.
                    if (browser.h1().equals("Une erreur est survenue")) {
                        return p + " -> an error page";
                    }
                    String o = overflow(browser.driver);
                    return o == null ? null : p + " -> " + o;
                })
                .filter(java.util.Objects::nonNull)
                .toList();
    }
}
