package io.taskbot.app.readmodel;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.taskbot.app.config.TaskbotProperties;
import io.taskbot.app.storage.SelfHealingStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;

/**
 * The read-model database. With {@code taskbot.mongodb.uri} unset, an embedded server is started first and the client
 * connects to it over the wire protocol, exactly as it would to a real MongoDB, with TLS and a client certificate.
 */
@Configuration(proxyBeanMethods = false)
class ReadModelDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${taskbot.mongodb.uri:}'.isBlank()")
    EmbeddedMongo embeddedMongo(TaskbotProperties properties) {
        return new EmbeddedMongo(properties.absoluteDataDir());
    }

    @Bean(destroyMethod = "close")
    MongoClient readModelMongoClient(TaskbotProperties properties, ObjectProvider<EmbeddedMongo> embedded) {
        if (!properties.mongodb().embedded()) {
            MongoClientSettings.Builder settings = MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(properties.mongodb().uri()))
                    .applicationName("taskbot");
            Path certificate = properties.mongodb().clientCertificate();
            if (certificate != null) {
                // another node's embedded store: present its certificate, and trust only a server that has it
                settings.applyToSslSettings(tls -> tls.enabled(true)
                        .context(EmbeddedMongoTls.load(certificate.toAbsolutePath()).clientContext()));
            }
            return MongoClients.create(settings.build());
        }
        // the embedded server takes only clients that present its certificate, see EmbeddedMongoTls
        EmbeddedMongo server = embedded.getObject();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .applyToSslSettings(tls -> tls.enabled(true).context(server.clientTls()))
                .applicationName("taskbot")
                .build());
    }

    /**
     * The read-model database, handed to nobody before the event-store database is bound to it: a node that would
     * serve from a read store other nodes of the same event store cannot see refuses to start.
     */
    @Bean
    MongoDatabase readModelDatabase(ReadStoreBinding readStoreBinding, MongoClient readModelMongoClient,
                                    TaskbotProperties properties) {
        return readModelMongoClient.getDatabase(databaseName(properties));
    }

    @Bean(destroyMethod = "close")
    @DependsOnDatabaseInitialization
    ReadStoreBinding readStoreBinding(MongoClient readModelMongoClient, TaskbotProperties properties,
                                      DataSource dataSource, Clock clock, ConfigurableApplicationContext context) {
        String database = databaseName(properties);
        String description;
        String remedy;
        if (properties.mongodb().embedded()) {
            description = "the embedded read store in " + properties.absoluteDataDir() + " on " + hostName();
            remedy = "set taskbot.mongodb.uri (environment TASKBOT_MONGODB_URI) to the MongoDB the other nodes use; "
                    + "it is unset here, so this node would use an embedded store of its own";
        } else {
            description = "MongoDB " + String.join(",", new ConnectionString(properties.mongodb().uri()).getHosts())
                    + ", database " + database;
            remedy = "set taskbot.mongodb.uri (environment TASKBOT_MONGODB_URI) on every node to the same MongoDB "
                    + "and database";
        }
        return new ReadStoreBinding(readModelMongoClient.getDatabase(database), description, remedy, dataSource,
                clock, () -> new Thread(context::close, "read-store-lost").start());
    }

    private static String databaseName(TaskbotProperties properties) {
        String database = properties.mongodb().embedded() ? null : new ConnectionString(properties.mongodb().uri())
                .getDatabase();
        return database != null ? database : properties.mongodb().database();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "this host";
        }
    }

    /** After a full disk closed the embedded store, it is reopened, even while the disk is full, to serve reads. */
    @Bean
    @ConditionalOnExpression("'${taskbot.mongodb.uri:}'.isBlank()")
    SelfHealingStore embeddedMongoHealing(EmbeddedMongo embeddedMongo) {
        return new SelfHealingStore() {
            @Override
            public String name() {
                return "readmodels";
            }

            @Override
            public Optional<String> problem() {
                return embeddedMongo.isOpen() ? Optional.empty()
                        : Optional.of("the embedded MongoDB store closed itself after a failed write");
            }

            @Override
            public void heal() {
                embeddedMongo.reopenIfClosed();
            }

            @Override
            public boolean healsWhileFull() {
                return true;
            }
        };
    }

    @Bean
    ReadModelDurability readModelDurability(ObjectProvider<EmbeddedMongo> embedded) {
        EmbeddedMongo server = embedded.getIfAvailable();
        return server != null ? server::flush : ReadModelDurability.JOURNALED;
    }
}
