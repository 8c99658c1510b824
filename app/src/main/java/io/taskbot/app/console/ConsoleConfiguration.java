package io.taskbot.app.console;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.time.Duration;

/**
 * Serves the console's assets from {@code classpath:/static/console/} under {@code /console/**}, and nothing else:
 * Spring's default mappings of every static location stay off ({@code spring.web.resources.add-mappings: false}),
 * so no other path turns into a file lookup.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

    static final String ASSETS = "/console/";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // revalidated on every load (cheap: Last-Modified), so that a new version of the jar is picked up at once
        registry.addResourceHandler(ASSETS + "**")
                .addResourceLocations("classpath:/static" + ASSETS)
                .setCacheControl(CacheControl.maxAge(Duration.ZERO).cachePublic().mustRevalidate());
    }
}
