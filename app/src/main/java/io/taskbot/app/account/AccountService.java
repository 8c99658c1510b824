package io.taskbot.app.account;

import com.mongodb.client.MongoDatabase;
import io.taskbot.app.config.TaskbotProperties;
import io.taskbot.app.readmodel.ReadModelDurability;
import io.taskbot.user.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Registers accounts and checks credentials, for every contract. Admins are made by the operator only: at start the
 * accounts of {@code taskbot.admins} are created or given {@code taskbot.admin-password}, and nobody can sign up with
 * one of those e-mails.
 */
@Service
@DependsOnDatabaseInitialization
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    static final int EMAIL_MAX_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9_.-]{3,50}$");

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final TaskbotProperties properties;
    private final LoginThrottle throttle;
    /**
     * The operator's admins under the current settings, each with the time the operator set its password; a token
     * carries no role, it is looked up here.
     */
    private final Map<UserId, Instant> admins;

    AccountService(MongoDatabase readModelDatabase, DataSource eventStore, ReadModelDurability durability, Clock clock,
                   TaskbotProperties properties, ObjectProvider<LoginThrottle> throttle) {
        AccountIdSequence ids = new AccountIdSequence(eventStore, readModelDatabase);
        this.store = new AccountStore(readModelDatabase, ids::next, durability);
        this.hasher = new PasswordHasher(10);
        this.clock = clock;
        this.properties = properties;
        this.throttle = throttle.getIfAvailable(() -> LoginThrottle.NONE);
        this.admins = Map.copyOf(appointAdmins());
    }

    /**
     * Gives every listed admin's account the operator's password, creating it where needed, and returns the admins.
     * Without {@code taskbot.admin-password} only accounts that an earlier start made admins stay admins.
     */
    private Map<UserId, Instant> appointAdmins() {
        List<String> emails = properties.admins().stream().map(email -> email.strip().toLowerCase(Locale.ROOT))
                .filter(email -> !email.isEmpty()).toList();
        String password = properties.adminPassword();
        if (password != null && !password.isEmpty()) {
            try {
                PasswordPolicy.check(password);
            } catch (AccountException weak) {
                // the rule it breaks, never the password
                throw new IllegalStateException("taskbot.admin-password is too weak: " + weak.getMessage());
            }
            for (String email : emails) {
                try {
                    checkEmail(email);
                } catch (AccountException invalid) {
                    throw new IllegalStateException("taskbot.admins lists '" + email + "', which is not an e-mail");
                }
                store.putOperatorAdmin(email, password, hasher, clock.instant());
            }
        }
        Map<UserId, Instant> appointed = emails.isEmpty() ? Map.of() : store.operatorAdmins(emails);
        if (appointed.size() < emails.size()) {
            log.warn("{} of the {} e-mails in taskbot.admins have no admin account: set taskbot.admin-password "
                    + "(environment TASKBOT_ADMIN_PASSWORD) to create them", emails.size() - appointed.size(),
                    emails.size());
        }
        return appointed;
    }

    /** True when the account is one of the operator's admins under this node's current settings. */
    public boolean isAdmin(UserId id) {
        return admins.containsKey(id);
    }

    /**
     * True for a token of an admin account issued before the operator set its password: it was issued to whoever
     * registered the e-mail before the operator listed it, and is not the operator's.
     */
    public boolean predatesOperator(UserId id, Instant issuedAt) {
        Instant since = admins.get(id);
        // token times have whole seconds
        return since != null && (issuedAt == null || issuedAt.isBefore(since.truncatedTo(ChronoUnit.SECONDS)));
    }

    /**
     * Registers an account. Contract 004 registers with an e-mail only; such accounts log in with their e-mail, which
     * then also serves as their username.
     */
    public Account register(String email, String username, String password) {
        String normalizedEmail = checkEmail(email);
        String checkedUsername = username == null ? normalizedEmail : checkUsername(username);
        PasswordPolicy.check(password);
        if (properties.isAdmin(normalizedEmail) || properties.isAdmin(checkedUsername)) {
            // reserved for the operator's admin account, which may not exist yet: answered as taken either way
            throw duplicate();
        }
        return store.insert(normalizedEmail, checkedUsername, hasher.hash(password), clock.instant())
                .orElseThrow(AccountService::duplicate);
    }

    /** The account whose username or e-mail is {@code login}, if the password is right. */
    public Account authenticate(String login, String password) {
        if (login == null || login.isBlank() || password == null) {
            throw invalidCredentials();
        }
        Optional<AccountStore.StoredAccount> stored = store.findByLogin(login);
        // an unknown login is throttled too, so that refusals tell nothing about which accounts exist
        String throttled = stored.map(account -> "account:" + account.account().id().value())
                .orElseGet(() -> "login:" + login.strip().toLowerCase(Locale.ROOT));
        throttle.attempt(throttled);
        if (stored.isEmpty()) {
            hasher.burnTime(password);
            throw invalidCredentials();
        }
        if (!hasher.matches(password, stored.get().passwordHash())) {
            throw invalidCredentials();
        }
        throttle.succeeded(throttled);
        return stored.get().account();
    }

    public Optional<Account> find(UserId id) {
        return store.findById(id);
    }

    private static String checkEmail(String email) {
        String value = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.length() > EMAIL_MAX_LENGTH || !EMAIL.matcher(value).matches()) {
            throw new AccountException(AccountException.Reason.INVALID_EMAIL, "Email must be a valid email address");
        }
        return value;
    }

    private static String checkUsername(String username) {
        String value = username.strip();
        if (!USERNAME.matcher(value).matches()) {
            throw new AccountException(AccountException.Reason.INVALID_USERNAME,
                    "Username must be 3-50 letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    private static AccountException duplicate() {
        return new AccountException(AccountException.Reason.DUPLICATE, "Username or email already registered");
    }

    private static AccountException invalidCredentials() {
        return new AccountException(AccountException.Reason.INVALID_CREDENTIALS, "Incorrect username or password");
    }
}
