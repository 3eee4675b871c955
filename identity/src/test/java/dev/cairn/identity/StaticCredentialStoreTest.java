package dev.cairn.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StaticCredentialStoreTest {

    private static final Credentials ROOT = Credentials.of("admin", "change-me-please", true);

    @TempDir
    Path dir;

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("users"), content);
    }

    @Test
    void readsUsersSkippingCommentsAndBlankLines() throws IOException {
        Path file = write("""
                # users of the test deployment

                alice:alice-secret-1
                  bob : bob:secret:with:colons \s
                # carol:disabled-for-now
                """);
        StaticCredentialStore store = StaticCredentialStore.load(ROOT, file);
        assertEquals(3, store.size());
        Credentials alice = store.lookup("alice").orElseThrow();
        assertEquals("alice-secret-1", alice.secretKey());
        assertEquals("alice", alice.owner());
        assertFalse(alice.root());
        assertEquals(null, alice.sessionToken());
        assertEquals("bob:secret:with:colons", store.lookup("bob").orElseThrow().secretKey());
        assertTrue(store.lookup("admin").orElseThrow().root());
        assertEquals(Optional.empty(), store.lookup("carol"));
        assertEquals(Optional.empty(), store.lookup("ALICE"), "access keys are case-sensitive");
    }

    @Test
    void emptyFileLeavesOnlyRoot() throws IOException {
        assertEquals(1, StaticCredentialStore.load(ROOT, write("")).size());
    }

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                Arguments.of("no colon", "alice:alice-secret-1\nbob-without-secret\n", ":2: expected accessKey:secretKey"),
                Arguments.of("empty access key", ":some-secret-key\n", ":1: access key"),
                Arguments.of("short access key", "ab:some-secret-key\n", ":1: access key"),
                Arguments.of("short secret", "# header\nalice:short\n", ":2: secret key of alice"),
                Arguments.of("whitespace in secret", "alice:two words here\n", ":1: secret key of alice"),
                Arguments.of("duplicate user", "alice:alice-secret-1\n\nalice:alice-secret-2\n",
                        ":3: duplicate access key alice"),
                Arguments.of("user repeats the root key", "admin:another-secret\n", ":1: duplicate access key admin"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void malformedFileFailsNamingTheLine(String name, String content, String expected) throws IOException {
        Path file = write(content);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> StaticCredentialStore.load(ROOT, file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void missingFileIsAnIoError() {
        assertThrows(IOException.class, () -> StaticCredentialStore.load(ROOT, dir.resolve("absent")));
    }

    @Test
    void ofRefusesDuplicates() {
        Credentials alice = Credentials.of("alice", "alice-secret-1", false);
        assertEquals(2, StaticCredentialStore.of(ROOT, List.of(alice)).size());
        assertThrows(IllegalArgumentException.class, () -> StaticCredentialStore.of(ROOT, List.of(alice, alice)));
    }

    @Test
    void ownersAreTheDirectoryOfCanonicalIds() {
        Credentials alice = Credentials.of("alice", "alice-secret-1", false);
        StaticCredentialStore store = StaticCredentialStore.of(ROOT, List.of(alice));
        assertTrue(store.exists("alice"));
        assertTrue(store.exists(ROOT.owner()));
        assertFalse(store.exists("_foo"));
        assertEquals(ROOT.owner(), store.rootOwner());
    }

    @Test
    void credentialsNeverPrintTheirSecret() {
        Credentials session = new Credentials("ASIAKEY", "the-secret-key", "the-session-token", "alice", false);
        assertFalse(session.toString().contains("the-secret-key"), session.toString());
        assertFalse(session.toString().contains("the-session-token"), session.toString());
    }
}
