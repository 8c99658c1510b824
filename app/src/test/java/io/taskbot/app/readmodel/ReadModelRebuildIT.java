package io.taskbot.app.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.taskbot.app.support.Admins;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import io.taskbot.conversation.ConversationId;
import io.taskbot.conversation.PostUserMessageCommand;
import io.taskbot.conversation.RecordAssistantReplyCommand;
import io.taskbot.messaging.Channel;
import io.taskbot.messaging.MetadataKeys;
import io.taskbot.task.CreateTaskCommand;
import io.taskbot.task.DeleteTaskCommand;
import io.taskbot.task.DueDate;
import io.taskbot.task.Priority;
import io.taskbot.task.TaskId;
import io.taskbot.task.TaskStatus;
import io.taskbot.task.TaskWritten;
import io.taskbot.task.UpdateTaskCommand;
import io.taskbot.user.UserId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin rebuilds every read model while clients keep writing and reading: no reader ever sees a partial or older
 * read model, every writer reads its own write at once, the switch ends with the read models the clients expect, and
 * a rebuilt generation equals, document for document, the generation it replaced.
 */
// replaced generations stay long enough to be compared with their successors
@TaskbotApp(properties = {"taskbot.read-models.retired-grace=1h", "taskbot.read-models.progress-log-interval=1s"})
class ReadModelRebuildIT {

    /** Tasks per seeded user; each task has 2 to 5 events. Raise with -Dtaskbot.it.rebuild-tasks for a benchmark. */
    private static final int TASKS_PER_USER = Integer.getInteger("taskbot.it.rebuild-tasks", 40);
    private static final int USERS = 10;
    private static final int CONVERSATIONS_PER_USER = 4;
    private static final int TURNS_PER_CONVERSATION = 8;
    /** Generous: the waits end as soon as their condition holds, and a loaded machine is slow. */
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    static RunningApp app;
    static ApiClient client;
    static String admin;
    static final List<User> users = new ArrayList<>();
    /** What the read model must show of each seeded task, by user: id to title, status; deleted ones absent. */
    static final Map<Long, Map<Long, String>> seeded = new HashMap<>();
    static final Map<Long, Integer> seededMessages = new HashMap<>();
    static long seededEvents;

    @BeforeAll
    static void startAndSeed(RunningApp running) throws Exception {
        app = running;
        client = app.client();
        admin = Admins.login(client);
        for (int i = 0; i < USERS; i++) {
            users.add(Users.register(client, "rebuild"));
        }
        seed();
    }

