package io.taskbot.app.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's own error page for what it refuses before the application sees the request (a URI with an encoded NUL,
 * a malformed path): the contract's JSON error instead of Tomcat's HTML page. Everything that reaches the application
 * has been answered by then, and is left alone.
 */
public class ContractErrorReportValve extends ErrorReportValve {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public ContractErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ApiError.Kind kind = ApiError.Kind.forStatus(status);
        String message = status >= 500 ? "Internal server error" : ApiExceptionHandler.defaultMessage(kind);
        try {
            byte[] body = JSON.writeValueAsBytes(ApiContract.forPath(request.getRequestURI())
                    .errorBody(ApiError.of(kind, message)));
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException clientGoneOrCommitted) {
            // nothing more can be said to this client
        }
    }
}
