package org.craftline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.craftline.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a user sees of the pages through the real servlet container: error pages, rights, language. */
@PostgresTest
class PagesIT {

    @LocalServerPort
    int port;

    @Test
    void errorPagesSpeakTheUsersLanguageNotMessageKeys() throws Exception {
        WebClient teacher = WebClient.signedIn(port, TestUsers.STAFF);
        HttpResponse<String> missing = teacher.get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("找不到该页面或记录").doesNotContain("??");
        HttpResponse<String> forbidden = teacher.get("/students/new");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("您没有执行此操作的权限").doesNotContain("??");
        HttpResponse<String> english = teacher.get("/students/new?lang=en");
        assertThat(english.body()).doesNotContain("??").contains("lang=\"en\"");
    }

    @Test
    void aFormOpensOnlyForThoseWhoMaySaveIt() throws Exception {
        WebClient teacher = WebClient.signedIn(port, TestUsers.STAFF);
        WebClient office = WebClient.signedIn(port, TestUsers.SCHOOL_ADMIN);
        WebClient bureau = WebClient.signedIn(port, TestUsers.BUREAU);
        for (String form : new String[] {"/students/new", "/talent/certificates/new", "/development/honours/new"}) {
            assertThat(teacher.get(form).statusCode()).as("teacher " + form).isEqualTo(403);
            assertThat(bureau.get(form).statusCode()).as("bureau " + form).isEqualTo(403);
            assertThat(office.get(form).statusCode()).as("office " + form).isEqualTo(200);
        }
        assertThat(teacher.get("/training/sessions/new").statusCode())
                .as("teachers record the sessions they hold")
                .isEqualTo(200);
        assertThat(teacher.get("/students").body()).doesNotContain("/students/new");
    }

    @Test
    void theLanguageSwitchKeepsThePagesQuery() throws Exception {
        WebClient bureau = WebClient.signedIn(port, TestUsers.BUREAU);
        String page =
                bureau.get("/reports/profile?school=" + TestUsers.NEIXIANG).body();
        assertThat(page).contains("href=\"/reports/profile?school=" + TestUsers.NEIXIANG + "&amp;lang=en\"");
        HttpResponse<String> english = bureau.get("/reports/profile?school=" + TestUsers.NEIXIANG + "&lang=en");
        assertThat(english.statusCode()).isEqualTo(200);
    }
}