    /** Thousands of events straight through the command bus, from several threads, as the REST adapters send them. */
    private static void seed() throws Exception {
        CommandGateway commands = app.bean(CommandGateway.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger events = new AtomicInteger();
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (User user : users) {
                Map<Long, String> tasks = new ConcurrentHashMap<>();
                seeded.put(user.id(), tasks);
                seededMessages.put(user.id(), CONVERSATIONS_PER_USER * TURNS_PER_CONVERSATION * 2);
                UserId owner = UserId.of(user.id());
                for (int n = 0; n < TASKS_PER_USER; n++) {
                    int number = n;
                    work.add(() -> {
                        seedTask(commands, owner, number, tasks, events);
                        return null;
                    });
                }
                for (int c = 0; c < CONVERSATIONS_PER_USER; c++) {
                    work.add(() -> {
                        seedConversation(commands, owner, events);
                        return null;
                    });
                }
            }
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        seededEvents = events.get();
        System.out.printf("seeded %d events (%d tasks, %d conversations)%n", seededEvents,
                USERS * TASKS_PER_USER, USERS * CONVERSATIONS_PER_USER);
        awaitLive(1);
    }

    private static <R> R send(CommandGateway commands, Object command, UserId user, Channel channel) {
        MetaData metaData = MetaData.from(MetadataKeys.of(user, channel, UUID.randomUUID().toString()));
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    private static void seedTask(CommandGateway commands, UserId owner, int number, Map<Long, String> tasks,
                                 AtomicInteger events) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Instant now = Instant.now();
        String title = "task " + number;
        TaskWritten written = send(commands, new CreateTaskCommand(owner, title, "seeded", Priority.values()[
                random.nextInt(Priority.values().length)], random.nextBoolean() ? DueDate.parse("2027-01-0"
                + (1 + random.nextInt(9))) : null, List.of("seed", "n" + number % 7), now), owner, Channel.API_V1);
        TaskId id = written.taskId();
        events.incrementAndGet();
        String status = "pending";
        if (random.nextInt(3) > 0) {
            title = title + " renamed";
            events.addAndGet(2);
            send(commands, UpdateTaskCommand.of(id, owner, now.plusMillis(1)).withTitle(title)
                    .withPriority(Priority.URGENT), owner, Channel.V1);
        }
        if (random.nextInt(2) == 0) {
            status = "completed";
            events.incrementAndGet();
            send(commands, UpdateTaskCommand.of(id, owner, now.plusMillis(2)).withStatus(TaskStatus.COMPLETED),
                    owner, Channel.V1);
        }
        if (random.nextInt(10) == 0) {
            events.incrementAndGet();
            send(commands, new DeleteTaskCommand(id, owner, now.plusMillis(3)), owner, Channel.API_V1);
            return;
        }
        tasks.put(id.value(), title + "|" + status);
    }

    private static void seedConversation(CommandGateway commands, UserId owner, AtomicInteger events) {
        ConversationId conversation = ConversationId.random();
        Channel channel = Channel.conversation(conversation.value());
        Instant now = Instant.now();
        for (int turn = 0; turn < TURNS_PER_CONVERSATION; turn++) {
            send(commands, new PostUserMessageCommand(conversation, owner, "message " + turn,
                    now.plusMillis(2L * turn)), owner, channel);
            send(commands, new RecordAssistantReplyCommand(conversation, owner, "reply " + turn, List.of(),
                    now.plusMillis(2L * turn + 1)), owner, channel);
            events.addAndGet(turn == 0 ? 3 : 2);
        }
    }

    private static JsonNode readModels() {
        Response response = client.get("/api/admin/read-models", admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** Waits until every read model is live on {@code generation} and caught up with the event store. */
    private static JsonNode awaitLive(int generation) {
        return Awaitility.await("read models live on generation " + generation).atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .until(ReadModelRebuildIT::readModels, models -> onGeneration(models, generation, true));
    }

    private static boolean onGeneration(JsonNode models, int generation, boolean caughtUp) {
        boolean live = true;
        for (JsonNode model : models) {
            live &= model.get("state").asText().equals("live") && model.get("generation").asInt() == generation
                    && (!caughtUp || model.get("behind").asLong() == 0);
        }
        return live;
    }

    /** Until the clients have done {@code more} reads and writes beyond what they had done so far. */
    private static void awaitTraffic(Traffic traffic, int more) {
        int reads = traffic.reads.get();
        int writes = traffic.writes.get();
        Awaitility.await("client traffic").atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> traffic.reads.get() >= reads + more && traffic.writes.get() >= writes + more);
    }

    @Test
    void aRebuildUnderLiveTrafficSwitchesAtomicallyAndEqualsTheModelItReplaces() throws Exception {
        Traffic traffic = new Traffic();
        traffic.start();
        awaitTraffic(traffic, 10);

        Response started = client.post("/api/admin/read-models/rebuild", admin, Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json()).hasSize(2);
        for (JsonNode model : started.json()) {
            assertThat(model.get("state").asText()).as(model.toString()).isEqualTo("rebuilding");
            assertThat(model.get("generation").asInt()).isEqualTo(1);
            assertThat(model.at("/rebuild/generation").asInt()).isEqualTo(2);
        }
        Response again = client.post("/api/admin/read-models/tasks/rebuild", admin, Map.of());
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().at("/rebuild/generation").asInt()).as("a second request joins the running rebuild")
                .isEqualTo(2);

        long rebuildStarted = System.nanoTime();
        AtomicLong fastest = new AtomicLong();
        Awaitility.await("rebuild switched").atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(ReadModelRebuildIT::readModels, models -> {
                    models.forEach(model -> fastest.accumulateAndGet(model.at("/rebuild/events_per_second").asLong(),
                            Math::max));
                    return onGeneration(models, 2, false);
                });
        System.out.printf("rebuild of %d+ events switched after %d ms (status showed up to %d positions/s)%n",
                seededEvents, Duration.ofNanos(System.nanoTime() - rebuildStarted).toMillis(), fastest.get());
        // the clients go on for a while on the new generation before they stop
        awaitTraffic(traffic, 10);
        traffic.stop();

        assertThat(traffic.failures).as("what clients saw during the rebuild").isEmpty();
        awaitLive(2);
        traffic.checkFinalState();

        MongoDatabase readModels = app.bean(MongoDatabase.class);
        assertCovers(readModels, "tasks", "tasks_v2");
        assertCovers(readModels, "conversations", "conversations_v2");
        assertCovers(readModels, "conversation_messages", "conversation_messages_v2");

        // without traffic, generation 2 (rebuilt, then kept up to date live) and generation 3 (rebuilt) must be equal
        Response third = client.post("/api/admin/read-models/rebuild", admin, Map.of());
        assertThat(third.status()).isEqualTo(202);
        awaitLive(3);
        for (String collection : List.of("tasks", "conversations", "conversation_messages")) {
            List<Document> replaced = documents(readModels, collection + "_v2");
            List<Document> rebuilt = documents(readModels, collection + "_v3");
            assertThat(rebuilt).as(collection).hasSameSizeAs(replaced).isEqualTo(replaced);
        }
        assertThat(documents(readModels, "tasks_v3").size()).as("tasks, deleted ones as tombstones")
                .isGreaterThanOrEqualTo(USERS * TASKS_PER_USER);
        traffic.checkFinalState();
    }

    @Test
    void onlyAdminsOperateTheReadModels() {
        User someone = Users.register(client, "curious");
        for (String path : List.of("/api/admin/read-models", "/api/admin/dead-letters")) {
            Response refused = client.get(path, someone.token());
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.json().at("/error/code").asText()).isEqualTo("FORBIDDEN");
            assertThat(client.get(path, null).status()).as(path).isEqualTo(401);
        }
        for (String path : List.of("/api/admin/read-models/rebuild", "/api/admin/read-models/tasks/rebuild",
                "/api/admin/dead-letters/tasks/retry")) {
            Response refused = client.post(path, someone.token(), Map.of());
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.json().at("/error/code").asText()).isEqualTo("FORBIDDEN");
        }
        Response unknown = client.post("/api/admin/read-models/nothing/rebuild", admin, Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().at("/error/code").asText()).isEqualTo("NOT_FOUND");
        assertThat(client.post("/api/admin/dead-letters/nothing/retry", admin, Map.of()).status()).isEqualTo(404);

