package dev.cairn.bench.load.http;

/**
 * One request: its head as sent (request line, header lines including {@code Host} and, with a body,
 * {@code Content-Length}, and the blank line), and body bytes {@code [offset, offset + length)} of {@code body}.
 *
 * @param headMethod a HEAD request: the response has no body whatever its headers say
 * @param body null when {@code length} is 0
 */
public record Request(byte[] head, boolean headMethod, BodySource body, long offset, long length) {
    public static Request of(byte[] head, boolean headMethod) {
        return new Request(head, headMethod, null, 0, 0);
    }
}
