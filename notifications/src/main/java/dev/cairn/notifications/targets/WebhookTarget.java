package dev.cairn.notifications.targets;

import dev.cairn.notifications.queue.QueuedEvent;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * POSTs each event (the S3 event JSON) to an HTTP endpoint, in order, one request per event; a 2xx answer
 * acknowledges it. With an auth token, requests carry {@code Authorization: Bearer <token>}.
 */
public final class WebhookTarget implements EventTarget {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final WebhookSettings settings;
    private final HttpClient client;
    private volatile boolean online = true;

    public WebhookTarget(WebhookSettings settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Arn arn() {
        return settings.arn();
    }

    @Override
    public void send(List<QueuedEvent> batch) throws DeliveryException, InterruptedException {
        for (int i = 0; i < batch.size(); i++) {
            QueuedEvent e = batch.get(i);
            HttpRequest.Builder r = HttpRequest.newBuilder(settings.endpoint()).timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(e.value()));
            if (settings.authToken() != null) {
                r.header("Authorization", "Bearer " + settings.authToken());
            }
            try {
                HttpResponse<Void> response = client.send(r.build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 != 2) {
                    online = false;
                    throw new DeliveryException(settings.endpoint() + " answered " + response.statusCode(), i, null);
                }
            } catch (IOException ex) {
                online = false;
                throw new DeliveryException(settings.endpoint() + ": " + ex, i, ex);
            }
        }
        online = true;
    }

    @Override
    public boolean isOnline() {
        return online;
    }

    @Override
    public void close() {
        client.close();
    }
}
