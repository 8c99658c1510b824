package io.taskbot.app.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Tomcat's own error report, for what it refuses before the application sees it: a request line with raw
 * {@code [ ] { } |} in its query, a header over the size limit, a malformed request. It used to be Tomcat's HTML
 * page; now it is the error body of the contract of the path (where the path could be read at all), with the
 * security headers every other answer has. Errors the application answered itself are left as they are.
 */
public final class ContractErrorReportValve extends ErrorReportValve {

    /** Spring Security's default headers, which these answers never get because they never reach its filters. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-XSS-Protection", "0",
            "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
            "Pragma", "no-cache",
            "Expires", "0",
            "X-Frame-Options", "DENY");

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // the same guard as Tomcat's: only errors nobody has written a body for, and only once
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ApiError.Kind kind = ApiError.Kind.forStatus(status);
        String message = status >= 500 ? "Internal server error" : switch (status) {
            case 400 -> "Bad request: the request line or its headers are malformed or too large";
            case 414 -> "The request URI is too long";
            case 431 -> "The request headers are too large";
            default -> ApiExceptionHandler.defaultMessage(kind);
        };
        String path = request.getCoyoteRequest().requestURI().isNull() ? null : request.getRequestURI();
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            SECURITY_HEADERS.forEach(response::setHeader);
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(ApiContract.forPath(path).errorBody(new ApiError(kind, null,
                        message, null))));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing left to tell anyone
        }
    }
}
