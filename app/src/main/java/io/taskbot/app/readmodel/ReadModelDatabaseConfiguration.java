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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
            return MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString(properties.mongodb().uri()))
                    .applicationName("taskbot")
                    .build());
        }
        // the embedded server takes only clients that present its certificate, see EmbeddedMongoTls
        EmbeddedMongo server = embedded.getObject();
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.connectionString()))
                .applyToSslSettings(tls -> tls.enabled(true).context(server.clientTls()))
                .applicationName("taskbot")
                .build());
    }

    @Bean
    MongoDatabase readModelDatabase(MongoClient readModelMongoClient, TaskbotProperties properties) {
        String database = properties.mongodb().embedded() ? null : new ConnectionString(properties.mongodb().uri())
                .getDatabase();
        return readModelMongoClient.getDatabase(database != null ? database : properties.mongodb().database());
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
