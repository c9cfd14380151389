package io.fincopilot.st;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real, headless Chromium per test (Debian's chromium and chromium-driver, found on PATH), with a screenshot
 * and the page source kept under target/screenshots when a test fails.
 */
public class Browser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    private WebDriver driver;
    private Path profile;

    public WebDriver driver() {
        return driver;
    }

    public WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Logs in on Keycloak's login page, which the console has just redirected the browser to. */
    /**
     * Chooses an item of a PrimeFaces select menu by its label, and waits until the menu shows it:
     * a click on an item while the panel is still opening can go nowhere (seen), so it is tried again.
     */
    public void choose(String menuId, String label) {
        String escaped = menuId.replace(":", "\\:");
        By shown = By.id(menuId + "_label");
        for (int attempt = 0; attempt < 3; attempt++) {
            await().until(ExpectedConditions.elementToBeClickable(By.id(menuId))).click();
            await().until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#" + escaped + "_items li[data-label='" + label + "']"))).click();
            try {
                new WebDriverWait(driver, java.time.Duration.ofSeconds(3))
                        .until(ExpectedConditions.textToBe(shown, label));
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                // the panel was not ready: open it again
            }
        }
        await().until(ExpectedConditions.textToBe(shown, label));
    }

    public void logInOnKeycloak(String username, String password) {
        await().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        profile = Files.createTempDirectory("fincopilot-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(executable("fincopilot.chromium", "chromium", "chromium-browser", "google-chrome"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(executable("fincopilot.chromedriver", "chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** The given system property, or the first of the names found on PATH, as the launcher finds them. */
    static String executable(String property, String... names) {
        String configured = System.getProperty(property);
        if (configured != null) {
            return configured;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        throw new IllegalStateException(String.join(" or ", names) + " is not on PATH (set -D" + property
                + "=...); the launcher installs Debian's chromium and chromium-driver");
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        boolean always = Boolean.getBoolean("fincopilot.screenshots.always"); // for looking at the pages
        if (context.getExecutionException().isEmpty() && !always || driver == null) {
            return;
        }
        try {
            Path dir = Path.of(System.getProperty("fincopilot.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
            Files.write(dir.resolve(name + ".png"), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(dir.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource());
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException("could not keep the failure's screenshot", e));
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
