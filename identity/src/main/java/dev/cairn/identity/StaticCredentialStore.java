package dev.cairn.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fixed set of credentials: the root credentials plus users listed in a file, read once at start.
 *
 * <p>The users file has one {@code accessKey:secretKey} per line (the secret is everything after the first
 * colon); {@code #} starts a comment line, blank lines are skipped, and whitespace around a line is ignored. Every
 * user is non-root and owns what it creates under its access key. Keys follow MinIO's limits: an access key of at
 * least 3 characters without whitespace or {@code :}, a secret of at least 8 characters without whitespace. A
 * malformed line or a key that appears twice (or repeats the root key) fails the whole load with an
 * {@link IllegalArgumentException} naming the file and line: a half-loaded user list is worse than none.
 */
public final class StaticCredentialStore implements CredentialStore, OwnerDirectory {

    static final int MIN_ACCESS_KEY = 3;
    static final int MIN_SECRET_KEY = 8;

    private final Map<String, Credentials> byAccessKey;
    private final java.util.Set<String> owners;
    private final String rootOwner;

    private StaticCredentialStore(Credentials root, Map<String, Credentials> byAccessKey) {
        this.byAccessKey = Map.copyOf(byAccessKey);
        this.owners = byAccessKey.values().stream().map(Credentials::owner)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.rootOwner = root.owner();
    }

    /** Root and the given users; duplicate access keys are refused. */
    public static StaticCredentialStore of(Credentials root, List<Credentials> users) {
        Map<String, Credentials> all = new LinkedHashMap<>();
        all.put(root.accessKey(), root);
        for (Credentials user : users) {
            if (all.putIfAbsent(user.accessKey(), user) != null) {
                throw new IllegalArgumentException("duplicate access key " + user.accessKey());
            }
        }
        return new StaticCredentialStore(root, all);
    }

    /** Root plus the users of {@code usersFile} (format in the class comment). */
    public static StaticCredentialStore load(Credentials root, Path usersFile) throws IOException {
        Map<String, Credentials> all = new LinkedHashMap<>();
        all.put(root.accessKey(), root);
        try (BufferedReader reader = Files.newBufferedReader(usersFile, StandardCharsets.UTF_8)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                Credentials user = parseLine(trimmed, usersFile, lineNumber);
                if (all.putIfAbsent(user.accessKey(), user) != null) {
                    throw malformed(usersFile, lineNumber, "duplicate access key " + user.accessKey());
                }
            }
        }
        return new StaticCredentialStore(root, all);
    }

    private static Credentials parseLine(String line, Path file, int lineNumber) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw malformed(file, lineNumber, "expected accessKey:secretKey");
        }
        String accessKey = line.substring(0, colon).strip();
        String secretKey = line.substring(colon + 1).strip();
        if (accessKey.length() < MIN_ACCESS_KEY || hasWhitespace(accessKey)) {
            throw malformed(file, lineNumber,
                    "access key must have at least " + MIN_ACCESS_KEY + " characters and no whitespace");
        }
        if (secretKey.length() < MIN_SECRET_KEY || hasWhitespace(secretKey)) {
            throw malformed(file, lineNumber, "secret key of " + accessKey + " must have at least "
                    + MIN_SECRET_KEY + " characters and no whitespace");
        }
        return Credentials.of(accessKey, secretKey, false);
    }

    private static boolean hasWhitespace(String s) {
        return s.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
    }

    private static IllegalArgumentException malformed(Path file, int lineNumber, String why) {
        return new IllegalArgumentException(file + ":" + lineNumber + ": " + why);
    }

    @Override
    public Optional<Credentials> lookup(String accessKey) {
        return Optional.ofNullable(byAccessKey.get(accessKey));
    }

    @Override
    public boolean exists(String ownerId) {
        return owners.contains(ownerId);
    }

    @Override
    public String rootOwner() {
        return rootOwner;
    }

    /** How many credentials (root included) this store holds. */
    public int size() {
        return byAccessKey.size();
    }
}
