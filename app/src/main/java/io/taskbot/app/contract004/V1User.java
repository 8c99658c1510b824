package io.taskbot.app.contract004;

import io.taskbot.app.account.Account;
import io.taskbot.user.UserId;

/** A user as contract 004 shows one: the id as {@code user_<n>}, the e-mail and when the account was made. */
record V1User(String id, String email, String createdAt) {

    static V1User of(Account account) {
        return new V1User(wireId(account.id()), account.email(), account.createdAt().toString());
    }

    static String wireId(UserId id) {
        return "user_" + id.value();
    }
}
