package org.craftline.platform.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Chinese by default; {@code ?lang=en} or {@code ?lang=zh} switches, and a cookie remembers it. */
@Configuration
class WebConfig implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("craftline-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        // a cookie we cannot read (edited, or from another application) means the default, not a 500
        resolver.setRejectInvalidCookies(false);
        // pages are Chinese until the user switches; API clients may ask by Accept-Language
        resolver.setDefaultLocaleFunction(
                request -> request.getRequestURI().startsWith("/api/") && request.getHeader("Accept-Language") != null
                        ? request.getLocale()
                        : CHINESE);
        return resolver;
    }

    /** Ahead of Spring Security's filters, so an outage met while signing a request in is a 503 too. */
    @Bean
    FilterRegistrationBean<DatabaseOutage> databaseOutage(MessageSource messages, LocaleResolver localeResolver) {
        FilterRegistrationBean<DatabaseOutage> registration =
                new FilterRegistrationBean<>(new DatabaseOutage(messages, localeResolver));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
