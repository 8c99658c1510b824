package io.taskbot.app.mcp;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.taskbot.app.config.TaskbotProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MCP server: the SDK's streamable HTTP transport, a servlet at {@link #ENDPOINT} beside Spring MVC's, so that
 * the same filters run for it (request ids, body limit, Spring Security's bearer tokens, the per-user rate limit).
 * The server is synchronous and runs each call on the request's own thread: the transport blocks that thread
 * anyway, and the tools block on their commands and queries.
 */
@Configuration(proxyBeanMethods = false)
class McpConfiguration {

    static final String ENDPOINT = "/mcp";

    @Bean
    HttpServletStreamableServerTransportProvider mcpTransport(TaskbotProperties properties) {
        return HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(ENDPOINT)
                .contextExtractor(McpCaller::fromRequest)
                .maxRequestSize((int) Math.min(Integer.MAX_VALUE, properties.web().maxBodySize().toBytes()))
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
            HttpServletStreamableServerTransportProvider mcpTransport) {
        ServletRegistrationBean<HttpServletStreamableServerTransportProvider> registration =
                new ServletRegistrationBean<>(mcpTransport, ENDPOINT);
        registration.setName("mcp");
        registration.setAsyncSupported(true);
        return registration;
    }

    @Bean(destroyMethod = "closeGracefully")
    McpSyncServer mcpServer(HttpServletStreamableServerTransportProvider mcpTransport, AgentToolsOverMcp tools) {
        return McpServer.sync(mcpTransport)
                .serverInfo(new McpSchema.Implementation("taskbot", "Taskbot", version()))
                .instructions("The user's task list. Every tool acts for the user of the bearer token only.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                .immediateExecution(true)
                .tools(tools.specifications())
                .build();
    }

    /** The jar's version; "dev" when run from the classes directory (the ITs). */
    private static String version() {
        String version = McpConfiguration.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
