package io.taskbot.app.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which address a request comes from, for the per-address limits. It is the socket's peer, unless that peer is a
 * proxy the operator named as trusted: then {@code X-Forwarded-For} is read from the right, one hop for each
 * trusted proxy in the chain, and the first address a trusted proxy did not write is the client. Anything a client
 * puts in the header itself is never believed, and nothing in it is ever resolved through DNS.
 */
final class ClientAddresses {

    static final String FORWARDED_FOR = "X-Forwarded-For";

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<IpAddressMatcher> trustedProxies;

    ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(entry -> !entry.isEmpty())
                .map(ClientAddresses::matcher).toList();
    }

    String of(HttpServletRequest request) {
        List<String> headers = request.getHeaders(FORWARDED_FOR) == null ? List.of()
                : Collections.list(request.getHeaders(FORWARDED_FOR));
        return resolve(request.getRemoteAddr(), headers);
    }

    /**
     * @param peer         the socket's remote address
     * @param forwardedFor every {@code X-Forwarded-For} header in the order received, each a comma-separated list
     */
    String resolve(String peer, List<String> forwardedFor) {
        String client = canonical(peer);
        if (client == null) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0 && trusted(client); i--) {
            String hop = canonical(hops.get(i));
            if (hop == null) {
                // a trusted proxy writes addresses only: whatever is here came from the client
                break;
            }
            client = hop;
        }
        return client;
    }

    private boolean trusted(String address) {
        return trustedProxies.stream().anyMatch(proxy -> proxy.matches(address));
    }

    /** The address spelled one way only ({@code ::1} and {@code 0::1} both as {@code 0:0:0:0:0:0:0:1}), or null. */
    static String canonical(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!IPV4.matcher(value).matches() && !IPV6.matcher(value).matches()) {
            return null;
        }
        try {
            // an IP literal is parsed, never looked up
            return InetAddress.getByName(value).getHostAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static IpAddressMatcher matcher(String proxy) {
        String address = proxy.contains("/") ? proxy.substring(0, proxy.indexOf('/')) : proxy;
        if (canonical(address) == null) {
            throw new IllegalArgumentException("taskbot.rate-limits.trusted-proxies takes IP addresses or CIDR "
                    + "ranges, not '" + proxy + "'");
        }
        return new IpAddressMatcher(proxy);
    }
}
