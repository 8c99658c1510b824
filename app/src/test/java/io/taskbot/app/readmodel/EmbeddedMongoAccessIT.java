package io.taskbot.app.readmodel;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.taskbot.app.support.ApiClient;
import io.taskbot.app.support.RunningApp;
import io.taskbot.app.support.TaskbotApp;
import io.taskbot.app.support.Users;
import io.taskbot.app.support.Users.User;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded MongoDB takes only the application: a local client without the key in the data dir gets no answer,
 * neither in plain text nor over TLS without the client certificate, so it can neither read {@code accounts} nor
 * delete {@code revoked_tokens}; the application reads and writes as before.
 */
@TaskbotApp
class EmbeddedMongoAccessIT {

    static Path dataDir;
    static RunningApp app;
    static String address;

    @BeforeAll
    static void connect(RunningApp running) {
        app = running;
        dataDir = app.dataDir();
        String connectionString = app.bean(EmbeddedMongo.class).connectionString();
        address = new ConnectionString(connectionString).getHosts().get(0);
    }

    @Test
    void theKeyIsKeptInTheDataDirForItsOwnerOnly() throws Exception {
        Path file = dataDir.resolve(EmbeddedMongoTls.FILE_NAME);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).contains("PRIVATE KEY").contains("BEGIN CERTIFICATE");
    }

    @Test
    void aPlainTextClientGetsNothing() {
        try (MongoClient intruder = MongoClients.create(settings("mongodb://" + address).build())) {
            assertThatThrownBy(() -> intruder.getDatabase("taskbot").getCollection("accounts").find().first())
                    .isInstanceOf(MongoException.class);
        }
    }

    @Test
    void aTlsClientWithoutTheCertificateGetsNothing() throws Exception {
        // trusts any server, so that only the missing client certificate can be what keeps it out
        SSLContext anyServer = SSLContext.getInstance("TLS");
        anyServer.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        try (MongoClient intruder = MongoClients.create(settings("mongodb://" + address + "/?tls=true")
                .applyToSslSettings(tls -> tls.enabled(true).invalidHostNameAllowed(true).context(anyServer))
                .build())) {
            assertThatThrownBy(() -> intruder.getDatabase("taskbot").getCollection("revoked_tokens")
                    .deleteMany(new Document()))
                    .isInstanceOf(MongoException.class);
        }
    }

    @Test
    void theKeptKeyIsReadBackOnTheNextStart() {
        EmbeddedMongoTls first = EmbeddedMongoTls.loadOrCreate(dataDir);
        EmbeddedMongoTls again = EmbeddedMongoTls.loadOrCreate(dataDir);

        assertThat(again.file()).isEqualTo(first.file());
        assertThat(again.clientContext()).isNotNull();
        assertThat(again.serverContext().isServer()).isTrue();
    }

    @Test
    void theApplicationStillReadsAndWrites() {
        ApiClient client = app.client();
        User user = Users.register(client, "mongo-access");
        ApiClient.Response created = client.post("/api/v1/tasks", user.token(), Map.of("title", "Lock the door"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        ApiClient.Response listed = client.get("/api/v1/tasks", user.token());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().get(0).get("title").asText()).isEqualTo("Lock the door");
    }

    private static MongoClientSettings.Builder settings(String uri) {
        return MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(5, TimeUnit.SECONDS)
                        .readTimeout(5, TimeUnit.SECONDS));
    }
}
