package io.taskbot.app.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the security filters answer for a refused token (they write through {@link ErrorResponder}, below Spring
 * MVC): 401, a Bearer challenge, and the error body of the contract whose path was asked for.
 */
class UnauthorizedResponsesTest {

    private final ErrorResponder errors = new ErrorResponder(JsonMapper.builder().build());

    @Test
    void contract000AnswersWithADetail() throws Exception {
        assertThat(refuse("/api/v1/tasks")).isEqualTo("{\"detail\":\"Could not validate credentials\"}");
    }

    @Test
    void contract003AnswersWithAnErrorObject() throws Exception {
        assertThat(refuse("/api/chat")).isEqualTo(
                "{\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"Could not validate credentials\"}}");
    }

    @Test
    void contract004AnswersInItsEnvelope() throws Exception {
        assertThat(refuse("/v1/tasks/7")).isEqualTo("{\"success\":false,"
                + "\"error\":{\"code\":\"UNAUTHORIZED\",\"message\":\"Could not validate credentials\"}}");
    }

    @Test
    void theContractIsThePathTheClientAskedForEvenOnTheErrorPage() throws Exception {
        MockHttpServletRequest forwarded = new MockHttpServletRequest("GET", "/error");
        forwarded.setAttribute("jakarta.servlet.error.request_uri", "/v1/tasks");
        MockHttpServletResponse response = new MockHttpServletResponse();
        errors.write(forwarded, response, ApiError.of(ApiError.Kind.UNAUTHORIZED, "Not authenticated"));
        assertThat(response.getContentAsString()).startsWith("{\"success\":false");
    }

    private String refuse(String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        errors.write(new MockHttpServletRequest("GET", path), response,
                ApiError.of(ApiError.Kind.UNAUTHORIZED, "Could not validate credentials"));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.getContentType()).startsWith("application/json");
        return response.getContentAsString();
    }
}
