/**
 * The MCP server at {@code /mcp}: the chat agent's tools, derived from their LangChain4j definitions, for AI
 * assistants that speak the Model Context Protocol, acting as the user of the request's bearer token.
 */
package io.taskbot.app.mcp;
