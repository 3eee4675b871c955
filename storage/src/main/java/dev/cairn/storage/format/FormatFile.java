package dev.cairn.storage.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identity a drive carries in {@code <drive>/.cairn.sys/format.json} ({@link #RELATIVE_PATH}): which
 * deployment it belongs to, which drive it is, and the whole deployment's layout, so that any quorum of drives
 * can reassemble the deployment whatever order the drives are configured in.
 *
 * <p>JSON shape (version 1), written with fields in this order:
 * <pre>{@code
 * {
 *   "version": 1,                       // integer; a newer version is refused, never guessed at
 *   "format": "cairn-erasure",          // constant; anything else is not a Cairn erasure drive
 *   "deploymentId": "<uuid>",           // the same on every drive of the deployment
 *   "thisDrive": "<uuid>",              // this drive's id; must appear in "sets"
 *   "sets": [["<uuid>", ...], ...]      // drive ids per erasure set, in position order
 * }
 * }</pre>
 * UUIDs are in canonical 8-4-4-4-12 hexadecimal form. Unknown extra fields are ignored so a later version-1
 * writer may add optional hints; duplicate fields and trailing content are refused.
 *
 * <p>Invariants, checked on construction and so on parse: version {@value #CURRENT_VERSION}; the sets form a
 * valid {@link SetLayout} (equal sizes, 1..16 drives each); every id is unique; {@code thisDrive} is one of them.
 */
public record FormatFile(int formatVersion, UUID deploymentId, UUID thisDrive, List<List<UUID>> sets) {

    public static final int CURRENT_VERSION = 1;
    public static final String FORMAT = "cairn-erasure";
    /** Where the file lives, relative to the drive's root. */
    public static final String RELATIVE_PATH = ".cairn.sys/format.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public FormatFile {
        if (formatVersion != CURRENT_VERSION) {
            throw new IllegalArgumentException("format version " + formatVersion + " is not supported; this Cairn writes "
                    + "and reads version " + CURRENT_VERSION);
        }
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(thisDrive, "thisDrive");
        Objects.requireNonNull(sets, "sets");
        List<List<UUID>> copy = new ArrayList<>(sets.size());
        Set<UUID> seen = new HashSet<>();
        for (List<UUID> set : sets) {
            Objects.requireNonNull(set, "set");
            if (!copy.isEmpty() && set.size() != copy.getFirst().size()) {
                throw new IllegalArgumentException("all erasure sets must have the same size, but set 0 has "
                        + copy.getFirst().size() + " drives and set " + copy.size() + " has " + set.size());
            }
            for (UUID id : set) {
                if (!seen.add(Objects.requireNonNull(id, "drive id"))) {
                    throw new IllegalArgumentException("drive id " + id + " appears more than once in the sets");
                }
            }
            copy.add(List.copyOf(set));
        }
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a format needs at least one erasure set");
        }
        new SetLayout(copy.size(), copy.getFirst().size());
        if (!seen.contains(thisDrive)) {
            throw new IllegalArgumentException("this drive's id " + thisDrive + " does not appear in the sets");
        }
        sets = List.copyOf(copy);
    }

    /** A current-version format. */
    public static FormatFile of(UUID deploymentId, UUID thisDrive, List<List<UUID>> sets) {
        return new FormatFile(CURRENT_VERSION, deploymentId, thisDrive, sets);
    }

    /** The same deployment and layout as seen from another of its drives. */
    public FormatFile forDrive(UUID driveId) {
        return new FormatFile(formatVersion, deploymentId, driveId, sets);
    }

    /** True when {@code other} describes the same deployment with the same layout (whichever drive it is). */
    public boolean sameDeployment(FormatFile other) {
        return deploymentId.equals(other.deploymentId) && sets.equals(other.sets);
    }

    public SetLayout layout() {
        return new SetLayout(sets.size(), sets.getFirst().size());
    }

    /** Where {@code thisDrive} sits. */
    public Position position() {
        return positionOf(thisDrive).orElseThrow();
    }

    public Optional<Position> positionOf(UUID driveId) {
        for (int s = 0; s < sets.size(); s++) {
            int index = sets.get(s).indexOf(driveId);
            if (index >= 0) {
                return Optional.of(new Position(s, index));
            }
        }
        return Optional.empty();
    }

    /** The JSON bytes (UTF-8) to store at {@link #RELATIVE_PATH}; see the class comment for the shape. */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", formatVersion);
        root.put("format", FORMAT);
        root.put("deploymentId", deploymentId.toString());
        root.put("thisDrive", thisDrive.toString());
        ArrayNode setsNode = root.putArray("sets");
        for (List<UUID> set : sets) {
            ArrayNode setNode = setsNode.addArray();
            set.forEach(id -> setNode.add(id.toString()));
        }
        try {
            return (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("serialising a tree of strings cannot fail", e);
        }
    }

    /**
     * Reads and validates a {@code format.json}.
     *
     * @throws IllegalArgumentException when the bytes are not a valid format of a version this code understands;
     *     the message says what is wrong (a newer version asks for an upgrade rather than guessing)
     */
    public static FormatFile parse(byte[] json) {
        Objects.requireNonNull(json, "json");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("format.json is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a byte array cannot fail", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("format.json must hold a JSON object");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isIntegralNumber() || !version.canConvertToInt()) {
            throw new IllegalArgumentException("format.json has no integer \"version\"");
        }
        int v = version.intValue();
        if (v > CURRENT_VERSION) {
            throw new IllegalArgumentException("format.json has version " + v + ", newer than this Cairn understands "
                    + "(up to " + CURRENT_VERSION + "); upgrade Cairn before using this drive");
        }
        if (v < 1) {
            throw new IllegalArgumentException("format.json has an invalid version " + v);
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !FORMAT.equals(format.textValue())) {
            throw new IllegalArgumentException("format.json has \"format\": " + format + ", expected \"" + FORMAT + "\"");
        }
        UUID deploymentId = uuid(root.get("deploymentId"), "deploymentId");
        UUID thisDrive = uuid(root.get("thisDrive"), "thisDrive");
        JsonNode setsNode = root.get("sets");
        if (setsNode == null || !setsNode.isArray()) {
            throw new IllegalArgumentException("format.json has no \"sets\" array");
        }
        List<List<UUID>> sets = new ArrayList<>();
        for (JsonNode setNode : setsNode) {
            if (!setNode.isArray()) {
                throw new IllegalArgumentException("format.json \"sets\" must hold arrays of drive ids");
            }
            List<UUID> set = new ArrayList<>();
            for (JsonNode id : setNode) {
                set.add(uuid(id, "sets[" + sets.size() + "]"));
            }
            sets.add(set);
        }
        try {
            return new FormatFile(v, deploymentId, thisDrive, sets);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format.json is inconsistent: " + e.getMessage(), e);
        }
    }

    private static UUID uuid(JsonNode node, String field) {
        if (node == null || !node.isTextual() || !CANONICAL_UUID.matcher(node.textValue()).matches()) {
            throw new IllegalArgumentException("format.json \"" + field + "\" must be a UUID string, got " + node);
        }
        return UUID.fromString(node.textValue());
    }
}
