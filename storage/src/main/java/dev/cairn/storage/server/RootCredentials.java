package dev.cairn.storage.server;

/**
 * The root user's access and secret key. Without {@code CAIRN_ROOT_USER}/{@code CAIRN_ROOT_PASSWORD} the node
 * runs with the development default {@code cairnadmin}/{@code cairnadmin} and says so loudly at start.
 */
public record RootCredentials(String accessKey, String secretKey, boolean isDefault) {

    public static final String DEFAULT = "cairnadmin";

    public static RootCredentials from(CairnConfig config) {
        String user = config.rootUser().orElse(null);
        String password = config.rootPassword().orElse(null);
        if (user == null && password == null) {
            return new RootCredentials(DEFAULT, DEFAULT, true);
        }
        if (user == null || password == null) {
            throw new IllegalArgumentException("set both CAIRN_ROOT_USER and CAIRN_ROOT_PASSWORD, or neither");
        }
        if (user.length() < 3) {
            throw new IllegalArgumentException("CAIRN_ROOT_USER must be at least 3 characters");
        }
        if (password.length() < 8) {
            throw new IllegalArgumentException("CAIRN_ROOT_PASSWORD must be at least 8 characters");
        }
        return new RootCredentials(user, password, false);
    }
}
