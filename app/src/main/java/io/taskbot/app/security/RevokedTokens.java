package io.taskbot.app.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.taskbot.app.readmodel.ReadModelDurability;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

/**
 * The ids ({@code jti}) of tokens revoked before they expired, in the read-model MongoDB that every app node shares,
 * so a logout on one node is honoured by all. An entry is only needed until its token expires: MongoDB's TTL monitor
 * removes it then; servers without one (the embedded server) have expired entries swept on every revocation, and a
 * lookup ignores them either way.
 */
@Component
public class RevokedTokens {

    static final String COLLECTION = "revoked_tokens";
    private static final String ID = "_id";
    private static final String EXPIRES_AT = "expiresAt";

    private final MongoCollection<Document> revoked;
    private final ReadModelDurability durability;
    private final Clock clock;

    RevokedTokens(MongoDatabase readModelDatabase, ReadModelDurability durability, Clock clock) {
        this.revoked = readModelDatabase.getCollection(COLLECTION);
        this.durability = durability;
        this.clock = clock;
        revoked.createIndex(Indexes.ascending(EXPIRES_AT),
                new IndexOptions().expireAfter(0L, TimeUnit.SECONDS).name("removed_when_the_token_expires"));
    }

    /** Refuses the token with this id from now until {@code expiresAt}, on every node. */
    public void revoke(String tokenId, Instant expiresAt) {
        revoked.deleteMany(Filters.lte(EXPIRES_AT, Date.from(clock.instant())));
        revoked.updateOne(Filters.eq(ID, tokenId), Updates.setOnInsert(EXPIRES_AT, Date.from(expiresAt)),
                new UpdateOptions().upsert(true));
        // a logout that was answered must survive a crash of the embedded store
        durability.flush();
    }

    public boolean isRevoked(String tokenId) {
        return revoked.find(Filters.and(Filters.eq(ID, tokenId), Filters.gt(EXPIRES_AT, Date.from(clock.instant()))))
                .limit(1).first() != null;
    }
}
