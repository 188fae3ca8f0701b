package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign in, see the home page in Chinese, switch to English — in Debian's Chromium, headless. */
@PostgresTest
class BrowserIT {

    static final Path CHROMIUM = Paths.get(System.getProperty("craftline.chromium", "/usr/bin/chromium"));

    static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            String reason = CHROMIUM + " is missing: apt-get install chromium (.ci/run does)";
            // like the PostgreSQL tests: CI requires the browser, a developer's machine may lack it
            if (Boolean.getBoolean("craftline.browser.required")) {
                throw new IllegalStateException(reason + " (craftline.browser.required=true)");
            }
            System.err.println("\n!!!!! SKIPPING BROWSER TESTS: " + reason + " !!!!!\n");
            Assumptions.abort(reason);
        }
        playwright = Playwright.create();
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--no-first-run",
                                "--disable-sync")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void uploadAFileSeeThePreviewAndConfirm(TestInfo info) throws Exception {
        Path file = Files.createTempFile("students", ".csv");
        Files.writeString(file, String.join("\n", ImportFiles.students("WEB", 3)) + "\n");
        try (var context = browser.newContext()) {
            Page page = context.newPage();
            try {
                signIn(page, TestUsers.SCHOOL_ADMIN);
                page.navigate("http://127.0.0.1:" + port + "/imports");
                page.locator("#file-students").setInputFiles(file);
                page.locator("#file-students ~ button[type=submit]").click();
                page.locator("#confirm-import").waitFor();
                assertThat(page.locator("#import-result").innerText()).contains("共 3 行：新增 3");
                page.locator("#confirm-import").click();
                page.locator("#import-result .alert-success").waitFor();
                assertThat(page.locator("#import-result").innerText()).contains("导入完成");
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void signIn(Page page, String username) {
        page.navigate("http://127.0.0.1:" + port + "/login");
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(TestUsers.PASSWORD);
        page.locator("button[type=submit]").click();
        page.waitForURL(url -> !url.contains("/login"));
    }

    private static void screenshot(Page page, TestInfo info) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(Paths.get("target", "screenshots", info.getDisplayName() + ".png"))
                .setFullPage(true));
    }

    @Test
    void signInSeeChineseThenSwitchToEnglish(TestInfo info) {
        try (var context = browser.newContext()) {
            Page page = context.newPage();
            try {
                page.navigate("http://127.0.0.1:" + port + "/");
                assertThat(page.url()).endsWith("/login");
                assertThat(page.locator("h1").innerText()).isEqualTo("登录");
                page.getByLabel("用户名").fill(TestUsers.SCHOOL_ADMIN);
                page.getByLabel("密码").fill(TestUsers.PASSWORD);
                page.locator("button[type=submit]").click();
                page.waitForURL(url -> !url.contains("/login"));
                assertThat(page.locator("#welcome").innerText()).startsWith("欢迎");
                assertThat(page.locator("html").getAttribute("lang")).isEqualTo("zh-CN");

                page.locator("#lang-en").click();
                page.waitForLoadState();
                assertThat(page.locator("#welcome").innerText()).startsWith("Welcome");

                page.navigate("http://127.0.0.1:" + port + "/organisation/classes");
                assertThat(page.locator("h1").innerText())
                        .as("the choice is remembered")
                        .isEqualTo("Classes");
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            }
        }
    }
}
