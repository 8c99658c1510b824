package io.taskbot.app.contract000;

import io.taskbot.app.account.Account;
import io.taskbot.app.account.AccountService;
import io.taskbot.app.security.AccessTokens;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registration and login of contract 000; login takes a username or an e-mail in its {@code username} field. */
@RestController
@RequestMapping(path = "/api/v1/auth", produces = MediaType.APPLICATION_JSON_VALUE)
class AuthController {

    private final AccountService accounts;
    private final AccessTokens tokens;

    AuthController(AccountService accounts, AccessTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    record RegisterRequest(String email, String username, String password) {
    }

    record UserResponse(long id, String email, String username) {
    }

    record LoginRequest(String username, String password) {
    }

    record TokenResponse(String accessToken, String tokenType) {
    }

    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    UserResponse register(@RequestBody RegisterRequest request) {
        if (request.username() == null || request.username().isBlank()) {
            throw new MissingFieldException("username");
        }
        Account account = accounts.register(request.email(), request.username(), request.password());
        return new UserResponse(account.id().value(), account.email(), account.username());
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    TokenResponse login(@RequestBody LoginRequest request) {
        Account account = accounts.authenticate(request.username(), request.password());
        return new TokenResponse(tokens.issue(account).value(), "bearer");
    }
}