        JsonNode models = readModels();
        assertThat(models.findValuesAsText("name")).containsExactlyInAnyOrder("tasks", "conversation-history");
        for (JsonNode model : models) {
            assertThat(model.fieldNames()).toIterable().contains("name", "state", "position", "behind");
        }
    }

    /** Every document of the replaced generation is in the new one, as it was or at a newer version. */
    private static void assertCovers(MongoDatabase readModels, String replaced, String rebuilt) {
        Map<Object, Document> next = new HashMap<>();
        documents(readModels, rebuilt).forEach(document -> next.put(document.get("_id"), document));
        List<Document> old = documents(readModels, replaced);
        assertThat(old).as(replaced).isNotEmpty();
        for (Document document : old) {
            Document successor = next.get(document.get("_id"));
            assertThat(successor).as("%s %s in %s", replaced, document.get("_id"), rebuilt).isNotNull();
            Object version = document.get("version");
            if (version == null || successor.get("version").equals(version)) {
                assertThat(successor).as("%s %s", replaced, document.get("_id")).isEqualTo(document);
            } else {
                assertThat(((Number) successor.get("version")).longValue())
                        .isGreaterThan(((Number) version).longValue());
            }
        }
    }

    private static List<Document> documents(MongoDatabase readModels, String collection) {
        return readModels.getCollection(collection).find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    /**
     * Clients during the rebuild. Writers create, rename and delete tasks of their own over HTTP and read each write
     * back at once; readers list seeded users' tasks and messages, which nobody changes, and must always get all of
     * them, as seeded, plus every task a writer had confirmed before the read began.
     */
    private static final class Traffic {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService pool = Executors.newFixedThreadPool(6);
        private final List<Future<?>> workers = new ArrayList<>();
        final Queue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();
        /** Tasks writers made, by user: id to title, or null once a delete was asked for. */
        private final Map<Long, Map<Long, String>> written = new ConcurrentHashMap<>();
        /** When each written task was confirmed (System.nanoTime), and when its deletion was first asked for. */
        private final Map<Long, Long> confirmedAt = new ConcurrentHashMap<>();
        private final Map<Long, Long> deletionAskedAt = new ConcurrentHashMap<>();

        void start() {
            for (int i = 0; i < 3; i++) {
                User writer = users.get(i);
                written.put(writer.id(), new ConcurrentHashMap<>());
                workers.add(pool.submit(() -> write(writer)));
            }
            for (int i = 0; i < 3; i++) {
                workers.add(pool.submit(this::read));
            }
        }

        void stop() throws Exception {
            running.set(false);
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdownNow();
        }

        private void fail(String what) {
            if (failures.size() < 50) {
                failures.add(what);
            }
        }

        private void write(User writer) {
            Map<Long, String> mine = written.get(writer.id());
            int n = 0;
            while (running.get()) {
                pause();
                n++;
                Response created = client.post("/api/v1/tasks", writer.token(), Map.of("title", "live " + n));
                if (created.status() != 201) {
                    fail("create: " + created.status() + " " + created.body());
                    continue;
                }
                long id = created.json().get("id").asLong();
                mine.put(id, "live " + n);
                confirmedAt.put(id, System.nanoTime());
                writes.incrementAndGet();
                Response read = client.get("/api/v1/tasks/" + id, writer.token());
                if (read.status() != 200 || !read.json().get("title").asText().equals("live " + n)) {
                    fail("read own create " + id + ": " + read.status() + " " + read.body());
                }
                if (n % 2 == 0) {
                    Response renamed = client.put("/api/v1/tasks/" + id, writer.token(),
                            Map.of("title", "live " + n + " renamed"));
                    if (renamed.status() != 200 || !renamed.json().get("title").asText().endsWith("renamed")) {
                        fail("rename " + id + ": " + renamed.status() + " " + renamed.body());
                    } else {
                        mine.put(id, "live " + n + " renamed");
                        writes.incrementAndGet();
                    }
                    Response reread = client.get("/api/v1/tasks/" + id, writer.token());
                    if (reread.status() != 200 || !reread.json().get("title").asText().endsWith("renamed")) {
                        fail("read own rename " + id + ": " + reread.status() + " " + reread.body());
                    }
                }
                if (n % 3 == 0) {
                    deletionAskedAt.put(id, System.nanoTime());
                    mine.put(id, "");
                    Response deleted = client.delete("/api/v1/tasks/" + id, writer.token());
                    if (deleted.status() != 204) {
                        fail("delete " + id + ": " + deleted.status() + " " + deleted.body());
                    }
                    writes.incrementAndGet();
                    Response gone = client.get("/api/v1/tasks/" + id, writer.token());
                    if (gone.status() != 404) {
                        fail("read own delete " + id + ": " + gone.status());
                    }
                }
            }
        }

        private void read() {
            while (running.get()) {
                pause();
                User user = users.get(ThreadLocalRandom.current().nextInt(users.size()));
                long began = System.nanoTime();
                Response listed = client.get("/api/v1/tasks?limit=1000", user.token());
                if (listed.status() != 200) {
                    fail("list " + listed.status() + " " + listed.body());
                    continue;
                }
                reads.incrementAndGet();
                Map<Long, String> shown = new HashMap<>();
                listed.json().forEach(task -> shown.put(task.get("id").asLong(),
                        task.get("title").asText() + "|" + task.get("status").asText()));
                seeded.get(user.id()).forEach((id, expected) -> {
                    if (!expected.equals(shown.get(id))) {
                        fail("user " + user.id() + " seeded task " + id + " shown as " + shown.get(id)
                                + " instead of " + expected + " (" + shown.size() + " tasks listed)");
                    }
                });
                Map<Long, String> theirs = written.getOrDefault(user.id(), Map.of());
                for (Long id : theirs.keySet()) {
                    Long confirmed = confirmedAt.get(id);
                    Long deletion = deletionAskedAt.get(id);
                    if (confirmed != null && confirmed < began && deletion == null && !shown.containsKey(id)) {
                        fail("user " + user.id() + " confirmed task " + id + " missing from a later list");
                    }
                }
                Response messages = client.get("/api/v1/messages/history?limit=1000", user.token());
                if (messages.status() != 200 || messages.json().size() != seededMessages.get(user.id())) {
                    fail("messages of user " + user.id() + ": " + messages.status() + ", "
                            + (messages.status() == 200 ? messages.json().size() : messages.body()));
                }
            }
        }

        /** A client's think time, so that the clients share the two cores with the rebuild rather than starve it. */
        private void pause() {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.set(false);
            }
        }

        /** After the rebuild, every user's tasks are exactly the seeded ones plus what the writers left. */
        void checkFinalState() {
            for (User user : users) {
                Map<Long, String> expected = new HashMap<>();
                seeded.get(user.id()).forEach((id, titleAndStatus) -> expected.put(id,
                        titleAndStatus.substring(0, titleAndStatus.indexOf('|'))));
                written.getOrDefault(user.id(), Map.of()).forEach((id, title) -> {
                    if (!title.isEmpty()) {
                        expected.put(id, title);
                    }
                });
                Map<Long, String> shown = new HashMap<>();
                Response listed = client.get("/api/v1/tasks?limit=1000", user.token());
                listed.json().forEach(task -> shown.put(task.get("id").asLong(), task.get("title").asText()));
                assertThat(shown).as("tasks of user %d", user.id()).isEqualTo(expected);
            }
        }
    }
}
