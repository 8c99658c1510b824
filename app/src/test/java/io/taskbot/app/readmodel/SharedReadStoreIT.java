package io.taskbot.app.readmodel;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.taskbot.app.support.ApiClient.Response;
import io.taskbot.app.support.Databases;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.V1Users;
import io.taskbot.app.support.V1Users.V1User;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Nodes that share an event store must serve from one read store, where the accounts are: a second node with an
 * embedded read store of its own once handed out the first node's account ids again, and with them the first node's
 * users' tasks. Account ids now come from the event-store database, and such a node refuses to start.
 */
class SharedReadStoreIT {

    private static final String SECRET = "a-shared-secret-of-more-than-32-bytes!!";

    @TempDir
    Path nodeOneDir;
    @TempDir
    Path nodeTwoDir;
    private Map<String, String> database;
    private RunningApp nodeOne;
    private RunningApp nodeTwo;

    @AfterEach
    void stop() {
        if (nodeTwo != null) {
            nodeTwo.close();
        }
        if (nodeOne != null) {
            nodeOne.close();
        }
        if (database != null) {
            Databases.drop(database);
        }
    }

    @Test
    void aSecondNodeWithAReadStoreOfItsOwnRefusesToStart() throws Exception {
        assumeTrue(Databases.postgres(), "needs PostgreSQL (set -Dtaskbot.it.postgres-url)");
        database = Databases.freshEventStore();
        Map<String, String> shared = new LinkedHashMap<>(database);
        shared.put("taskbot.jwt.secret", SECRET);
        nodeOne = RunningApp.start(nodeOneDir, shared);
        V1User victim = V1Users.register(nodeOne.client(), "victim");

        Map<String, String> second = new LinkedHashMap<>(shared);
        second.put("spring.flyway.create-schemas", "false");
        assertThatThrownBy(() -> RunningApp.start(nodeTwoDir, second))
                .rootCause()
                .hasMessageContaining("taskbot.mongodb.uri")
                .hasMessageContaining("embedded read store in " + nodeOneDir.toAbsolutePath().normalize())
                .hasMessageContaining("embedded read store in " + nodeTwoDir.toAbsolutePath().normalize());

        // on the read store every node can see, the second node serves the same accounts, and new ones apart
        second.put("taskbot.mongodb.uri", mongoUriOf(nodeOne));
        second.put("taskbot.mongodb.client-certificate", nodeOneDir.resolve("mongo-tls.pem").toString());
        nodeTwo = RunningApp.start(nodeTwoDir, second);
        V1User other = V1Users.register(nodeTwo.client(), "other");
        assertThat(other.id()).isNotEqualTo(victim.id());
        Response me = nodeOne.client().get("/v1/auth/me", other.token());
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().at("/data/email").asText()).isEqualTo(other.email());
        assertThat(nodeTwo.client().get("/v1/auth/me", victim.token()).json().at("/data/email").asText())
                .isEqualTo(victim.email());
        nodeTwo.close();
        nodeTwo = null;

        // the same node on the same data dir comes back at once
        nodeOne.close();
        nodeOne = RunningApp.start(nodeOneDir, second.entrySet().stream()
                .filter(entry -> !entry.getKey().startsWith("taskbot.mongodb."))
                .collect(LinkedHashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()), Map::putAll));
        assertThat(nodeOne.client().get("/v1/auth/me", victim.token()).status()).isEqualTo(200);

        // a read store nobody has used for a lease (say its node lost its data dir) is taken over
        nodeOne.close();
        nodeOne = null;
        Thread.sleep(ReadStoreBinding.LEASE.plus(Duration.ofSeconds(2)).toMillis());
        Map<String, String> third = new LinkedHashMap<>(shared);
        third.put("spring.flyway.create-schemas", "false");
        nodeTwo = RunningApp.start(nodeTwoDir, third);
        V1User afterTakeOver = V1Users.register(nodeTwo.client(), "fresh");
        assertThat(afterTakeOver.id()).isNotIn(victim.id(), other.id());
        assertThat(nodeTwo.client().get("/v1/auth/me", victim.token()).status())
                .as("the victim's account is not in this read store, and nobody else got its id").isEqualTo(401);
    }

    @Test
    void accountIdsContinueAfterThoseOfTheReadStoresOldCounter() {
        database = Databases.freshEventStore();
        Map<String, String> properties = new LinkedHashMap<>(database);
        nodeOne = RunningApp.start(nodeOneDir, properties);
        V1User first = V1Users.register(nodeOne.client(), "first");
        assertThat(first.id()).isEqualTo("user_1");
        // as an earlier version left it: ids counted in the read store, one of them far ahead of the sequence
        MongoDatabase readStore = nodeOne.bean(MongoDatabase.class);
        readStore.getCollection("counters").insertOne(new Document("_id", "accounts").append("value", 41L));
        readStore.getCollection("accounts").insertOne(new Document("_id", 41L).append("email", "old@example.com")
                .append("username", "old").append("usernameKey", "old").append("passwordHash", "x")
                .append("createdAt", new Date()));
        nodeOne.close();

        Map<String, String> again = new LinkedHashMap<>(properties);
        again.remove("spring.flyway.create-schemas");
        nodeOne = RunningApp.start(nodeOneDir, again);
        assertThat(V1Users.register(nodeOne.client(), "next").id()).isEqualTo("user_42");
    }

    private static String mongoUriOf(RunningApp node) {
        return "mongodb://" + node.bean(MongoClient.class).getClusterDescription().getServerDescriptions().get(0)
                .getAddress();
    }
}
