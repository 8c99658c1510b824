package io.taskbot.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local stand-in for a hosted chat model's HTTP endpoint (OpenAI-compatible, Ollama): it records every request
 * body and its {@code Authorization} header, answers with what the test's responder makes of the request, and can be
 * told to fail the next requests with a 500, as an overloaded provider does.
 */
public final class FakeModelServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Function<JsonNode, String> responder;
    private final String failureBody;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToServe = new AtomicInteger();

    /**
     * @param path        the endpoint's path, e.g. {@code /api/chat}
     * @param responder   the JSON body of a successful answer to a request body
     * @param failureBody the JSON body of a failed answer
     */
    public FakeModelServer(String path, Function<JsonNode, String> responder, String failureBody) {
        this.responder = responder;
        this.failureBody = failureBody;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(path, this::answer);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<JsonNode> requests() {
        return requests;
    }

    public List<String> authorizations() {
        return authorizations;
    }

    /** The next {@code count} requests are answered with a 500. */
    public void failNext(int count) {
        failuresToServe.set(count);
    }

    /** Forgets the recorded requests and any failures still to serve. */
    public void reset() {
        requests.clear();
        authorizations.clear();
        failuresToServe.set(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        requests.add(request);
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        authorizations.add(authorization == null ? "" : authorization);
        if (failuresToServe.getAndDecrement() > 0) {
            send(exchange, 500, failureBody);
        } else {
            send(exchange, 200, responder.apply(request));
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
