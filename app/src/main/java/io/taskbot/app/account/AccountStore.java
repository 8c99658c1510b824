package io.taskbot.app.account;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import io.taskbot.app.readmodel.ReadModelDurability;
import io.taskbot.user.UserId;
import org.bson.Document;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The {@code accounts} collection. Unique indexes on e-mail and username settle races between two registrations;
 * ids come from the event-store database's sequence, so they are small integers as contract 000 shows them and
 * distinct across every node.
 */
final class AccountStore {

    private static final String ID = "_id";
    private static final String EMAIL = "email";
    private static final String USERNAME = "username";
    private static final String USERNAME_KEY = "usernameKey";
    private static final String PASSWORD_HASH = "passwordHash";
    private static final String CREATED_AT = "createdAt";

    /** Set on the accounts the operator made admins with {@code taskbot.admin-password}; never by sign-up. */
    private static final String OPERATOR_ADMIN = "operatorAdmin";
    private static final String OPERATOR_ADMIN_SINCE = "operatorAdminSince";
    /** Tries before an id the read store already holds (which the shared sequence should rule out) is an error. */
    private static final int ID_ATTEMPTS = 3;

    private final MongoCollection<Document> accounts;
    private final LongSupplier ids;
    private final ReadModelDurability durability;

    AccountStore(MongoDatabase database, LongSupplier ids, ReadModelDurability durability) {
        this.accounts = database.getCollection("accounts");
        this.ids = ids;
        this.durability = durability;
        accounts.createIndex(Indexes.ascending(EMAIL), new IndexOptions().unique(true).name("unique_email"));
        accounts.createIndex(Indexes.ascending(USERNAME_KEY), new IndexOptions().unique(true).name("unique_username"));
    }

    record StoredAccount(Account account, String passwordHash) {
    }

    /** Inserts the account, or returns empty when the e-mail or username is taken. */
    Optional<Account> insert(String email, String username, String passwordHash, Instant createdAt) {
        return insert(email, username, passwordHash, createdAt, false);
    }

    private Optional<Account> insert(String email, String username, String passwordHash, Instant createdAt,
                                     boolean operatorAdmin) {
        for (int attempt = 1; ; attempt++) {
            Document document = new Document(ID, ids.getAsLong())
                    .append(EMAIL, email)
                    .append(USERNAME, username)
                    .append(USERNAME_KEY, key(username))
                    .append(PASSWORD_HASH, passwordHash)
                    .append(CREATED_AT, Date.from(createdAt));
            if (operatorAdmin) {
                document.append(OPERATOR_ADMIN, true).append(OPERATOR_ADMIN_SINCE, Date.from(createdAt));
            }
            try {
                accounts.insertOne(document);
                durability.flush();
                return Optional.of(toAccount(document));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                if (taken(email, username)) {
                    return Optional.empty();
                }
                // the id itself was taken: never overwrite an account, draw another
                if (attempt == ID_ATTEMPTS) {
                    throw new IllegalStateException("Account ids from " + AccountIdSequence.SEQUENCE
                            + " are already used in the read store", e);
                }
            }
        }
    }

    private boolean taken(String email, String username) {
        return accounts.find(Filters.or(Filters.eq(EMAIL, email), Filters.eq(USERNAME_KEY, key(username))))
                .first() != null;
    }

    /**
     * Makes the account of {@code email} an operator's admin with this password: creates it (logging in with its
     * e-mail, which also serves as its username) or takes over the existing one, whoever registered it. An account
     * that already is the operator's admin with this password is left as it is, so its tokens stay valid.
     */
    void putOperatorAdmin(String email, String password, PasswordHasher hasher, Instant now) {
        Document existing = accounts.find(Filters.eq(EMAIL, email)).first();
        if (existing != null && Boolean.TRUE.equals(existing.getBoolean(OPERATOR_ADMIN))
                && hasher.matches(password, existing.getString(PASSWORD_HASH))) {
            return;
        }
        if (existing != null) {
            accounts.updateOne(Filters.eq(ID, existing.get(ID)), Updates.combine(
                    Updates.set(PASSWORD_HASH, hasher.hash(password)), Updates.set(OPERATOR_ADMIN, true),
                    Updates.set(OPERATOR_ADMIN_SINCE, Date.from(now))));
            durability.flush();
            return;
        }
        if (insert(email, email, hasher.hash(password), now, true).isEmpty()) {
            // registered in between (only possible on a node that does not list it): take that one over
            putOperatorAdmin(email, password, hasher, now);
        }
    }

    /**
     * The accounts whose e-mail is among {@code emails} and whose password the operator set, each with the time it
     * was set: tokens issued before that belong to whoever had the account before.
     */
    Map<UserId, Instant> operatorAdmins(Collection<String> emails) {
        Map<UserId, Instant> admins = new HashMap<>();
        for (Document document : accounts.find(Filters.and(Filters.in(EMAIL, emails),
                Filters.eq(OPERATOR_ADMIN, true)))) {
            admins.put(toAccount(document).id(), document.getDate(OPERATOR_ADMIN_SINCE).toInstant());
        }
        return admins;
    }

    Optional<StoredAccount> findByLogin(String login) {
        String key = key(login);
        Document document = accounts.find(Filters.or(Filters.eq(USERNAME_KEY, key), Filters.eq(EMAIL, key))).first();
        return Optional.ofNullable(document).map(d -> new StoredAccount(toAccount(d), d.getString(PASSWORD_HASH)));
    }

    Optional<Account> findById(UserId id) {
        return Optional.ofNullable(accounts.find(Filters.eq(ID, id.value())).first()).map(AccountStore::toAccount);
    }

    private static String key(String login) {
        return login.strip().toLowerCase(Locale.ROOT);
    }

    private static Account toAccount(Document document) {
        return new Account(UserId.of(document.getLong(ID)), document.getString(EMAIL), document.getString(USERNAME),
                document.getDate(CREATED_AT).toInstant());
    }
}
