package dev.cairn.storage.api.acl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AclTest {

    private static final Acl MIXED = new Acl("alice", List.of(
            new Grant(new Grantee.CanonicalUser("alice"), Permission.FULL_CONTROL),
            new Grant(new Grantee.CanonicalUser("bob"), Permission.READ_ACP),
            new Grant(Grantee.Group.AUTHENTICATED_USERS, Permission.READ),
            new Grant(Grantee.Group.LOG_DELIVERY, Permission.WRITE)));

    /** Caller (- is anonymous) × permission × whether public grants are ignored → allowed. */
    @ParameterizedTest(name = "{0} wants {1} (ignore public: {2}) → {3}")
    @CsvSource({
        "alice, READ, false, true",
        "alice, WRITE, false, true",
        "bob, READ_ACP, false, true",
        "bob, WRITE_ACP, false, false",
        "bob, READ, false, true",
        "bob, READ, true, false",
        "carol, READ, false, true",
        "carol, WRITE, false, false",
        "-, READ, false, false",
        "-, WRITE, false, false",
    })
    void grantsDecide(String caller, Permission wanted, boolean ignorePublic, boolean allowed) {
        assertEquals(allowed, MIXED.allows(caller.equals("-") ? null : caller, wanted, ignorePublic));
    }

    @Test
    void theOwnerKeepsItsAclWithoutAnyGrant() {
        Acl revoked = new Acl("alice", List.of());
        assertTrue(revoked.allows("alice", Permission.READ_ACP, false));
        assertTrue(revoked.allows("alice", Permission.WRITE_ACP, false));
        assertFalse(revoked.allows("alice", Permission.READ, false));
        assertFalse(revoked.allows("bob", Permission.READ_ACP, false));
    }

    @Test
    void allUsersIncludesAnonymousCallers() {
        Acl acl = CannedAcl.PUBLIC_READ_WRITE.forBucket("alice");
        assertTrue(acl.allows(null, Permission.WRITE, false));
        assertFalse(acl.allows(null, Permission.WRITE, true));
        assertFalse(acl.allows(null, Permission.READ_ACP, false));
    }

    @Test
    void groupGrantsComeFirstWhateverTheOrderGiven() {
        assertEquals(List.of(Grantee.Group.AUTHENTICATED_USERS, Grantee.Group.LOG_DELIVERY,
                new Grantee.CanonicalUser("alice"), new Grantee.CanonicalUser("bob")),
                MIXED.grants().stream().map(Grant::grantee).toList());
    }

    @Test
    void publicMeansAllUsersOrAuthenticatedUsers() {
        assertTrue(MIXED.isPublic());
        assertTrue(CannedAcl.PUBLIC_READ.forBucket("a").isPublic());
        assertFalse(CannedAcl.LOG_DELIVERY_WRITE.forBucket("a").isPublic());
        assertFalse(CannedAcl.BUCKET_OWNER_FULL_CONTROL.forObject("a", "b").isPublic());
    }

    @Test
    void onlyTheOwnersGrantsFitDisabledAcls() {
        assertTrue(Acl.privateFor("a").grantsOnlyOwner());
        assertTrue(new Acl("a", List.of()).grantsOnlyOwner());
        assertFalse(CannedAcl.PUBLIC_READ.forBucket("a").grantsOnlyOwner());
        assertFalse(MIXED.grantsOnlyOwner());
    }

    @Test
    void theStoredFormRoundTrips() {
        for (Acl acl : List.of(MIXED, Acl.privateFor("x"), new Acl("with space id", List.of()),
                CannedAcl.LOG_DELIVERY_WRITE.forBucket("o"))) {
            assertEquals(acl, Acl.decode(acl.encode()));
        }
        assertEquals("acl1\nalice\nREAD uri http://acs.amazonaws.com/groups/global/AuthenticatedUsers\n"
                + "WRITE uri http://acs.amazonaws.com/groups/s3/LogDelivery\nFULL_CONTROL id alice\nREAD_ACP id bob",
                MIXED.encode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "acl1", "acl2\nalice", "acl1\nalice\nREAD", "acl1\nalice\nREAD who x",
        "acl1\nalice\nMAYBE id x", "acl1\nalice\nREAD uri http://example.com/group"})
    void aStoredFormThatIsNotOneIsRefused(String stored) {
        assertThrows(IllegalArgumentException.class, () -> Acl.decode(stored));
    }
}
