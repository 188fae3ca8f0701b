package org.craftline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.craftline.support.WebClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Through the real servlet container, as a TLS proxy on this machine forwards a request: HTTPS is
 * known from {@code X-Forwarded-Proto}, so the session cookie is Secure and HSTS is sent; a plain
 * HTTP request gets neither. Static files are linked by their content hash and cached for a year.
 */
@PostgresTest
class ProxyHeadersIT {

    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"");
    private static final Pattern HASHED = Pattern.compile(".+-[0-9a-f]{32}\\.(css|js)");

    @LocalServerPort
    int port;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void overForwardedHttpsTheSessionCookieIsSecureAndHstsIsSent() throws Exception {
        Browser browser = new Browser(true);
        HttpResponse<String> form = browser.get("/login");
        assertThat(form.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        HttpResponse<String> signedIn = browser.signIn(TestUsers.SCHOOL_ADMIN, WebClient.csrf(form.body()));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        assertThat(sessionCookie(signedIn))
                .hasValueSatisfying(
                        c -> assertThat(c).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly"));
        assertThat(signedIn.headers().firstValue("Strict-Transport-Security")).isPresent();
        HttpResponse<String> dashboard = browser.get("/dashboard");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.headers().firstValue("Strict-Transport-Security")).isPresent();
    }

    @Test
    void overPlainHttpTheCookieIsNotSecureAndNoHstsIsSent() throws Exception {
        Browser browser = new Browser(false);
        HttpResponse<String> form = browser.get("/login");
        assertThat(form.headers().firstValue("Strict-Transport-Security")).isEmpty();
        HttpResponse<String> signedIn = browser.signIn(TestUsers.SCHOOL_ADMIN, WebClient.csrf(form.body()));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(sessionCookie(signedIn))
                .hasValueSatisfying(
                        c -> assertThat(c).doesNotContainIgnoringCase("Secure").containsIgnoringCase("HttpOnly"));
        assertThat(signedIn.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(browser.get("/dashboard").headers().firstValue("Strict-Transport-Security"))
                .isEmpty();
    }

    @Test
    void pagesApiAndFilesForbidDevicesAndPayment() throws Exception {
        Browser browser = new Browser(false);
        String page = browser.get("/login").body();
        List<String> answers = new ArrayList<>(List.of("/login", "/api/v1/classes"));
        answers.add(assets(page).get(0));
        for (String path : answers) {
            assertThat(browser.get(path).headers().firstValue("Permissions-Policy"))
                    .as(path)
                    .hasValueSatisfying(
                            v -> assertThat(v).contains("camera=()", "microphone=()", "geolocation=()", "payment=()"));
        }
    }

    @Test
    void pagesLinkTheirFilesByContentHashAndTheFilesAreCachedForAYear() throws Exception {
        Browser browser = new Browser(true);
        String form = browser.get("/login").body();
        browser.signIn(TestUsers.SCHOOL_ADMIN, WebClient.csrf(form));
        HttpResponse<String> dashboard = browser.get("/dashboard");
        assertThat(dashboard.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'"));
        List<String> assets = assets(dashboard.body());
        assertThat(assets)
                .as("bootstrap, htmx, echarts and our own files")
                .anyMatch(a -> a.startsWith("/webjars/bootstrap/"))
                .anyMatch(a -> a.startsWith("/webjars/htmx.org/"))
                .anyMatch(a -> a.startsWith("/webjars/echarts/"))
                .anyMatch(a -> a.startsWith("/css/craftline-"))
                .anyMatch(a -> a.startsWith("/js/charts-"))
                .allMatch(a -> HASHED.matcher(a).matches());
        for (String asset : assets) {
            HttpResponse<String> file = browser.get(asset);
            assertThat(file.statusCode()).as(asset).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control"))
                    .as(asset)
                    .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
        }
    }

    @Test
    void webjarsStillAnswerWithoutVersionOrHash() throws Exception {
        Browser browser = new Browser(false);
        for (String path : List.of(
                "/webjars/bootstrap/css/bootstrap.min.css",
                "/webjars/htmx.org/dist/htmx.min.js",
                "/webjars/echarts/dist/echarts.min.js",
                "/css/craftline.css")) {
            assertThat(browser.get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    private static List<String> assets(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = ASSET.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst();
    }

    /**
     * Keeps the session cookie by hand: a Secure cookie is one a real browser sends over HTTPS only,
     * and this client speaks plain HTTP to the server as the proxy does.
     */
    private final class Browser {

        private final boolean viaHttps;
        private String session;

        Browser(boolean viaHttps) {
            this.viaHttps = viaHttps;
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(request(path).GET());
        }

        HttpResponse<String> signIn(String username, String csrf) throws Exception {
            String form = "username=" + encode(username) + "&password=" + encode(TestUsers.PASSWORD) + "&_csrf="
                    + encode(csrf);
            return send(request("/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
            builder.header("Accept", "text/html");
            if (viaHttps) {
                builder.header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7");
            }
            if (session != null) {
                builder.header("Cookie", session);
            }
            return builder;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            sessionCookie(response).ifPresent(c -> session = c.substring(0, c.indexOf(';')));
            return response;
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
