package dev.cairn.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SaslUsersTest {

    @Test
    void plainUsersAreJaasOptionsOfTheListener() {
        Map<String, String> p = new SaslUsers(Map.of("bob", "b-pw", "alice", "a.pw"), Map.of())
                .listenerProperties("CLIENT");
        assertEquals(Map.of(
                "listener.name.client.sasl.enabled.mechanisms", "PLAIN",
                "listener.name.client.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required user_alice=\"a.pw\""
                        + " user_bob=\"b-pw\";"), p);
    }

    @Test
    void scramOffersBothHashesWithOptionlessModules() {
        SaslUsers users = new SaslUsers(Map.of("alice", "secret"), Map.of("carol", "c@pw"));
        Map<String, String> p = users.listenerProperties("CLIENT");
        assertEquals("PLAIN,SCRAM-SHA-256,SCRAM-SHA-512", p.get("listener.name.client.sasl.enabled.mechanisms"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required;",
                p.get("listener.name.client.scram-sha-256.sasl.jaas.config"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required;",
                p.get("listener.name.client.scram-sha-512.sasl.jaas.config"));
        assertFalse(p.get("listener.name.client.plain.sasl.jaas.config").contains("carol"),
                "a SCRAM user is not a PLAIN user");
        assertEquals(List.of("--add-scram", "SCRAM-SHA-256=[name=carol,password=c@pw]",
                "--add-scram", "SCRAM-SHA-512=[name=carol,password=c@pw]"), users.formatArguments());
    }

    @Test
    void withoutScramUsersTheFormatToolGetsNoCredentials() {
        assertEquals(List.of(), new SaslUsers(Map.of("alice", "secret"), Map.of()).formatArguments());
        assertEquals(List.of("SCRAM-SHA-256", "SCRAM-SHA-512"),
                new SaslUsers(Map.of(), Map.of("alice", "secret")).mechanisms());
    }

    @Test
    void atLeastOneUser() {
        assertThrows(IllegalArgumentException.class, () -> new SaslUsers(Map.of(), Map.of()));
    }

    @ParameterizedTest(name = "password {0}")
    @ValueSource(strings = {"has\"quote", "has space", "a,b", "x]y", "a=b", "back\\slash", ""})
    void passwordsThatWouldBreakTheJaasOrScramSyntaxAreRefusedWithoutShowingThem(String password) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SaslUsers(Map.of("alice", password), Map.of()));
        assertTrue(e.getMessage().contains("(not shown)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SaslUsers(Map.of(), Map.of("alice", password)));
    }

    @Test
    void userNamesAreRestrictedToo() {
        assertThrows(IllegalArgumentException.class, () -> new SaslUsers(Map.of("al ice", "pw"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SaslUsers(Map.of("a=b", "pw"), Map.of()));
    }
}
