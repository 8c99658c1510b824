package io.taskbot.app.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.taskbot.app.security.CurrentUser;
import io.taskbot.app.web.RequestIds;
import io.taskbot.user.UserId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Map;

/**
 * Whom one MCP request acts for: the subject of the bearer token Spring Security verified for that HTTP request (every
 * JSON-RPC message is a request of its own), and the request's correlation id. It travels to the tools in the
 * transport context, never in anything the client sends, so a session cannot act for anyone but the token's user.
 */
record McpCaller(UserId user, String requestId) {

    private static final String KEY = McpCaller.class.getName();

    /** The transport's context extractor; runs on the request's thread, where the security context is. */
    static McpTransportContext fromRequest(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt token) {
            McpCaller caller = new McpCaller(CurrentUser.of(token), RequestIds.of(request));
            return McpTransportContext.create(Map.of(KEY, caller));
        }
        return McpTransportContext.EMPTY;
    }

    static McpCaller of(McpTransportContext context) {
        if (context != null && context.get(KEY) instanceof McpCaller caller) {
            return caller;
        }
        // the security filter chain refuses unauthenticated requests to /mcp before they get here
        throw new IllegalStateException("an MCP request without an authenticated user");
    }
}
