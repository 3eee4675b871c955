package dev.cairn.notifications.targets;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A webhook target ({@code CAIRN_NOTIFY_WEBHOOK_<ID>_*}): each event is POSTed as the S3 event JSON.
 *
 * @param authToken sent as {@code Authorization: Bearer <token>}; null for none
 */
public record WebhookSettings(Arn arn, URI endpoint, String authToken, long queueLimit) implements TargetSettings {

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("arn", arn.toString());
        d.put("endpoint", endpoint.toString());
        d.put("authToken", authToken == null ? "none" : "set");
        d.put("queueLimit", queueLimit);
        return d;
    }
}
