package org.opengru.examples.portal;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/** A keyboard-only visitor: Tab through the page in its focus order, never a click. */
final class Keyboard {

    private Keyboard() {}

    /** Tabs from where the focus is until {@code target} has it; fails after {@code max} presses. */
    static WebElement tabTo(ChromeDriver driver, By target, int max) {
        WebElement wanted = driver.findElement(target);
        for (int i = 0; i < max; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            if (wanted.equals(driver.switchTo().activeElement())) {
                return wanted;
            }
        }
        throw new AssertionError("Tab never reached " + target + " in " + max + " presses");
    }

    /** Tabs from where the focus is until one of {@code targets} has it; which one, by its index. */
    static int firstReached(ChromeDriver driver, int max, By... targets) {
        for (int i = 0; i < max; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement active = driver.switchTo().activeElement();
            for (int t = 0; t < targets.length; t++) {
                if (driver.findElements(targets[t]).contains(active)) {
                    return t;
                }
            }
        }
        throw new AssertionError("Tab reached none of the targets in " + max + " presses");
    }

    /** Types into the focused element. */
    static void type(ChromeDriver driver, CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }
}
