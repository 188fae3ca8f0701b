package org.craftline.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.transaction.TransactionException;

/**
 * Two channels: the REST API (stateless, HTTP Basic or a personal bearer token, RFC 9457 errors)
 * and the pages (form sign-in, session, CSRF). Read-only roles are refused every change here, in
 * one place, whatever the controller.
 */
@Configuration
class SecurityConfig {

    // each path rule below lets BUREAU (read-only) in for GET only; the last rule refuses it
    // every other method, so a new module's pages are read-only for it without a rule of their own
    // a graduate (STUDENT) is no writer either: it changes only its own report, its password and its
    // tokens, each allowed by a rule of its own above the last one
    static final String[] WRITERS = {"SYSTEM_ADMIN", "SCHOOL_ADMIN", "STAFF", "ENTERPRISE"};
    /** What a graduate may send through the API: its own destination report (and its password). */
    static final String OWN_REPORT_API = "/api/v1/me/destinations";
    /** A student's or graduate's own job applications: applying and withdrawing (the service checks it is its own). */
    static final String[] OWN_APPLICATIONS_API = {"/api/v1/postings/*/applications", "/api/v1/applications/*/withdraw"};

    /**
     * A student's own job board: its saved searches and its opt-out of recommendations (the jobs
     * module keeps each student to its own rows). Its pages are under {@code /me/**}, the student's already.
     */
    static final String OWN_JOB_BOARD_API = "/api/v1/me/jobs/**";

    static final String[] OWN_APPLICATIONS_PAGES = {"/jobs/postings/*/apply", "/jobs/applications/*/withdraw"};

    /**
     * A student's weekly logs of its own placement (written, changed, given photos); the internships
     * module refuses another's placement (404) and any other role.
     */
    static final String[] OWN_LOG_API_POSTS = {"/api/v1/internships/*/logs", "/api/v1/internships/*/logs/*/photos"};

    static final String OWN_LOG_API_PUT = "/api/v1/internships/*/logs/*";
    /** The same on the pages, with the two form pages ({@code .../new}, {@code .../edit}) asked as posts. */
    static final String[] OWN_LOG_PAGES = {
        "/internships/*/logs",
        "/internships/*/logs/new",
        "/internships/*/logs/*",
        "/internships/*/logs/*/edit",
        "/internships/*/logs/*/photos"
    };
    /** A student's own registrations for the job fairs of its school. */
    static final String OWN_FAIRS_API = "/api/v1/me/fairs/**";

    /** Every user's own inbox: reading, marking read, the kinds it receives (each user's own rows only). */
    static final String[] OWN_INBOX_API = {
        "/api/v1/me/notifications/**", "/api/v1/me/notification-settings", "/api/v1/me/email"
    };

    static final String[] OWN_INBOX_PAGES = {"/inbox", "/inbox/**"};

    static final String[] ORGANISATION_READERS = {"SYSTEM_ADMIN", "BUREAU", "SCHOOL_ADMIN", "STAFF"};
    /** Pages of school records: read by school staff and the bureau, changed by administrators. */
    static final String[] SCHOOL_PAGES = {
        "/organisation/**",
        "/students/**",
        "/imports/**",
        "/exports/**",
        "/enterprises/**",
        "/groups/**",
        "/graduates/**",
        "/cooperations/**",
        "/training/**",
        "/talent/**",
        "/development/**",
        "/social/**",
        "/dashboard/**",
        "/reports/**"
    };

    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
            + " object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";

    // no page or answer of ours needs a device or payment: a script that got in gets none either
    // (only features Chromium knows: an unknown one is a console error on every page)
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private static HeaderWriter permissionsPolicy() {
        return new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default; the {id} prefix lets us move to a newer algorithm without a reset
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** The one way a password signs in, pages and HTTP Basic alike: throttled, then a recent check or bcrypt. */
    @Bean
    AuthenticationProvider passwordSignIn(
            UserAccounts users, PasswordEncoder encoder, LoginThrottle throttle, PasswordCheckCache checks) {
        return new ThrottledSignIn(users, encoder, throttle, checks);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, OwnPassword passwords) throws Exception {
        AuthenticationEntryPoint entryPoint = (req, res, ex) -> {
            if (ex instanceof InternalAuthenticationServiceException
                    && (ex.getCause() instanceof DataAccessException
                            || ex.getCause() instanceof TransactionException)) {
                // the database is out of reach, not the user's fault: a 503 (platform.web.DatabaseOutage)
                throw (RuntimeException) ex.getCause();
            }
            problem(res, 401, "Unauthorized", "Sign in required.");
        };
        AccessDeniedHandler denied = (req, res, ex) -> problem(res, 403, "Forbidden", "Not allowed for this user.");
        // the API description is the API's: signed in like any call (Basic or a token), never public
        http.securityMatcher("/api/**", "/v3/api-docs", "/v3/api-docs/**")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable()) // stateless: no cookie authenticates an API call
                .headers(h -> h.addHeaderWriter(permissionsPolicy()))
                .httpBasic(b -> b.authenticationEntryPoint(entryPoint))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .addFilterBefore(new BearerTokenFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(passwords), AuthorizationFilter.class)
                .authorizeHttpRequests(
                        a -> a.requestMatchers(HttpMethod.GET, "/api/**", "/v3/api-docs/**", "/v3/api-docs")
                                .authenticated()
                                .requestMatchers(HttpMethod.POST, "/api/v1/me/password")
                                .authenticated()
                                // every user's own inbox and the kinds it receives (the service keeps each to its own)
                                .requestMatchers(OWN_INBOX_API)
                                .authenticated()
                                .requestMatchers(HttpMethod.POST, OWN_REPORT_API)
                                .hasRole("STUDENT")
                                .requestMatchers(HttpMethod.POST, OWN_APPLICATIONS_API)
                                .hasRole("STUDENT")
                                .requestMatchers(OWN_JOB_BOARD_API)
                                .hasRole("STUDENT")
                                .requestMatchers(HttpMethod.POST, OWN_LOG_API_POSTS)
                                .hasRole("STUDENT")
                                .requestMatchers(HttpMethod.PUT, OWN_LOG_API_PUT)
                                .hasRole("STUDENT")
                                .requestMatchers(OWN_FAIRS_API)
                                .hasRole("STUDENT")
                                .requestMatchers("/api/v1/school/**")
                                .hasRole("SCHOOL_ADMIN")
                                .anyRequest()
                                .hasAnyRole(WRITERS));
        return http.build();
    }

