package io.taskbot.app.contract004;

import io.taskbot.app.account.Account;
import io.taskbot.app.account.AccountService;
import io.taskbot.app.security.AccessTokens;
import io.taskbot.app.security.CurrentUser;
import io.taskbot.app.security.RevokedTokens;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Contract 004's accounts: register and log in by e-mail and password, log out, see who one is. */
@RestController
@RequestMapping(path = "/v1/auth", produces = MediaType.APPLICATION_JSON_VALUE)
class V1AuthController {

    private final AccountService accounts;
    private final AccessTokens tokens;
    private final RevokedTokens revokedTokens;

    V1AuthController(AccountService accounts, AccessTokens tokens, RevokedTokens revokedTokens) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.revokedTokens = revokedTokens;
    }

    record Credentials(String email, String password) {
    }

    record Session(V1User user, String token) {
    }

    @PostMapping(path = "/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Envelope register(@RequestBody Credentials request) {
        // 004 accounts have no username of their own: they log in with their e-mail everywhere
        Account account = accounts.register(request.email(), null, request.password());
        return Envelope.of(session(account), "Account created successfully");
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope login(@RequestBody Credentials request) {
        if (request.email() == null || request.email().isBlank()) {
            throw V1Failure.invalidInput("email is required");
        }
        if (!request.email().contains("@")) {
            // the account service also accepts usernames; contract 004 logs in by e-mail only
            throw V1Failure.invalidInput("email must be a valid email address");
        }
        if (request.password() == null || request.password().isEmpty()) {
            throw V1Failure.invalidInput("password is required");
        }
        return Envelope.of(session(accounts.authenticate(request.email(), request.password())), "Login successful");
    }

    /** Revokes the token the request came with; other tokens of the same user stay valid. */
    @PostMapping("/logout")
    Envelope logout(@AuthenticationPrincipal Jwt token) {
        revokedTokens.revoke(token.getId(), token.getExpiresAt());
        return Envelope.message("Logout successful");
    }

    @GetMapping("/me")
    Envelope me(@AuthenticationPrincipal Jwt token) {
        Account account = accounts.find(CurrentUser.of(token))
                .orElseThrow(() -> V1Failure.unauthorized("The account of this token no longer exists"));
        return Envelope.of(V1User.of(account));
    }

    private Session session(Account account) {
        return new Session(V1User.of(account), tokens.issue(account).value());
    }
}
