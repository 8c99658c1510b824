package io.taskbot.app.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.taskbot.app.ratelimit.RateLimitRules.Rule;
import io.taskbot.app.ratelimit.RateLimitRules.Scope;
import io.taskbot.app.web.ApiError;
import io.taskbot.app.web.ErrorResponder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Takes a request from the buckets of the limits its path is under, and refuses it with a 429 in the contract's
 * format when one is empty. Runs twice per request: before authentication for the per-address limits (so that
 * requests with bad tokens count too), and after it for the per-user limits, when the user is known. Every limited
 * response says how much is left of the tightest of its limits.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    static final String LIMIT_HEADER = "X-RateLimit-Limit";
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    /** The tightest limit seen so far for this request, so the second run only ever narrows the headers. */
    private static final String TIGHTEST = RateLimitFilter.class.getName() + ".tightest";

    private final Scope scope;
    private final RateLimitRules rules;
    private final RateLimitBuckets buckets;
    private final ClientAddresses addresses;
    private final ErrorResponder errors;

    RateLimitFilter(Scope scope, RateLimitRules rules, RateLimitBuckets buckets, ClientAddresses addresses,
                    ErrorResponder errors) {
        this.scope = scope;
        this.rules = rules;
        this.buckets = buckets;
        this.addresses = addresses;
        this.errors = errors;
    }

    private record Allowance(long limit, long remaining) {

        boolean tighterThan(Allowance other) {
            return other == null || remaining < other.remaining
                    || (remaining == other.remaining && limit < other.limit);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // decoded and without path parameters, as Spring MVC matches it: /v1/auth/%6Cogin is the login endpoint
        String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
        String subject = null;
        Allowance tightest = (Allowance) request.getAttribute(TIGHTEST);
        for (Rule rule : rules.rulesFor(path, scope)) {
            subject = subject != null ? subject : subject(request);
            if (subject == null) {
                break;
            }
            ConsumptionProbe probe = buckets.tryConsume(rule.key(subject), rule.limit());
            Allowance allowance = new Allowance(rule.limit().requests(), probe.getRemainingTokens());
            if (!probe.isConsumed()) {
                refuse(request, response, allowance, probe);
                return;
            }
            if (allowance.tighterThan(tightest)) {
                tightest = allowance;
            }
        }
        if (tightest != null) {
            request.setAttribute(TIGHTEST, tightest);
            describe(response, tightest);
        }
        chain.doFilter(request, response);
    }

    /** Whom the buckets count for; null for a request without a user under a per-user limit. */
    private String subject(HttpServletRequest request) {
        if (scope == Scope.ADDRESS) {
            return "address:" + addresses.of(request);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Jwt token
                ? "user:" + token.getSubject() : null;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Allowance allowance,
                        ConsumptionProbe probe) throws IOException {
        describe(response, allowance);
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        errors.write(request, response, ApiError.of(ApiError.Kind.RATE_LIMITED,
                "Rate limit exceeded: at most " + allowance.limit() + " requests in this period; retry in "
                        + seconds + " seconds"));
    }

    private static void describe(HttpServletResponse response, Allowance allowance) {
        response.setHeader(LIMIT_HEADER, Long.toString(allowance.limit()));
        response.setHeader(REMAINING_HEADER, Long.toString(allowance.remaining()));
    }
}
