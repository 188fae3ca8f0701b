package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.craftline.support.Chromium;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign in, see the home page in Chinese, switch to English — in Debian's Chromium, headless. */
@PostgresTest
class BrowserIT {

    static Chromium chromium;
    static Browser browser;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @LocalServerPort
    int port;

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

    @Test
    void aGraduateReportsItsJobOnAPhoneAndTheOfficeSeesItsTerms(TestInfo info) {
        String employer = "南阳玉器行" + System.nanoTime() % 100000;
        try (var phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = phone.newPage();
            try {
                signIn(page, "student");
                page.navigate("http://127.0.0.1:" + port + "/me");
                page.locator("#kind").selectOption("EMPLOYED");
                page.locator("#employerName").fill(employer);
                page.locator("#position").fill("玉雕设计");
                page.getByLabel("就业渠道").selectOption("AGENCY");
                page.getByLabel("月收入").selectOption("TO_4000");
                page.getByLabel("签订劳动合同").selectOption("true");
                page.getByLabel("缴纳社会保险").selectOption("true");
                assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("the form fits the phone's width")
                        .isTrue();
                // kept for a look at the phone's page (target/screenshots), as the failures' are
                screenshot(page, info);
                page.locator("form[action$='/me/destination'] button[type=submit]")
                        .click();
                // the page posts to itself: its URL does not change, so wait for what the answer says
                page.getByText("学校确认后计入统计").first().waitFor();
                assertThat(page.locator("body").innerText())
                        .contains("学校确认后计入统计")
                        .contains("中介");
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            }
        }
        try (var office = browser.newContext()) {
            Page page = office.newPage();
            try {
                signIn(page, TestUsers.SCHOOL_ADMIN);
                page.navigate("http://127.0.0.1:" + port + "/graduates/pending");
                page.getByText(employer).waitFor();
                page.locator("tr", new Page.LocatorOptions().setHasText(employer))
                        .locator("a")
                        .first()
                        .click();
                page.waitForURL(url -> url.matches(".*/graduates/\\d+$"));
                assertThat(page.locator("table").first().innerText())
                        .contains(employer)
                        .contains("中介")
                        .contains("3001–4000元");
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            }
        }
    }

    @Test
    void theOfficeOpensARoundAndAGraduateAnswersItsLinkOnAPhone(TestInfo info) {
        String employer = "镇平玉雕坊" + System.nanoTime() % 100000;
        String link;
        String roundPage;
        try (var office = browser.newContext()) {
            Page page = office.newPage();
            try {
                signIn(page, TestUsers.SCHOOL_ADMIN);
                page.navigate("http://127.0.0.1:" + port + "/graduates/rounds");
                page.locator("#graduationYear").fill("2022");
                page.locator("#point").selectOption("YEAR_3");
                page.locator("form[action$='/graduates/rounds'] button[type=submit]")
                        .click();
                page.waitForURL(url -> url.matches(".*/graduates/rounds/\\d+$"));
                roundPage = page.url();
                assertThat(page.locator("table").innerText()).contains("班级").contains("应答率");
                String csv = office.request().get(roundPage + "/links.csv").text();
                link = csv.lines().skip(1).findFirst().orElseThrow().replaceAll(".*,", "");
                assertThat(link).startsWith("http://127.0.0.1:" + port + "/public/follow-up/");
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            }
        }
        try (var phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = phone.newPage();
            try {
                page.navigate(link);
                page.locator("#kind").selectOption("EMPLOYED");
                page.locator("#employerName").fill(employer);
                page.locator("#town").fill("石佛寺镇");
                page.getByLabel("月收入").selectOption("TO_5000");
                page.getByLabel("4 满意").check();
                assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("the questionnaire fits the phone's width")
                        .isTrue();
                screenshot(page, info);
                page.locator("form button[type=submit]").click();
                page.getByText("这份问卷已经答过").first().waitFor();
                assertThat(page.locator("body").innerText()).contains("感谢你的回答").contains("这份问卷已经答过");
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            }
        }
        try (var office = browser.newContext()) {
            Page page = office.newPage();
            try {
                signIn(page, TestUsers.SCHOOL_ADMIN);
                page.navigate(roundPage);
                page.getByText("查看待确认的答卷（1 份）").click();
                var row = page.locator("tr", new Page.LocatorOptions().setHasText(employer));
                assertThat(row.innerText()).contains("石佛寺镇").contains("4");
                row.locator("button[type=submit]").click();
                page.waitForURL(url -> url.endsWith("/graduates/pending"));
                assertThat(page.getByText(employer).count()).isZero();
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            }
        }
    }

