package io.taskbot.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/** Renders an {@link ApiError} in the format of the contract whose base path the request is under. */
@Component
public class ErrorResponder {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponder.class);

    private final JsonMapper jsonMapper;

    ErrorResponder(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public ResponseEntity<Object> entity(HttpServletRequest request, ApiError error) {
        return entity(request, error, new HttpHeaders());
    }

    public ResponseEntity<Object> entity(HttpServletRequest request, ApiError error, HttpHeaders headers) {
        logAnswer(request, error);
        HttpHeaders merged = new HttpHeaders();
        merged.addAll(headers);
        merged.setContentType(MediaType.APPLICATION_JSON);
        addChallenge(error, merged);
        return new ResponseEntity<>(body(request, error), merged, error.status());
    }

    /** For layers below Spring MVC (security filters, servlet filters), which write the response themselves. */
    public void write(HttpServletRequest request, HttpServletResponse response, ApiError error) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        logAnswer(request, error);
        response.resetBuffer();
        response.setStatus(error.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (error.kind() == ApiError.Kind.UNAUTHORIZED && response.getHeader(HttpHeaders.WWW_AUTHENTICATE) == null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        jsonMapper.writeValue(response.getOutputStream(), body(request, error));
    }

    /**
     * One line per refused request, at DEBUG: a client's mistake is no news for the operator, and its stack trace
     * would only bury the real problems. Failures of the application itself are logged where they are caught.
     */
    private static void logAnswer(HttpServletRequest request, ApiError error) {
        if (log.isDebugEnabled()) {
            log.debug("{} {} answered {} {}: {}", request.getMethod(), pathOf(request), error.status().value(),
                    error.kind(), error.message());
        }
    }

    private Object body(HttpServletRequest request, ApiError error) {
        return ApiContract.forPath(pathOf(request)).errorBody(error);
    }

    private static void addChallenge(ApiError error, HttpHeaders headers) {
        if (error.kind() == ApiError.Kind.UNAUTHORIZED && !headers.containsHeader(HttpHeaders.WWW_AUTHENTICATE)) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
    }

    /** The path the client asked for, also when the container forwarded the request to the error page. */
    static String pathOf(HttpServletRequest request) {
        Object original = request.getAttribute("jakarta.servlet.error.request_uri");
        String uri = original instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
