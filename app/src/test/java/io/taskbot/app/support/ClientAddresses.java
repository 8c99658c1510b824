package io.taskbot.app.support;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Addresses for clients behind the trusted loopback proxy, each handed out once per test JVM: rate limits count per
 * address, so tests that share an app must never share one.
 */
public final class ClientAddresses {

    private static final AtomicInteger ISSUED = new AtomicInteger();

    private ClientAddresses() {
    }

    /** The client, sending as an address no other test of this JVM uses (from 198.51.0.0/16, documentation space). */
    public static ApiClient fresh(ApiClient client) {
        int n = ISSUED.incrementAndGet();
        return client.withHeader("X-Forwarded-For", "198.51." + (n / 250) + "." + (n % 250 + 1));
    }
}
