package io.taskbot.app.account;

/**
 * Counts failed logins per account, for every contract and node alike, so that password guessing cannot go around a
 * contract's per-address limit by logging in through another contract or from many addresses. Every attempt is
 * counted before its password is checked, and given back when it succeeds: so parallel guesses cannot all slip in
 * before the first failure is counted.
 */
public interface LoginThrottle {

    /** No limit (rate limits switched off). */
    LoginThrottle NONE = new LoginThrottle() {
        @Override
        public void attempt(String account) {
        }

        @Override
        public void succeeded(String account) {
        }
    };

    /** Counts an attempt; throws {@link TooManyFailedLoginsException} when {@code account} has none left. */
    void attempt(String account);

    /** The attempt was right: it does not count as a failure. */
    void succeeded(String account);
}