    @Test
    void anEmployerRatesTheGraduatesOnItsPortalAndAnotherByItsLinkOnAPhone(TestInfo info) {
        // a unit with an account asked by the demo's open survey (the 2026 graduates)
        String unitUser = jdbc.sql("SELECT u.username FROM app_user u JOIN employer_rating g ON g.enterprise_id ="
                        + " u.enterprise_id JOIN employer_survey v ON v.id = g.survey_id WHERE u.role = 'ENTERPRISE'"
                        + " AND u.enabled AND g.answered_at IS NULL AND v.closes_on >= CURRENT_DATE"
                        + " AND g.school_id = u.school_id ORDER BY u.username FETCH FIRST 1 ROWS ONLY")
                .query(String.class)
                .single();
        try (var portal = browser.newContext()) {
            Page page = portal.newPage();
            try {
                signIn(page, unitUser);
                page.getByRole(
                                com.microsoft.playwright.options.AriaRole.LINK,
                                new Page.GetByRoleOptions().setName("评价毕业生"))
                        .click();
                page.locator("a", new Page.LocatorOptions().setHasText("去评价"))
                        .first()
                        .click();
                page.locator("label[for=skills-4]").click();
                page.locator("label[for=attitude-5]").click();
                page.locator("label[for=hireAgain-yes]").click();
                page.locator("#remark").fill("吃苦耐劳，手艺扎实。");
                page.getByRole(
                                com.microsoft.playwright.options.AriaRole.BUTTON,
                                new Page.GetByRoleOptions().setName("提交"))
                        .click();
                page.waitForURL(url -> url.endsWith("/employer-ratings"));
                assertThat(page.locator("body").innerText()).contains("评价已提交").contains("技能 4 分，态度 5 分");
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            }
        }
        String link;
        try (var office = browser.newContext()) {
            Page page = office.newPage();
            try {
                signIn(page, TestUsers.SCHOOL_ADMIN);
                page.navigate("http://127.0.0.1:" + port + "/graduates");
                page.getByText("用人单位评价").first().click();
                page.locator("a", new Page.LocatorOptions().setHasText("2026"))
                        .first()
                        .click();
                page.waitForURL(url -> url.matches(".*/graduates/employer-surveys/\\d+$"));
                String csv = office.request().get(page.url() + "/links.csv").text();
                link = csv.lines().skip(1).findFirst().orElseThrow().replaceAll(".*,", "");
                assertThat(link).startsWith("http://127.0.0.1:" + port + "/public/employer-rating/");
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            }
        }
        try (var phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = phone.newPage();
            try {
                page.navigate(link);
                page.locator("label[for=skills-3]").click();
                page.locator("label[for=attitude-4]").click();
                page.locator("label[for=hireAgain-no]").click();
                assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("the rating fits the phone's width")
                        .isTrue();
                screenshot(page, info);
                page.locator("form button[type=submit]").click();
                page.getByText("已收到贵单位的评价").first().waitFor();
                assertThat(page.locator("body").innerText()).contains("已收到贵单位的评价");
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            }
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
    void theOfficeFollowsTheRegistrationToDoAndRecordsASuspensionFromTheKeyboard(TestInfo info) {
        long school = jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                          major_id, entry_year, status)
                        SELECT :s, 'BRSTATUS1', '浏览器异动生', 'BRSTATUS1000000000', 'MALE', DATE '2010-01-01', 'RURAL',
                          MIN(major_id), 2025, 'ENROLLED' FROM school_major WHERE school_id = :s
                        """).param("s", school).update();
        long student = jdbc.sql("SELECT id FROM student WHERE school_id = :s AND student_number = 'BRSTATUS1'")
                .param("s", school)
                .query(Long.class)
                .single();
        try (var context = browser.newContext()) {
            Page page = context.newPage();
            try {
                signIn(page, TestUsers.SCHOOL_ADMIN);
                // the demo leaves some of the newest intake unregistered: the dashboard lists it as a to-do
                page.locator("#todos a").first().click();
                page.locator("#intakes").waitFor();
                assertThat(page.url()).endsWith("/students/registration");
                page.navigate("http://127.0.0.1:" + port + "/students/" + student);
                page.locator("#change").selectOption("SUSPEND");
                page.locator("#changedOn").fill("2026-11-02");
                page.locator("#reason").fill("病休");
                page.locator("#document").fill("县医院证明 2026-77");
                page.locator("#document").press("Enter");
                page.locator("tr:has-text('县医院证明 2026-77')").waitFor();
                assertThat(page.locator("tr:has-text('县医院证明 2026-77')").innerText())
                        .contains("休学")
                        .contains("病休");
                assertThat(jdbc.sql("SELECT status FROM student WHERE id = :id")
                                .param("id", student)
                                .query(String.class)
                                .single())
                        .isEqualTo("SUSPENDED");
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            } finally {
                removeStudents(List.of(student));
            }
        }
    }

    @Test
    void theOfficeGraduatesAClassAfterTheCheckAndLaterTheStudentWhoMadeUpTheInternship(TestInfo info) {
        long school = zhenping();
        // last year's graduates: graduation is dated 1 July of its year, and the make-up today comes after it
        int year = java.time.LocalDate.now().getYear() - 1;
        String className = "浏览器毕业班" + System.nanoTime() % 100000;
        jdbc.sql("INSERT INTO school_class (school_id, major_id, entry_year, name)"
                        + " SELECT :s, MIN(major_id), :y, :n FROM school_major WHERE school_id = :s")
                .param("s", school)
                .param("y", year - 3)
                .param("n", className)
                .update();
        long classId = jdbc.sql("SELECT id FROM school_class WHERE school_id = :s AND name = :n")
                .param("s", school)
                .param("n", className)
                .query(Long.class)
                .single();
        // two students of three years who passed their major's required courses; one passed the post internship
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                          major_id, class_id, entry_year, status)
                        SELECT k.school_id, 'BRGRAD' || n.x, '浏览器毕业生' || n.x, 'BRGRAD' || n.x || '00000000000',
                          'FEMALE', DATE '2007-01-01', 'URBAN', k.major_id, k.id, k.entry_year, 'ENROLLED'
                        FROM school_class k CROSS JOIN (SELECT 1 AS x UNION ALL SELECT 2) n WHERE k.id = :k
                        """).param("k", classId).update();
        List<Long> ids = jdbc.sql("SELECT id FROM student WHERE class_id = :k ORDER BY student_number")
                .param("k", classId)
                .query(Long.class)
                .list();
        long passes = ids.get(0);
        long noInternship = ids.get(1);
        jdbc.sql("""
                        INSERT INTO course_result (school_id, student_id, course_id, term, passed, recorded_by,
                          recorded_at)
                        SELECT c.school_id, s.id, c.id, :t, TRUE, 'test', CURRENT_TIMESTAMP
                        FROM student s JOIN course c ON c.school_id = s.school_id AND c.major_id = s.major_id
                        WHERE s.class_id = :k AND c.required = TRUE
                        """)
                .param("t", (year - 3) + "-" + (year - 2) + "-1")
                .param("k", classId)
                .update();
        org.craftline.support.PassedInternships.add(jdbc, school, passes, true);
        try (var context = browser.newContext()) {
            Page page = context.newPage();
            try {
                signIn(page, TestUsers.SCHOOL_ADMIN);
                page.navigate("http://127.0.0.1:" + port + "/graduates/graduations/new");
                page.locator("#classId").selectOption(String.valueOf(classId));
                page.locator("form.filters button[type=submit]").click();
                page.locator("#year").fill(String.valueOf(year));
                page.locator("form[action$='/graduations/preview'] button[type=submit]")
                        .click();
                // the check before committing: who graduates, and who fails on which condition
                page.locator("#graduation-checks").waitFor();
                assertThat(page.locator("#graduation-check").innerText()).startsWith("1 名学生达到毕业条件；1 名未达到");
                assertThat(page.locator("#check-" + passes).innerText()).contains("毕业");
                assertThat(page.locator("#override-" + noInternship).isVisible())
                        .isTrue();
                page.onceDialog(dialog -> dialog.accept());
                page.locator("form[action$='/graduates/graduations'] button[type=submit]")
                        .click();
                page.waitForURL(url -> url.contains("/graduates?year=" + year));
                assertThat(page.locator(".alert").first().innerText()).contains("1");
                assertThat(List.of(statusOf(passes), statusOf(noInternship))).containsExactly("GRADUATED", "COMPLETED");
                // the internship made up later: 结业换发毕业证书 from the same page, by the keyboard
                org.craftline.support.PassedInternships.add(jdbc, school, noInternship, true);
                page.navigate("http://127.0.0.1:" + port + "/graduates/graduations/new");
                page.locator("#make-up-student-" + noInternship).check();
                page.locator("#makeUpDocument").fill("镇职校〔" + year + "〕99号");
                page.locator("#makeUpDocument").press("Enter");
                page.getByText("已为 1 名结业学生换发毕业证书").waitFor();
                assertThat(statusOf(noInternship)).isEqualTo("GRADUATED");
                assertThat(page.locator("#make-up-" + noInternship).count()).isZero();
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            } finally {
                org.craftline.support.PassedInternships.remove(jdbc, ids);
                removeStudents(ids, "course_result");
                jdbc.sql("DELETE FROM school_class WHERE id = :k")
                        .param("k", classId)
                        .update();
            }
        }
    }

