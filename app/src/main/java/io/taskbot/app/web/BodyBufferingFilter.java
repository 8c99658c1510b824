package io.taskbot.app.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads request bodies without holding a request thread. A client that sends its headers and then trickles or stalls
 * its body used to keep a thread blocked on the socket, and 250 of them took every thread: every other request
 * waited. Here the body is read with the servlet container's non-blocking I/O into a buffer (never over the body
 * limit), no thread waits on the socket meanwhile, and only once the whole body is in is the request dispatched again
 * to go on to the controllers with it. A body not complete within the deadline is answered with 408.
 * <p>
 * Runs after Spring Security: unauthenticated requests are refused from their headers without reading their body,
 * and the security context it stored in the request is found again on the second dispatch. The filters before this
 * one do not run again on it ({@link OncePerRequestFilter} skips asynchronous dispatches).
 */
final class BodyBufferingFilter extends OncePerRequestFilter {

    private static final String BODY = BodyBufferingFilter.class.getName() + ".body";

    private final long maxBytes;
    private final Duration deadline;
    private final ErrorResponder errors;

    BodyBufferingFilter(long maxBytes, Duration deadline, ErrorResponder errors) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
        this.errors = errors;
    }

    /** The second dispatch, with the body read, is where this filter hands the body on. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isAsyncDispatch(request)) {
            Object body = request.getAttribute(BODY);
            chain.doFilter(body instanceof byte[] bytes ? new BufferedRequest(request, bytes) : request, response);
            return;
        }
        if (!hasBody(request) || !request.isAsyncSupported()) {
            chain.doFilter(request, response);
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(deadline.toMillis());
        BodyReader reader = new BodyReader(request, response, async);
        async.addListener(reader);
        request.getInputStream().setReadListener(reader);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    /** Reads whatever has arrived each time the container says more is there, on a container thread. */
    private final class BodyReader implements ReadListener, AsyncListener {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final AsyncContext async;
        private final ByteArrayOutputStream body;
        private final byte[] chunk = new byte[8192];
        /** Set once the request is answered or dispatched; whatever comes after (a late timeout) is ignored. */
        private final AtomicBoolean settled = new AtomicBoolean();

        BodyReader(HttpServletRequest request, HttpServletResponse response, AsyncContext async) {
            this.request = request;
            this.response = response;
            this.async = async;
            long declared = request.getContentLengthLong();
            this.body = new ByteArrayOutputStream((int) Math.min(declared > 0 ? declared : 1024, maxBytes));
        }

        @Override
        public void onDataAvailable() throws IOException {
            ServletInputStream input = request.getInputStream();
            while (input.isReady()) {
                int read;
                try {
                    read = input.read(chunk);
                } catch (IOException e) {
                    if (RequestBodyLimitFilter.isTooLarge(e)) {
                        tooLarge();
                        return;
                    }
                    throw e;
                }
                if (read < 0) {
                    return;
                }
                if (body.size() + read > maxBytes) {
                    tooLarge();
                    return;
                }
                body.write(chunk, 0, read);
            }
        }

        @Override
        public void onAllDataRead() {
            if (settled.compareAndSet(false, true)) {
                request.setAttribute(BODY, body.toByteArray());
                async.dispatch();
            }
        }

        @Override
        public void onError(Throwable failure) {
            // the client went away or broke the encoding: nobody is left to answer
            if (settled.compareAndSet(false, true)) {
                async.complete();
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) throws IOException {
            answer(ApiError.of(ApiError.Kind.REQUEST_TIMEOUT, "The request body did not arrive within "
                    + deadline.toSeconds() + " seconds"));
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

        private void tooLarge() throws IOException {
            answer(ApiError.of(ApiError.Kind.PAYLOAD_TOO_LARGE,
                    "Request body is too large (limit " + maxBytes + " bytes)"));
        }

        private void answer(ApiError error) throws IOException {
            if (settled.compareAndSet(false, true)) {
                try {
                    // the rest of the body is not read: the connection cannot carry another request
                    response.setHeader(HttpHeaders.CONNECTION, "close");
                    errors.write(request, response, error);
                } finally {
                    async.complete();
                }
            }
        }
    }

    /** The request with its body served from memory. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body has already been read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
