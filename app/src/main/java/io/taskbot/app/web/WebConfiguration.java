package io.taskbot.app.web;

import io.taskbot.app.config.TaskbotProperties;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

import java.time.Clock;

/** Web infrastructure shared by every contract. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** The time of every command comes from here, never from the aggregates. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * What Tomcat refuses by itself (malformed request lines, oversized headers, an encoded NUL in the path) is
     * answered in the contract's JSON instead of Tomcat's HTML page: the host's error report valve is replaced before
     * the host starts.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> contractErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ContractErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    FilterRegistrationBean<RequestIds> requestIdFilter() {
        FilterRegistrationBean<RequestIds> registration = new FilterRegistrationBean<>(new RequestIds());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            TaskbotProperties properties, ErrorResponder errors) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(properties.web().maxBodySize().toBytes(), errors));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Bodies are read without holding a thread, right after Spring Security and the per-user limits (which only need
     * headers), so that slow or stalled clients cannot take the request threads.
     */
    @Bean
    FilterRegistrationBean<BodyBufferingFilter> bodyBufferingFilter(
            TaskbotProperties properties, ErrorResponder errors, ObjectProvider<SecurityFilterProperties> security) {
        FilterRegistrationBean<BodyBufferingFilter> registration = new FilterRegistrationBean<>(new BodyBufferingFilter(
                properties.web().maxBodySize().toBytes(), properties.web().bodyTimeout(), errors));
        // after the per-user rate limits, which run right after Spring Security
        registration.setOrder(security.getIfAvailable(SecurityFilterProperties::new).getOrder() + 2);
        return registration;
    }

    /**
     * Clients get an error for a value of the wrong JSON type instead of a silent conversion: {@code "title": 5} is
     * not the title "5", {@code "completed": "yes"} is not a boolean.
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalarTypes() {
        return builder -> builder
                .withCoercionConfig(LogicalType.Textual, config -> config
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, config -> config
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
