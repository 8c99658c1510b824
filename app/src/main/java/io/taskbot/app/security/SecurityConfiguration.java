package io.taskbot.app.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.SecurityContext;
import io.taskbot.app.account.AccountService;
import io.taskbot.app.config.TaskbotProperties;
import io.taskbot.user.UserId;
import io.taskbot.app.web.ApiError;
import io.taskbot.app.web.ErrorResponder;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;

import javax.crypto.SecretKey;
import java.util.List;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * One stateless filter chain for every contract: bearer JWTs in the Authorization header only, verified with the
 * HS256 key; everything but registration, login and health needs a valid token. Refusals are written in the format of
 * the contract whose path was asked for.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecretKey jwtSigningKey(TaskbotProperties properties) {
        return JwtSecret.load(properties);
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey jwtSigningKey) {
        return new NimbusJwtEncoder(new ImmutableSecret<SecurityContext>(jwtSigningKey));
    }

    /**
     * Verifies the signature and the claims, and only then asks the shared store whether the token was revoked, so
     * that forged or expired tokens cost no database lookup. Every contract authenticates through this decoder.
     */
    @Bean
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey, TaskbotProperties properties, RevokedTokens revokedTokens,
                          AccountService accounts) {
        return jwtDecoder(jwtSigningKey, properties, revokedTokens, accounts::predatesOperator);
    }

    /**
     * @param issuedBeforeReset whether a token of this account, issued then, predates the operator's last reset of
     *                          its password (admins only)
     */
    JwtDecoder jwtDecoder(SecretKey jwtSigningKey, TaskbotProperties properties, RevokedTokens revokedTokens,
                          BiPredicate<UserId, Instant> issuedBeforeReset) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(jwtSigningKey)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        OAuth2TokenValidator<Jwt> claims = new DelegatingOAuth2TokenValidator<>(
                // the default skew of 60 s would accept a token a whole minute after it expired
                JwtValidators.createDefaultWithValidators(new JwtTimestampValidator(properties.jwt().clockSkew()),
                        new JwtIssuerValidator(properties.jwt().issuer())),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && sub.matches("[1-9][0-9]{0,17}")),
                new JwtClaimValidator<String>(JwtClaimNames.JTI, Objects::nonNull),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull));
        decoder.setJwtValidator(token -> {
            OAuth2TokenValidatorResult result = claims.validate(token);
            if (result.hasErrors()) {
                return result;
            }
            if (issuedBeforeReset.test(CurrentUser.of(token), token.getIssuedAt())) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "The token was issued before the operator set this account's password", null));
            }
            if (revokedTokens.isRevoked(token.getId())) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                        "The token has been revoked", null));
            }
            return result;
        });
        return decoder;
    }

    /** Tokens are only taken from the Authorization header: a token in a URL ends up in logs and browser history. */
    @Bean
    BearerTokenResolver bearerTokenResolver() {
        DefaultBearerTokenResolver resolver = new DefaultBearerTokenResolver();
        resolver.setAllowUriQueryParameter(false);
        resolver.setAllowFormEncodedBodyParameter(false);
        return resolver;
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ErrorResponder errors, BearerTokenResolver bearerTokenResolver,
                                    AccountService accounts) throws Exception {
        http
                .csrf(csrf -> csrf.disable())
                // only for the origins of taskbot.cors.allowed-origins, see CrossOriginConfiguration
                .cors(Customizer.withDefaults())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(authorize -> authorize
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/register", "/api/v1/auth/login").permitAll()
                        // every method, so that a GET is answered with 405 in the envelope rather than a 401
                        .requestMatchers("/v1/auth/register", "/v1/auth/login").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/health").permitAll()
                        // the web console's page and assets; everything it shows comes from the token-only APIs
                        .requestMatchers(HttpMethod.GET, "/", "/index.html", "/console/**").permitAll()
                        // the OpenAPI document and Swagger UI describe the APIs; calling them still takes a token
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                                "/swagger-ui/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(bearerTokenResolver)
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthenticationConverter(accounts)))
                        .authenticationEntryPoint((request, response, failure) -> errors.write(request, response,
                                ApiError.of(ApiError.Kind.UNAUTHORIZED, unauthorizedMessage(request))))
                        .accessDeniedHandler((request, response, denied) -> errors.write(request, response,
                                ApiError.of(ApiError.Kind.FORBIDDEN, "You are not allowed to do this"))))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, failure) -> errors.write(request, response,
                                ApiError.of(ApiError.Kind.UNAUTHORIZED, unauthorizedMessage(request))))
                        .accessDeniedHandler((request, response, denied) -> errors.write(request, response,
                                ApiError.of(ApiError.Kind.FORBIDDEN, "You are not allowed to do this"))));
        return http.build();
    }

    private static String unauthorizedMessage(jakarta.servlet.http.HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header == null || header.isBlank() ? "Not authenticated" : "Could not validate credentials";
    }

    /** Admin rights come from the current settings on every request, never from a claim frozen into the token. */
    private static JwtAuthenticationConverter jwtAuthenticationConverter(AccountService accounts) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> accounts.isAdmin(CurrentUser.of(jwt))
                ? List.<GrantedAuthority>of(new SimpleGrantedAuthority("ROLE_ADMIN")) : List.of());
        return converter;
    }
}
