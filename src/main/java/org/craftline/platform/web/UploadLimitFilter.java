package org.craftline.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * An upload over the multipart limit makes Tomcat throw from every {@code getParameter} (the CSRF
 * filter's, the language switch's), long before a controller could answer. Behind this filter the
 * parameters of such a request are those of its query string only; the file itself is still
 * refused when the controller asks for it ({@code MaxUploadSizeExceededException}), where the page
 * and the API answer 413 naming the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart =
                type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        chain.doFilter(multipart ? new QueryOnlyWhenRefused(request) : request, response);
    }

    /** True when the failure is the container's size limit on an upload. */
    static boolean sizeExceeded(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.tomcat.util.http.fileupload.impl.SizeException) {
                return true;
            }
        }
        return false;
    }

    private static final class QueryOnlyWhenRefused extends HttpServletRequestWrapper {

        private Map<String, String[]> query;

        QueryOnlyWhenRefused(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterValues(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            return getParameterMap().get(name);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (query != null) {
                return query;
            }
            try {
                return super.getParameterMap();
            } catch (Exception e) { // Tomcat may throw its size exception itself, though checked
                if (!sizeExceeded(e)) {
                    throw e;
                }
                query = queryParameters(getQueryString());
                return query;
            }
        }

        private static Map<String, String[]> queryParameters(String queryString) {
            if (queryString == null) {
                return Map.of();
            }
            MultiValueMap<String, String> raw = UriComponentsBuilder.newInstance()
                    .query(queryString)
                    .build()
                    .getQueryParams();
            Map<String, String[]> decoded = new java.util.LinkedHashMap<>();
            raw.forEach((name, values) -> decoded.put(
                    UriUtils.decode(name, java.nio.charset.StandardCharsets.UTF_8),
                    values.stream()
                            .map(v -> v == null ? "" : UriUtils.decode(v, java.nio.charset.StandardCharsets.UTF_8))
                            .toArray(String[]::new)));
            return Collections.unmodifiableMap(decoded);
        }
    }
}
