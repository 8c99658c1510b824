package io.taskbot.app.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    private static final ClientAddresses NO_PROXIES = new ClientAddresses(List.of());
    private static final ClientAddresses BEHIND_PROXIES = new ClientAddresses(List.of("10.0.0.0/8", "192.0.2.7", "::1"));

    @Test
    void withoutTrustedProxiesTheSocketPeerIsTheClient() {
        assertThat(NO_PROXIES.resolve("198.51.100.4", List.of("203.0.113.9"))).isEqualTo("198.51.100.4");
        assertThat(NO_PROXIES.resolve("10.1.2.3", List.of("203.0.113.9"))).isEqualTo("10.1.2.3");
    }

    @Test
    void aRequestNotFromATrustedProxyKeepsItsPeerWhateverItsHeaderSays() {
        assertThat(BEHIND_PROXIES.resolve("198.51.100.4", List.of("203.0.113.9"))).isEqualTo("198.51.100.4");
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertThat(BEHIND_PROXIES.resolve("10.1.2.3", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(BEHIND_PROXIES.resolve("192.0.2.7", List.of(" 203.0.113.9 "))).isEqualTo("203.0.113.9");
    }

    @Test
    void walksBackThroughChainsOfTrustedProxiesOnly() {
        assertThat(BEHIND_PROXIES.resolve("10.1.2.3", List.of("203.0.113.9, 10.9.9.9"))).isEqualTo("203.0.113.9");
        assertThat(BEHIND_PROXIES.resolve("10.1.2.3", List.of("203.0.113.9", "10.9.9.9")))
                .as("several headers read as one list").isEqualTo("203.0.113.9");
        assertThat(BEHIND_PROXIES.resolve("10.1.2.3", List.of("1.1.1.1, 203.0.113.9, 10.9.9.9")))
                .as("what the client itself wrote, left of the first untrusted hop, is not believed")
                .isEqualTo("203.0.113.9");
    }

    @Test
    void aHopThatIsNotAnAddressEndsTheWalk() {
        assertThat(BEHIND_PROXIES.resolve("10.1.2.3", List.of("evil.example.com"))).isEqualTo("10.1.2.3");
        assertThat(BEHIND_PROXIES.resolve("10.1.2.3", List.of("203.0.113.9, unknown"))).isEqualTo("10.1.2.3");
        assertThat(BEHIND_PROXIES.resolve("10.1.2.3", List.of(""))).isEqualTo("10.1.2.3");
        assertThat(BEHIND_PROXIES.resolve("10.1.2.3", List.of("999.1.1.1"))).isEqualTo("10.1.2.3");
    }

    @Test
    void onlyTrustedProxiesAreSkippedWhenAllHopsAreTrusted() {
        assertThat(BEHIND_PROXIES.resolve("10.1.2.3", List.of("10.4.4.4, 10.5.5.5"))).isEqualTo("10.4.4.4");
    }

    @Test
    void spellsIpv6InOneWay() {
        assertThat(NO_PROXIES.resolve("0:0:0:0:0:0:0:1", List.of())).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(BEHIND_PROXIES.resolve("0:0:0:0:0:0:0:1", List.of("[2001:db8::1]"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(BEHIND_PROXIES.resolve("::1", List.of("2001:DB8:0::1"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(ClientAddresses.canonical("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(ClientAddresses.canonical("fe80::1%eth0")).isNull();
    }

    @Test
    void readsThePeerAndHeadersOfARequest() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr("10.1.2.3");
        request.addHeader(ClientAddresses.FORWARDED_FOR, "198.51.100.1");
        request.addHeader(ClientAddresses.FORWARDED_FOR, "203.0.113.9");

        assertThat(BEHIND_PROXIES.of(request)).isEqualTo("203.0.113.9");
        assertThat(NO_PROXIES.of(request)).isEqualTo("10.1.2.3");
    }

    @Test
    void refusesProxiesThatAreNotAddresses() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trusted-proxies");
    }
}
