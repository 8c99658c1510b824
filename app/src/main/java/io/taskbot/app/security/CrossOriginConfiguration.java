package io.taskbot.app.security;

import io.taskbot.app.config.TaskbotProperties;
import io.taskbot.app.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Browser apps on other origins may call the APIs only when their origin is listed in
 * {@code taskbot.cors.allowed-origins} (empty by default: the console at {@code /} is same-origin and needs none).
 * A request from a listed origin gets the CORS headers, and its preflight is answered before authentication; a
 * request from any other origin is served as if CORS did not exist (no headers, so the browser keeps the answer from
 * the page), rather than refused: non-browser clients that happen to send an Origin keep working.
 * No credentials are allowed: the APIs take bearer tokens, never cookies.
 */
@Configuration(proxyBeanMethods = false)
class CrossOriginConfiguration {

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            HttpHeaders.ACCEPT, "X-Time-Zone", RequestIds.HEADER);
    static final List<String> EXPOSED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
            HttpHeaders.WWW_AUTHENTICATE, RequestIds.HEADER, "X-RateLimit-Limit", "X-RateLimit-Remaining");

    @Bean
    CorsConfigurationSource corsConfigurationSource(TaskbotProperties properties) {
        Set<String> allowed = properties.cors().allowedOrigins().stream()
                .map(CrossOriginConfiguration::normalize)
                .filter(origin -> !origin.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (allowed.contains("*") || allowed.contains("null")) {
            throw new IllegalStateException("taskbot.cors.allowed-origins lists origins one by one "
                    + "(https://app.example.com); '*' and 'null' would let any page use a stolen token");
        }
        return request -> configurationFor(request, allowed);
    }

    private static CorsConfiguration configurationFor(HttpServletRequest request, Set<String> allowed) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || !allowed.contains(normalize(origin))) {
            return null;
        }
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.of(origin));
        configuration.setAllowedMethods(METHODS);
        configuration.setAllowedHeaders(REQUEST_HEADERS);
        configuration.setExposedHeaders(EXPOSED_HEADERS);
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(Duration.ofHours(1));
        return configuration;
    }

    /** Origins compare without case and without a trailing slash, as browsers send them. */
    private static String normalize(String origin) {
        String trimmed = origin.strip().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
