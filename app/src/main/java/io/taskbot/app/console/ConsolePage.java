package io.taskbot.app.console;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /}: the console's page. Its Content-Security-Policy lets it load only its own scripts and styles and
 * talk only to this origin, so that text from the API (task titles, chat replies) can never run as code.
 */
@Controller
class ConsolePage {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final Resource page = new ClassPathResource("static/index.html");

    @GetMapping(path = {"/", "/index.html"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Resource> page() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .contentType(MediaType.TEXT_HTML)
                .body(page);
    }
}
