package io.taskbot.app.storage;

import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are a store that is away for now (503, retry) and which are bugs (500). */
class StorageFailuresTest {

    @Test
    void anH2DatabaseThatClosedItselfIsAStorageFailureHoweverWrapped() {
        SQLException closed = new SQLException("The database has been closed [90098-240]", "90098", 90098);

        assertThat(StorageFailures.isStorageFailure(new EventStoreException("could not append",
                new UncategorizedSQLException("insert", "insert", closed)))).isTrue();
        assertThat(StorageFailures.isH2Unavailable(closed)).isTrue();
    }

    @Test
    void aFailedStoreWriteInH2sGeneralErrorIsAStorageFailure() {
        SQLException general = new SQLException("General error: \"org.h2.mvstore.MVStoreException: Writing to "
                + "sun.nio.ch.FileChannelImpl@1 failed; length 4096 at 24576 [2.4.240/2]\"", "HY000", 50000);

        assertThat(StorageFailures.isH2Unavailable(general)).isTrue();
        assertThat(StorageFailures.isH2Unavailable(new SQLException("General error: division by zero", "HY000",
                50000))).isFalse();
    }

    @Test
    void aPoolThatCannotConnectAndAFullDiskAreStorageFailures() {
        assertThat(StorageFailures.isStorageFailure(new RuntimeException(
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(StorageFailures.isStorageFailure(new UncheckedIOException(
                new IOException("No space left on device")))).isTrue();
    }

    @Test
    void theEmbeddedMongoDbsUnavailableAnswerIsAStorageFailureOtherMongoErrorsAreNot() {
        assertThat(StorageFailures.isStorageFailure(mongoError(6, "HostUnreachable"))).isTrue();
        assertThat(StorageFailures.isStorageFailure(mongoError(2, "BadValue"))).isFalse();
    }

    @Test
    void bugsAndRefusedDataAreNotStorageFailures() {
        assertThat(StorageFailures.isStorageFailure(new IllegalStateException("bug"))).isFalse();
        assertThat(StorageFailures.isStorageFailure(new DataIntegrityViolationException("duplicate",
                new SQLException("Unique index or primary key violation", "23505", 23505)))).isFalse();
        assertThat(StorageFailures.isStorageFailure(new UncheckedIOException(new IOException("Permission denied"))))
                .isFalse();
    }

    private static MongoCommandException mongoError(int code, String codeName) {
        BsonDocument response = new BsonDocument("ok", new BsonInt32(0))
                .append("code", new BsonInt32(code))
                .append("codeName", new BsonString(codeName))
                .append("errmsg", new BsonString("failed"));
        return new MongoCommandException(response, new ServerAddress("127.0.0.1", 27017));
    }
}
