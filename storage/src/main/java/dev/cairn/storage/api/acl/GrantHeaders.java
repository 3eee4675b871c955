package dev.cairn.storage.api.acl;

import dev.cairn.storage.api.S3Error;
import dev.cairn.storage.api.S3Exception;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The explicit grant headers: {@code x-amz-grant-read}, {@code -write}, {@code -read-acp}, {@code -write-acp} and
 * {@code -full-control}, each a comma-separated list of {@code id=...}, {@code uri=...} or {@code emailAddress=...}
 * (the value optionally in double quotes), e.g. {@code x-amz-grant-read: uri="http://acs.amazonaws.com/groups/
 * global/AllUsers", id="alice"}.
 */
public final class GrantHeaders {
    /** The headers in the order their grants are listed. */
    private static final List<Header> HEADERS = List.of(
            new Header("x-amz-grant-read", Permission.READ),
            new Header("x-amz-grant-write", Permission.WRITE),
            new Header("x-amz-grant-read-acp", Permission.READ_ACP),
            new Header("x-amz-grant-write-acp", Permission.WRITE_ACP),
            new Header("x-amz-grant-full-control", Permission.FULL_CONTROL));

    private record Header(String name, Permission permission) {
    }

    private GrantHeaders() {
    }

    /** Whether a request carries any grant header ({@code header} looks one up by lower-case name). */
    public static boolean present(Function<String, String> header) {
        return HEADERS.stream().anyMatch(h -> header.apply(h.name) != null);
    }

    /** The grants the headers give, resolved; empty when there are none. A malformed entry is InvalidArgument. */
    public static List<Grant> parse(Function<String, String> header, GranteeResolver resolver) {
        List<Grant> grants = new ArrayList<>();
        for (Header h : HEADERS) {
            String value = header.apply(h.name);
            if (value == null) {
                continue;
            }
            for (String entry : value.split(",")) {
                grants.add(new Grant(grantee(entry.strip(), resolver), h.permission));
            }
        }
        return grants;
    }

    private static Grantee grantee(String entry, GranteeResolver resolver) {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
            throw new S3Exception(S3Error.INVALID_ARGUMENT, "Invalid grant: " + entry);
        }
        String type = entry.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        String value = entry.substring(eq + 1).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return switch (type) {
            case "id" -> resolver.user(value);
            case "uri" -> resolver.group(value);
            case "emailaddress" -> resolver.byEmail(value);
            default -> throw new S3Exception(S3Error.INVALID_ARGUMENT, "Invalid grant type: " + type);
        };
    }
}
