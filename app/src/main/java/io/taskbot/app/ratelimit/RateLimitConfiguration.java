package io.taskbot.app.ratelimit;

import io.github.bucket4j.TimeMeter;
import io.taskbot.app.config.TaskbotProperties;
import io.taskbot.app.ratelimit.RateLimitRules.Scope;
import io.taskbot.app.web.ErrorResponder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The rate limits, unless {@code taskbot.rate-limits.enabled=false}. Buckets are kept in PostgreSQL when the event
 * store is there, because then the app may run on several nodes that must count together; on the embedded H2 file
 * the app is a single process and keeps them in memory.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "taskbot.rate-limits.enabled", matchIfMissing = true)
class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);

    /** Buckets run on the system clock unless a {@link TimeMeter} bean is given (tests move time with one). */
    @Bean
    RateLimitBuckets rateLimitBuckets(DataSource dataSource, ObjectProvider<TimeMeter> clock) throws SQLException {
        TimeMeter time = clock.getIfAvailable(() -> TimeMeter.SYSTEM_MILLISECONDS);
        if (onPostgres(dataSource)) {
            log.info("Rate-limit buckets are kept in PostgreSQL, shared by every node");
            return new DatabaseBuckets(dataSource, time);
        }
        log.info("Rate-limit buckets are kept in memory: this node counts alone");
        return new LocalBuckets(time);
    }

    @Bean
    RateLimitRules rateLimitRules(TaskbotProperties properties) {
        return new RateLimitRules(properties.rateLimits());
    }

    @Bean
    FailedLoginLimit failedLoginLimit(TaskbotProperties properties, RateLimitBuckets buckets) {
        return new FailedLoginLimit(properties.rateLimits().failedLogins(), buckets);
    }

    @Bean
    ClientAddresses clientAddresses(TaskbotProperties properties) {
        return new ClientAddresses(properties.rateLimits().trustedProxies());
    }

    /** Per-address limits, before Spring Security, so that requests refused there count as well. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> addressRateLimitFilter(RateLimitRules rules, RateLimitBuckets buckets,
                                                                  ClientAddresses addresses, ErrorResponder errors) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(Scope.ADDRESS, rules, buckets, addresses, errors));
        registration.setName("addressRateLimitFilter");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /**
     * Per-user limits, right after Spring Security's filter chain: the later filters run inside it, so the user it
     * authenticated is known, and requests it refused never get here.
     */
    @Bean
    FilterRegistrationBean<RateLimitFilter> userRateLimitFilter(RateLimitRules rules, RateLimitBuckets buckets,
                                                               ClientAddresses addresses, ErrorResponder errors,
                                                               ObjectProvider<SecurityFilterProperties> security) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(Scope.USER, rules, buckets, addresses, errors));
        registration.setName("userRateLimitFilter");
        registration.setOrder(security.getIfAvailable(SecurityFilterProperties::new).getOrder() + 1);
        return registration;
    }

    private static boolean onPostgres(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        }
    }
}
