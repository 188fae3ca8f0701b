package org.craftline.jobs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.file.Paths;
import java.time.LocalDate;
import org.craftline.support.Chromium;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The graduate's job board on a 375 px phone, in Debian's Chromium: nothing wider than the screen; a search saved. */
@PostgresTest
class JobBoardPhoneIT {

    static final int PHONE_WIDTH = 375;

    static Chromium chromium;
    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    JobsFixture t;

    @BeforeAll
    static void launch() {
        chromium = Chromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM job_saved_search WHERE name = :n")
                .param("n", "phone" + t.id())
                .update();
        t.cleanUp();
    }

    @Test
    void theBoardFitsAPhoneAndSavesASearch() {
        t = new JobsFixture(jdbc);
        long home = jdbc.sql("SELECT school_id FROM app_user WHERE username = 'student'")
                .query(Long.class)
                .single();
        long unit = t.unit("P", home);
        t.posting(unit, "750107", null, 3, LocalDate.now().plusDays(7), "玉雕学徒岗位（手机测试）" + t.id());
        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(PHONE_WIDTH, 812))) {
            Page page = context.newPage();
            try {
                page.navigate("http://127.0.0.1:" + port + "/login");
                page.getByLabel("用户名").fill("student");
                page.getByLabel("密码").fill(TestUsers.PASSWORD);
                page.locator("button[type=submit]").click();
                page.waitForURL(url -> !url.contains("/login"));
                page.navigate("http://127.0.0.1:" + port + "/me/jobs?q=" + t.id());
                assertThat(page.locator(".list-group-item-action").innerText()).contains("玉雕学徒岗位");
                assertThat((Number) page.evaluate("document.documentElement.scrollWidth"))
                        .satisfies(w -> assertThat(w.intValue()).isLessThanOrEqualTo(PHONE_WIDTH));
                page.locator("#name").fill("phone" + t.id());
                page.locator("form[action$='/me/jobs/searches'] button[type=submit]")
                        .click();
                page.locator(".alert-success").waitFor();
                assertThat(page.getByText("phone" + t.id()).isVisible()).isTrue();
            } catch (RuntimeException | AssertionError e) {
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Paths.get("target", "screenshots", "job-board-phone.png"))
                        .setFullPage(true));
                throw e;
            }
        }
    }
}