    @Test
    void theBureauChoosesASchoolAndFollowsAnIntakesUnregisteredStudents(TestInfo info) {
        long school = zhenping();
        int year = java.time.LocalDate.now().getYear();
        // two unregistered students of this year's spring intake, besides any the other tests leave
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                          major_id, entry_year, status)
                        SELECT :s, 'BRREG' || n.x, '浏览器注册生' || n.x, 'BRREG' || n.x || '000000000000', 'MALE',
                          DATE '2011-01-01', 'RURAL', MIN(m.major_id), :y, 'ENROLLED'
                        FROM school_major m CROSS JOIN (SELECT 1 AS x UNION ALL SELECT 2) n WHERE m.school_id = :s
                        GROUP BY n.x
                        """).param("s", school).param("y", year).update();
        List<Long> ids = jdbc.sql("SELECT id FROM student WHERE school_id = :s AND student_number LIKE 'BRREG%'")
                .param("s", school)
                .query(Long.class)
                .list();
        enrol(ids, java.time.LocalDate.of(year, 3, 1));
        try (var context = browser.newContext()) {
            Page page = context.newPage();
            try {
                signIn(page, TestUsers.BUREAU);
                page.navigate("http://127.0.0.1:" + port + "/students/registration");
                page.locator("#choose-school").waitFor();
                page.locator("#school").selectOption(TestUsers.ZHENPING);
                page.locator("form.filters button[type=submit]").click();
                page.locator("#intakes").waitFor();
                // the intake's link lists exactly its unregistered students still in school
                var link = page.locator("#intakes tr:has-text('" + year + "年春季') td a");
                String count = link.innerText();
                assertThat(Integer.parseInt(count)).isGreaterThanOrEqualTo(2);
                link.click();
                page.waitForURL(url -> url.contains("registered=false") && url.contains("intake=SPRING"));
                assertThat(page.locator("#registered").inputValue()).isEqualTo("false");
                assertThat(page.locator("#intake").inputValue()).isEqualTo("SPRING");
                assertThat(page.locator("nav[aria-label] .text-muted").first().innerText())
                        .contains("共 " + count + " 条");
                assertThat(page.locator("tbody").innerText()).contains("BRREG1", "BRREG2");
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            } finally {
                removeStudents(ids);
            }
        }
    }

    @Test
    void theOfficeSeesWhyAStudentGetsNoAidAndDecidesAnother(TestInfo info) {
        long school = zhenping();
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                          major_id, entry_year, status, full_time, national_number)
                        SELECT :s, 'BRAID' || n.x, '浏览器资助生' || n.x, 'BRAID' || n.x || '000000000000', 'MALE',
                          DATE '2009-01-01', 'RURAL', MIN(m.major_id), :y, 'ENROLLED', n.x = 1, 'GBRAID' || n.x
                        FROM school_major m CROSS JOIN (SELECT 1 AS x UNION ALL SELECT 2) n WHERE m.school_id = :s
                        GROUP BY n.x
                        """)
                .param("s", school)
                .param("y", java.time.LocalDate.now().getYear() - 1)
                .update();
        List<Long> ids = jdbc.sql("SELECT id FROM student WHERE school_id = :s AND student_number LIKE 'BRAID%'"
                        + " ORDER BY student_number")
                .param("s", school)
                .query(Long.class)
                .list();
        enrol(ids, java.time.LocalDate.of(java.time.LocalDate.now().getYear() - 1, 9, 1));
        try (var context = browser.newContext()) {
            Page page = context.newPage();
            try {
                signIn(page, TestUsers.SCHOOL_ADMIN);
                page.navigate("http://127.0.0.1:" + port + "/aid");
                page.locator("#show").selectOption("ALL");
                page.locator("#q").fill("浏览器资助生");
                page.locator("#q").press("Enter");
                page.locator("tr:has-text('BRAID2')").waitFor();
                // the part-time student is listed with the reason, and cannot be given aid
                assertThat(page.locator("tr:has-text('BRAID2')").innerText()).contains("非全日制");
                assertThat(page.locator("#waiver-" + ids.get(1)).isDisabled()).isTrue();
                assertThat(page.locator("tr:has-text('BRAID1')").innerText())
                        .contains("农村户籍")
                        .doesNotContain("非全日制");
                page.locator("#waiver-" + ids.get(0)).check();
                page.locator("tr:has-text('BRAID1') button[type=submit]").click();
                // the answer comes back to the same filtered list
                page.waitForURL(url -> url.contains("show=ALL"));
                page.locator("tr:has-text('BRAID1')").waitFor();
                assertThat(page.locator("#waiver-" + ids.get(0)).isChecked()).isTrue();
                assertThat(jdbc.sql("SELECT COUNT(*) FROM aid_decision WHERE student_id = :s AND waiver")
                                .param("s", ids.get(0))
                                .query(Long.class)
                                .single())
                        .isEqualTo(1);
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            } finally {
                removeStudents(ids, "aid_decision");
            }
        }
    }

    @Test
    void aStudentReadsItsAidOnAPhone(TestInfo info) {
        try (var phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = phone.newPage();
            try {
                signIn(page, "student");
                page.navigate("http://127.0.0.1:" + port + "/me/aid");
                assertThat(page.locator("h1").innerText()).isEqualTo("我的资助");
                assertThat(page.locator("body").innerText()).contains("各学期的决定与发放");
                assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("the page fits the phone's width")
                        .isTrue();
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            }
        }
    }

    /** The students' enrolment rows, as the form writes them. */
    private void enrol(List<Long> ids, java.time.LocalDate on) {
        jdbc.sql("INSERT INTO student_status_change (student_id, status, kind, changed_on, reason, recorded_by,"
                        + " recorded_at) SELECT id, 'ENROLLED', 'ENROL', :on, 'test', 'test', CURRENT_TIMESTAMP"
                        + " FROM student WHERE id IN (:ids)")
                .param("on", on)
                .param("ids", ids)
                .update();
    }

    /** A walk's students with their history and the rows of the tables named. */
    private void removeStudents(List<Long> ids, String... tables) {
        for (String table : tables) {
            jdbc.sql("DELETE FROM " + table + " WHERE student_id IN (:ids)")
                    .param("ids", ids)
                    .update();
        }
        jdbc.sql("DELETE FROM student_status_change WHERE student_id IN (:ids)")
                .param("ids", ids)
                .update();
        jdbc.sql("DELETE FROM student WHERE id IN (:ids)").param("ids", ids).update();
    }

    private long zhenping() {
        return jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
    }

    private String statusOf(long student) {
        return jdbc.sql("SELECT status FROM student WHERE id = :id")
                .param("id", student)
                .query(String.class)
                .single();
    }

    @Test
    void theOfficeRecordsAGuardianSeesThePhoneMaskedAndDeletesItAfterConfirming(TestInfo info) {
        long student = jdbc.sql("SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE sc.code = :c AND s.status = 'ENROLLED' ORDER BY s.id DESC FETCH FIRST 1 ROWS ONLY")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        try (var context = browser.newContext()) {
            Page page = context.newPage();
            try {
                signIn(page, TestUsers.SCHOOL_ADMIN);
                page.navigate("http://127.0.0.1:" + port + "/students/" + student);
                page.locator("#guardian-name").fill("浏览器测监护人");
                page.locator("#guardian-relation").selectOption("GRANDPARENT");
                page.locator("#guardian-phone").fill("13912345678");
                page.locator("#guardian-legal").check();
                page.locator("#guardian-legal").press("Enter");
                page.locator("#guardians tr:has-text('浏览器测监护人')").waitFor();
                String row = page.locator("#guardians tr:has-text('浏览器测监护人')").innerText();
                assertThat(row).contains("139****5678").contains("祖父母");
                assertThat(page.content()).doesNotContain("13912345678");
                // the delete asks first; the answer "yes" deletes
                page.onceDialog(dialog -> dialog.accept());
                page.locator("#guardians tr:has-text('浏览器测监护人') button[type=submit]")
                        .click();
                page.locator("#guardians tr:has-text('浏览器测监护人')")
                        .waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                                .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
                assertThat(jdbc.sql("SELECT COUNT(*) FROM guardian WHERE student_id = :s AND name = '浏览器测监护人'")
                                .param("s", student)
                                .query(Long.class)
                                .single())
                        .isZero();
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            } finally {
                jdbc.sql("DELETE FROM guardian WHERE student_id = :s AND name = '浏览器测监护人'")
                        .param("s", student)
                        .update();
            }
        }
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

    @Test
    void theDashboardsChartsRenderWithData(TestInfo info) {
        try (var context = browser.newContext()) {
            Page page = context.newPage();
            List<String> refused = new java.util.ArrayList<>();
            page.onConsoleMessage(m -> {
                if (m.text().contains("Content Security Policy")) {
                    refused.add(m.text());
                }
            });
            try {
                signIn(page, TestUsers.SCHOOL_ADMIN);
                assertThat(page.locator("#dashboard-subject").innerText()).contains("镇平县");
                page.locator("#chart-graduates canvas").first().waitFor();
                for (String chart : List.of(
                        "graduates",
                        "employment",
                        "industry",
                        "town",
                        "masters",
                        "practical",
                        "funds",
                        "social",
                        "channel",
                        "pay",
                        "terms",
                        "response",
                        "ratings")) {
                    var element = page.locator("#chart-" + chart);
                    assertThat(element.locator("canvas").count()).as(chart).isPositive();
                    assertThat(Integer.parseInt(element.getAttribute("data-points")))
                            .as(chart + " has points")
                            .isPositive();
                    Object plotted = page.evaluate(
                            "id => echarts.getInstanceByDom(document.getElementById(id)).getOption().series"
                                    + ".flatMap(s => s.data).filter(v => v !== null && (v.value ?? v) > 0).length",
                            "chart-" + chart);
                    assertThat(((Number) plotted).intValue())
                            .as(chart + " plots values")
                            .isPositive();
                }
                page.locator("#chart-graduates").hover();
                page.locator("#chart-industry").hover();
                page.waitForTimeout(300);
                page.locator("#toggle-masters").click();
                page.locator("#table-masters").waitFor();
                assertThat(page.locator("#table-masters tbody tr").count()).isEqualTo(3);
                assertThat(refused).as("no Content-Security-Policy refusals").isEmpty();
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            }
        }
    }

    @Test
    void theBureauComparesItsSchoolsAndSorts(TestInfo info) {
        try (var context = browser.newContext()) {
            Page page = context.newPage();
            try {
                signIn(page, TestUsers.BUREAU);
                page.navigate("http://127.0.0.1:" + port + "/dashboard/schools");
                page.locator("[role=status] .spinner-border, #chart-schools canvas")
                        .first()
                        .waitFor();
                page.locator("#chart-schools canvas").first().waitFor();
                assertThat(page.locator("#table-schools tbody tr").count()).isGreaterThanOrEqualTo(3);
                page.locator("#sort-graduates_total").click();
                page.waitForURL(url -> url.contains("sort=graduates_total"));
                page.locator("#table-schools").waitFor();
                assertThat(column(page, 1)).as("descending").isSortedAccordingTo(java.util.Comparator.reverseOrder());
                page.locator("#sort-graduates_total").click();
                page.waitForURL(url -> url.contains("dir=asc"));
                page.locator("#table-schools").waitFor();
                assertThat(column(page, 1)).as("ascending").isSorted();
                page.locator("#sort-practical_training_rate").click();
                page.waitForURL(url -> url.contains("sort=practical_training_rate"));
                page.locator("#table-schools").waitFor();
                List<Double> rates = column(page, 5);
                assertThat(rates).isSortedAccordingTo(java.util.Comparator.reverseOrder());
                page.locator("#table-schools tbody th a").first().click();
                page.waitForURL(url -> url.contains("/dashboard?school="));
                page.locator("#chart-graduates canvas").first().waitFor();
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            }
        }
    }

    /** The numbers of one column of the comparison (rows without a value left out). */
    private static List<Double> column(Page page, int column) {
        return page.locator("#table-schools tbody tr").all().stream()
                .map(row -> row.locator("td").nth(column - 1).getAttribute("data-value"))
                .filter(v -> v != null && !v.isEmpty())
                .map(Double::valueOf)
                .toList();
    }

    @Test
    void theLanguageSwitchChangesTheProfile(TestInfo info) {
        try (var context = browser.newContext()) {
            Page page = context.newPage();
            try {
                signIn(page, TestUsers.SCHOOL_ADMIN);
                page.navigate("http://127.0.0.1:" + port + "/reports/profile");
                String chinese = page.locator("#profile").innerText();
                assertThat(chinese).contains("累计向社会输送毕业生").contains("国家级大师");
                page.locator("#lang-en").click();
                page.waitForURL(url -> url.contains("lang=en"));
                String english = page.locator("#profile").innerText();
                assertThat(english).contains("graduates into work and society").contains("national masters");
                assertThat(english).doesNotContain("累计向社会输送毕业生");
                assertThat(page.locator("#profile").getAttribute("lang")).isEqualTo("en");
            } catch (RuntimeException | AssertionError e) {
                screenshot(page, info);
                throw e;
            }
        }
    }
}
