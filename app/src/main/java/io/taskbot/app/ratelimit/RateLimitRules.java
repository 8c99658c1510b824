package io.taskbot.app.ratelimit;

import io.taskbot.app.config.TaskbotProperties.Limit;
import io.taskbot.app.config.TaskbotProperties.RateLimits;
import io.taskbot.app.web.ApiContract;

import java.util.List;

/**
 * Which limits a path is under. Contract 004's auth endpoints are register and login: the per-address limit is there
 * to slow down password guessing, and logout and me, which need a token, count as its other endpoints.
 */
final class RateLimitRules {

    /** Whom a bucket counts for: the client's address, or the authenticated user. */
    enum Scope { ADDRESS, USER }

    /** One limit of one contract; {@code name} becomes part of every bucket's key. */
    record Rule(String name, Limit limit, Scope scope) {

        /**
         * The limit is part of the key, so that an operator who changes a limit starts from fresh buckets instead of
         * buckets stored with the old one.
         */
        String key(String subject) {
            return name + "/" + limit.requests() + "/" + limit.period().toSeconds() + "s:" + subject;
        }
    }

    /** The MCP server's servlet, see {@code io.taskbot.app.mcp}. */
    static final String MCP_ENDPOINT = "/mcp";

    private final Rule v1Auth;
    private final Rule v1Tasks;
    private final Rule v1Other;
    private final Rule apiV1;
    private final Rule chatPerAddress;
    private final Rule chatPerUser;
    private final Rule mcpPerUser;

    RateLimitRules(RateLimits limits) {
        this.v1Auth = new Rule("v1-auth", limits.v1Auth(), Scope.ADDRESS);
        this.v1Tasks = new Rule("v1-tasks", limits.v1Tasks(), Scope.USER);
        this.v1Other = new Rule("v1-other", limits.v1Other(), Scope.USER);
        this.apiV1 = new Rule("api-v1", limits.apiV1(), Scope.ADDRESS);
        this.chatPerAddress = new Rule("chat-address", limits.chatPerAddress(), Scope.ADDRESS);
        this.chatPerUser = new Rule("chat-user", limits.chatPerUser(), Scope.USER);
        this.mcpPerUser = new Rule("mcp-user", limits.mcpPerUser(), Scope.USER);
    }

    /** The limits of {@code path} (decoded, without context path) that count for {@code scope}. */
    List<Rule> rulesFor(String path, Scope scope) {
        return all(path).stream().filter(rule -> rule.scope() == scope).toList();
    }

    private List<Rule> all(String path) {
        return switch (ApiContract.forPath(path)) {
            case API_V1 -> List.of(apiV1);
            case CHAT -> List.of(chatPerAddress, chatPerUser);
            case V1 -> List.of(v1Rule(path));
            // the MCP server acts with the agent's tools, for the token's user like the chat does
            case OTHER -> path.equals(MCP_ENDPOINT) ? List.of(mcpPerUser) : List.of();
        };
    }

    private Rule v1Rule(String path) {
        if (path.equals("/v1/auth/register") || path.equals("/v1/auth/login")) {
            return v1Auth;
        }
        return path.equals("/v1/tasks") || path.startsWith("/v1/tasks/") ? v1Tasks : v1Other;
    }
}
