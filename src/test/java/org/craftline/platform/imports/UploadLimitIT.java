package org.craftline.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.craftline.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.test.context.TestPropertySource;

/**
 * An upload over the container's multipart limit (small here, 210 MB in application.yml) on a
 * real server, as MockMvc enforces no limit: the API answers a 413 problem naming the limit, the
 * import page answers 413 naming it (through htmx and as a plain form), and the server stays
 * healthy and keeps importing files under the limit.
 */
@PostgresTest
@TestPropertySource(
        properties = {
            "spring.servlet.multipart.max-file-size=" + UploadLimitIT.LIMIT_KB + "KB",
            "spring.servlet.multipart.max-request-size=" + UploadLimitIT.LIMIT_KB + "KB"
        })
class UploadLimitIT {

    static final int LIMIT_KB = 64;
    static final String SHOWN = LIMIT_KB + " KB";
    static final String BOUNDARY = "craftline-upload-limit-it";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final Pattern PREVIEW_ACTION = Pattern.compile("action=\"(/imports/students/preview[^\"]*)\"");

    static final Pattern PENDING_TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    @Autowired
    Uploads uploads;

    @LocalServerPort
    int port;

    @Autowired
    MessageSource messages;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theApiAnswers413NamingTheLimitInTheCallersLanguage() throws Exception {
        for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            HttpResponse<String> answer = api(overLimit(), locale);
            assertThat(answer.statusCode()).isEqualTo(413);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(answer.body()).contains("\"status\":413").contains(message(locale));
        }
        assertThat(api(underLimit(), Locale.ENGLISH).statusCode()).isEqualTo(200);
        assertHealthy();
    }

    @Test
    void theImportPageAnswers413NamingTheLimitThroughHtmxAndAsAPlainForm() throws Exception {
        WebClient page = WebClient.signedIn(port, TestUsers.SCHOOL_ADMIN);
        String html = page.get("/imports").body();
        HttpResponse<String> htmx = page.send(
                "/imports/students/preview",
                r -> multipart(r, overLimit())
                        .header("HX-Request", "true")
                        .header("X-CSRF-TOKEN", WebClient.csrf(html)));
        assertThat(htmx.statusCode()).isEqualTo(413);
        assertThat(htmx.body()).contains("id=\"upload-error\"").contains(message(Locale.SIMPLIFIED_CHINESE));

        // without script the token travels in the form's action, as the body is never read; in English
        Matcher action = PREVIEW_ACTION.matcher(page.get("/imports?lang=en").body());
        assertThat(action.find()).isTrue();
        HttpResponse<String> plain = page.send(action.group(1).replace("&amp;", "&"), r -> multipart(r, overLimit()));
        assertThat(plain.statusCode()).isEqualTo(413);
        assertThat(plain.body()).contains(message(Locale.ENGLISH));

        HttpResponse<String> fine = page.send(action.group(1).replace("&amp;", "&"), r -> multipart(r, underLimit()));
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(fine.body()).doesNotContain("id=\"upload-error\"");
        // the preview keeps its file for the confirmation: removed here, as the data directory is shared
        Matcher token = PENDING_TOKEN.matcher(fine.body());
        assertThat(token.find()).isTrue();
        uploads.delete(token.group(1));
        assertHealthy();
    }

    /** Another page that takes a file (a cooperation's agreement): the error page, 413, naming the limit. */
    @Test
    void anyOtherUploadPageAnswers413NamingTheLimit() throws Exception {
        WebClient page = WebClient.signedIn(port, TestUsers.SCHOOL_ADMIN);
        String token = WebClient.csrf(page.get("/imports").body());
        HttpResponse<String> answer = page.send(
                "/cooperations/1/document", r -> multipart(r, overLimit()).header("X-CSRF-TOKEN", token));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains(message(Locale.SIMPLIFIED_CHINESE));
        assertHealthy();
    }

    private HttpResponse<String> api(byte[] file, Locale locale) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString((TestUsers.SCHOOL_ADMIN + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return http.send(
                multipart(
                                HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + port + "/api/v1/imports/students?dryRun=true")),
                                file)
                        .header("Authorization", "Basic " + basic)
                        .header("Accept-Language", locale.toLanguageTag())
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void assertHealthy() throws Exception {
        HttpResponse<String> health = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(TIMEOUT)
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private String message(Locale locale) {
        return messages.getMessage("upload.tooLarge", new Object[] {SHOWN}, locale);
    }

    /** A students file just over the limit (it is never read, only its size counts). */
    private static byte[] overLimit() {
        int rows = 3;
        byte[] file = students(rows);
        while (file.length <= LIMIT_KB * 1024) {
            rows *= 2;
            file = students(rows);
        }
        return file;
    }

    private static byte[] underLimit() {
        return students(3);
    }

    private static byte[] students(int rows) {
        return (String.join("\n", ImportFiles.students("ULT", rows)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static HttpRequest.Builder multipart(HttpRequest.Builder request, byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request.timeout(TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }
}
