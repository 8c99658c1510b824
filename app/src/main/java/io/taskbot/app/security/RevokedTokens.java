package io.taskbot.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

/**
 * The ids ({@code jti}) of tokens revoked before they expired, in the read-model MongoDB that every app node shares,
 * so a logout on one node is honoured by all. An entry is only needed until its token expires: MongoDB's TTL monitor
 * removes it then; servers without one (the embedded server) have expired entries swept on every revocation, and a
 * lookup ignores them either way.
 * <p>
 * Every request presents a token, so the answers are kept for at most {@link #STALENESS}: a token revoked on another
 * node is refused here at most that long after its revocation; one revoked on this node is refused at once. Without
 * the cache each request made one more round trip to the read-model store, which queues behind the projections'
 * writes on the embedded server.
 */
@Component
public class RevokedTokens {

    static final String COLLECTION = "revoked_tokens";
    private static final String ID = "_id";
    private static final String EXPIRES_AT = "expiresAt";
    /** How long an answer is believed; the README's security section promises this bound. */
    static final Duration STALENESS = Duration.ofSeconds(1);
    /** Enough for every token in use on a busy node within {@link #STALENESS}; beyond it the oldest are looked up again. */
    private static final int MAX_REMEMBERED = 100_000;

    private final MongoCollection<Document> revoked;
    private final ReadModelDurability durability;
    private final Clock clock;
    private final Cache<String, Boolean> answers = Caffeine.newBuilder()
            .expireAfterWrite(STALENESS)
            .maximumSize(MAX_REMEMBERED)
            .build();

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
        answers.put(tokenId, true);
    }

    /** Whether the token was revoked, as the shared store said at most {@link #STALENESS} ago. */
    public boolean isRevoked(String tokenId) {
        return answers.get(tokenId, this::isRevokedInStore);
    }

    private boolean isRevokedInStore(String tokenId) {
        return revoked.find(Filters.and(Filters.eq(ID, tokenId), Filters.gt(EXPIRES_AT, Date.from(clock.instant()))))
                .limit(1).first() != null;
    }
}