    /** Pages that exist to fill in a form: opened only by those who may send it. */
    private static final List<String> FORM_PAGE_ENDINGS = List.of("/new", "/edit", "/enrol", "/reverse");

    static boolean isFormPage(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return HttpMethod.GET.matches(request.getMethod())
                && FORM_PAGE_ENDINGS.stream().anyMatch(uri::endsWith);
    }

    /** A form page is allowed exactly when a POST to its address is: the same rules, asked again. */
    private static AuthorizationManager<RequestAuthorizationContext> mayPost(
            ObjectProvider<WebInvocationPrivilegeEvaluator> rules) {
        return (auth, context) -> new AuthorizationDecision(rules.getObject()
                .isAllowed(
                        context.getRequest().getContextPath(),
                        context.getRequest().getRequestURI(),
                        "POST",
                        auth.get()));
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(
            HttpSecurity http,
            ObjectProvider<WebInvocationPrivilegeEvaluator> rules,
            OwnPassword passwords,
            AccessRevocation revocation)
            throws Exception {
        http.authorizeHttpRequests(
                        a -> a.requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico")
                                .permitAll()
                                // a graduate's personal follow-up link answers without a password (the link is signed)
                                .requestMatchers("/public/follow-up/*")
                                .permitAll()
                                // a unit's personal employer-survey link answers without a password (signed)
                                .requestMatchers("/public/employer-rating/*")
                                .permitAll()
                                // the link that confirms a user's email address (signed, names the address)
                                .requestMatchers("/public/email/*")
                                .permitAll()
                                .requestMatchers(SecurityConfig::isFormPage)
                                .access(mayPost(rules))
                                .requestMatchers("/actuator/health", "/actuator/health/**")
                                .permitAll()
                                .requestMatchers(HttpMethod.GET, "/public/**")
                                .permitAll()
                                .requestMatchers("/admin/**")
                                .hasRole("SYSTEM_ADMIN")
                                .requestMatchers("/audit/**")
                                .hasAnyRole("SYSTEM_ADMIN", "SCHOOL_ADMIN")
                                .requestMatchers("/me", "/me/**")
                                .hasRole("STUDENT")
                                .requestMatchers(HttpMethod.POST, OWN_APPLICATIONS_PAGES)
                                .hasRole("STUDENT")
                                .requestMatchers(HttpMethod.POST, OWN_LOG_PAGES)
                                .hasRole("STUDENT")
                                .requestMatchers(HttpMethod.POST, "/tokens/**", "/password")
                                .authenticated()
                                .requestMatchers(OWN_INBOX_PAGES)
                                .authenticated()
                                .requestMatchers("/school/**")
                                .hasRole("SCHOOL_ADMIN")
                                .requestMatchers(HttpMethod.GET, SCHOOL_PAGES)
                                .hasAnyRole(ORGANISATION_READERS)
                                .requestMatchers("/organisation/**", "/enterprises/**", "/training/sessions/**")
                                .hasAnyRole("SYSTEM_ADMIN", "SCHOOL_ADMIN", "STAFF")
                                .requestMatchers(SCHOOL_PAGES)
                                .hasAnyRole("SYSTEM_ADMIN", "SCHOOL_ADMIN")
                                .requestMatchers(HttpMethod.GET, "/**")
                                .authenticated()
                                .anyRequest()
                                .hasAnyRole(WRITERS))
                .formLogin(
                        f -> f.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(l ->
                        l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .addFilterAfter(new PasswordChangeGate(passwords), AuthorizationFilter.class)
                .addFilterBefore(new SessionEpochFilter(revocation), AnonymousAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .httpBasic(b -> b.disable())
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(f -> f.deny())
                        .addHeaderWriter(permissionsPolicy()))
                .csrf(Customizer.withDefaults());
        return http.build();
    }

    private static void problem(HttpServletResponse res, int status, String title, String detail) throws IOException {
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        if (status == 401) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"Craftline\", Bearer");
        }
        res.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\"}");
    }
}
