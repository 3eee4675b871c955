package dev.cairn.identity.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CIDR parsing and containment without any name resolution. */
class IpNetworkTest {

    static Stream<Arguments> containment() {
        return Stream.of(
                arguments("0.0.0.0/0", "203.0.113.1", true),
                arguments("192.0.2.0/24", "192.0.2.255", true),
                arguments("192.0.2.0/24", "192.0.1.255", false),
                arguments("192.0.2.128/25", "192.0.2.127", false),
                arguments("192.0.2.1", "192.0.2.1", true),
                arguments("192.0.2.1/32", "192.0.2.2", false),
                arguments("::/0", "2001:db8::1", true),
                arguments("::/0", "192.0.2.1", false),
                arguments("2001:db8::/32", "2001:0db8:ffff::1", true),
                arguments("2001:db8::/32", "2001:db9::1", false),
                arguments("2001:db8::1", "2001:DB8:0:0:0:0:0:1", true),
                arguments("fe80::/10", "fe80::1%eth0", true),
                arguments("::1/128", "::1", true),
                arguments("::ffff:192.0.2.0/120", "192.0.2.9", true),
                arguments("192.0.2.0/24", "::ffff:c000:0201", true),
                arguments("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8", true),
                arguments("64:ff9b::/96", "64:ff9b::192.0.2.1", true),
                arguments("192.0.2.0/24", "192.0.2", false),
                arguments("192.0.2.0/24", "192.0.2.1.5", false),
                arguments("192.0.2.0/24", "example.com", false));
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @MethodSource("containment")
    void contains(String network, String ip, boolean expected) {
        assertEquals(expected, IpNetwork.parse(network).contains(ip));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "/24", "192.0.2.0/", "192.0.2.0/33", "256.0.0.1", "1.2.3", "1.2.3.4.5",
        "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "gggg::", "2001:db8::/129", "localhost", "01.02.03.04.5"})
    void refuses(String text) {
        assertNull(IpNetwork.parse(text));
    }
}
