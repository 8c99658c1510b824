package io.taskbot.app.contract004;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.V1Users;
import io.taskbot.app.support.V1Users.V1User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/tasks/events}: a user's task changes as server-sent events, and only that user's. */
@TaskbotApp
class TaskEventsIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    static RunningApp app;
    static ApiClient client;

    @BeforeAll
    static void connect(RunningApp running) {
        app = running;
        client = app.client();
    }

    /** An open stream: every {@code event:}/{@code data:} pair as it arrives. */
    record Stream(BlockingQueue<Map.Entry<String, JsonNode>> events, CompletableFuture<?> response, JsonNode[] ready) {

        Map.Entry<String, JsonNode> next() throws InterruptedException {
            Map.Entry<String, JsonNode> event = events.poll(30, TimeUnit.SECONDS);
            assertThat(event).as("an event within 30 s").isNotNull();
            return event;
        }

        void close() {
            response.cancel(true);
        }
    }

    private static Stream open(V1User user) throws InterruptedException {
        BlockingQueue<Map.Entry<String, JsonNode>> events = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.baseUrl() + "/v1/tasks/events"))
                .header("Authorization", "Bearer " + user.token())
                .header("Accept", "text/event-stream")
                .build();
        String[] name = {null};
        CompletableFuture<?> response = HttpClient.newHttpClient().sendAsync(request,
                HttpResponse.BodyHandlers.fromLineSubscriber(new java.util.concurrent.Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        if (line.startsWith("event:")) {
                            name[0] = line.substring(6).strip();
                        } else if (line.startsWith("data:")) {
                            try {
                                events.add(Map.entry(name[0], JSON.readTree(line.substring(5))));
                            } catch (java.io.IOException e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    }

                    @Override
                    public void onError(Throwable throwable) {
                    }

                    @Override
                    public void onComplete() {
                    }
                }));
        Stream stream = new Stream(events, response, new JsonNode[1]);
        Map.Entry<String, JsonNode> ready = stream.next();
        assertThat(ready.getKey()).isEqualTo("ready");
        stream.ready()[0] = ready.getValue();
        return stream;
    }

    private static long create(V1User user, String title) {
        Response created = client.post("/v1/tasks", user.token(), Map.of("title", title));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/data/id").asLong();
    }

    @Test
    void aStreamNeedsAToken() {
        Response response = client.withHeaders("GET", "/v1/tasks/events", Map.of("Accept", "text/event-stream"));

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void aStreamStartsWithTheNumberOfTasks() throws Exception {
        V1User user = V1Users.register(client, "counted");
        create(user, "One");
        create(user, "Two");

        Stream stream = open(user);
        stream.close();

        assertThat(stream.ready()[0].get("total").asLong()).isEqualTo(2);
    }

    @Test
    void everyChangeOfTheUsersTasksIsPushedAndNoOneElses() throws Exception {
        V1User alice = V1Users.register(client, "alice");
        V1User bob = V1Users.register(client, "bob");
        Stream alices = open(alice);
        Stream bobs = open(bob);

        long bobsTask = create(bob, "Bob's secret");
        // bob hears of it: the update has been emitted, also to alice had it been meant for her
        assertThat(bobs.next().getValue().get("id").asLong()).isEqualTo(bobsTask);

        long created = create(alice, "Water the plants");
        Map.Entry<String, JsonNode> first = alices.next();
        assertThat(first.getKey()).isEqualTo("task");
        assertThat(first.getValue().get("id").asLong()).isEqualTo(created);
        assertThat(first.getValue().at("/task/title").asText()).isEqualTo("Water the plants");
        assertThat(first.getValue().at("/task/user_id").asText()).isEqualTo(alice.id());
        assertThat(first.getValue().get("deleted").asBoolean()).isFalse();

        client.patch("/v1/tasks/" + created + "/complete", alice.token(), Map.of("completed", true));
        JsonNode completed = alices.next().getValue();
        assertThat(completed.at("/task/completed").asBoolean()).isTrue();
        assertThat(completed.get("version").asLong()).isEqualTo(1);

        assertThat(client.delete("/v1/tasks/" + created, alice.token()).status()).isEqualTo(200);
        JsonNode deleted = alices.next().getValue();
        assertThat(deleted.get("id").asLong()).isEqualTo(created);
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(deleted.get("task").isNull()).isTrue();

        alices.close();
        bobs.close();
    }
}
