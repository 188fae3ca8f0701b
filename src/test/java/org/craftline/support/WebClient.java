package org.craftline.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser: signs in through the real form over HTTP, keeps the session cookie,
 * and sees what the servlet container sends (error pages included, which MockMvc does not render).
 */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private WebClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public static WebClient signedIn(int port, String username) throws Exception {
        WebClient client = new WebClient(port);
        String token = csrf(client.get("/login").body());
        HttpResponse<String> done = client.post(
                "/login",
                "username=" + encode(username) + "&password=" + encode(TestUsers.PASSWORD) + "&_csrf=" + encode(token));
        if (done.statusCode() != 302
                || done.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + done.statusCode());
        }
        return client;
    }

    public HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Any request on this client's address and session, e.g. a multipart upload. */
    public HttpResponse<String> send(String path, java.util.function.UnaryOperator<HttpRequest.Builder> request)
            throws Exception {
        return http.send(
                request.apply(HttpRequest.newBuilder(URI.create(base + path))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
