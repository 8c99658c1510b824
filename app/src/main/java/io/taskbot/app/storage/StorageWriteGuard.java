package io.taskbot.app.storage;

import io.taskbot.app.web.ApiError;
import io.taskbot.app.web.ErrorResponder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * While the data dir cannot be written, every request that could change something answers {@code 503} with
 * {@code Retry-After}, in its contract's format, before it reaches a store: nothing is half written, nothing waits
 * for a store to time out, and no store breaks itself on one more failed write. Reads go on.
 */
final class StorageWriteGuard extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final StorageSupervisor supervisor;
    private final ErrorResponder errors;

    StorageWriteGuard(StorageSupervisor supervisor, ErrorResponder errors) {
        this.supervisor = supervisor;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (supervisor.isWritable() || READS.contains(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, StorageFailures.RETRY_AFTER_SECONDS);
        errors.write(request, response, unavailable());
    }

    static ApiError unavailable() {
        return ApiError.of(ApiError.Kind.UNAVAILABLE,
                "The server cannot store anything right now (its disk is full); try again later");
    }
}
