package io.taskbot.app.account;

import com.mongodb.client.MongoDatabase;
import io.taskbot.app.readmodel.ReadModelDurability;
import io.taskbot.user.UserId;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Registers accounts and checks credentials, for every contract. */
@Service
@DependsOnDatabaseInitialization
public class AccountService {

    static final int EMAIL_MAX_LENGTH = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9_.-]{3,50}$");

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final Clock clock;

    AccountService(MongoDatabase readModelDatabase, DataSource eventStore, ReadModelDurability durability,
                   Clock clock) {
        AccountIdSequence ids = new AccountIdSequence(eventStore, readModelDatabase);
        this.store = new AccountStore(readModelDatabase, ids::next, durability);
        this.hasher = new PasswordHasher(10);
        this.clock = clock;
    }

    /**
     * Registers an account. Contract 004 registers with an e-mail only; such accounts log in with their e-mail, which
     * then also serves as their username.
     */
    public Account register(String email, String username, String password) {
        String normalizedEmail = checkEmail(email);
        String checkedUsername = username == null ? normalizedEmail : checkUsername(username);
        PasswordPolicy.check(password);
        return store.insert(normalizedEmail, checkedUsername, hasher.hash(password), clock.instant())
                .orElseThrow(() -> new AccountException(AccountException.Reason.DUPLICATE,
                        "Username or email already registered"));
    }

    /** The account whose username or e-mail is {@code login}, if the password is right. */
    public Account authenticate(String login, String password) {
        if (login == null || login.isBlank() || password == null) {
            throw invalidCredentials();
        }
        Optional<AccountStore.StoredAccount> stored = store.findByLogin(login);
        if (stored.isEmpty()) {
            hasher.burnTime(password);
            throw invalidCredentials();
        }
        if (!hasher.matches(password, stored.get().passwordHash())) {
            throw invalidCredentials();
        }
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

    private static AccountException invalidCredentials() {
        return new AccountException(AccountException.Reason.INVALID_CREDENTIALS, "Incorrect username or password");
    }
}
