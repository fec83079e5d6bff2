package io.joystick.device.accesscache.client;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.joystick.auth.apikey.ApiKeyHeaders;
import io.joystick.device.accesscache.config.AccessCacheConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * After a device's allow-list (or owner) changed, or the device was deleted, tells the services that cache
 * allow-lists (notification-service, switcher-client, fleet-service) to drop that device's entry, so a removed
 * user loses access at once rather than when the cache entry expires. Non-blocking and bounded: a peer that is
 * down or slow costs a log line, and its cache's expiry remains the fallback. Call it after the change is
 * committed.
 */
@ApplicationScoped
public class AllowListChanges {

    private static final Logger LOG = Logger.getLogger(AllowListChanges.class);

    private final Map<String, AccessCacheApi> peers = new LinkedHashMap<>();

    public AllowListChanges(AccessCacheConfig config, ApiKeyHeaders headers) {
        long timeout = config.timeout().toMillis();
        for (String peer : config.peers()) {
            URI url = ConfigProvider.getConfig().getValue("quarkus.rest-client." + peer + ".url", URI.class);
            peers.put(peer, QuarkusRestClientBuilder.newBuilder().baseUri(url)
                    .connectTimeout(timeout, TimeUnit.MILLISECONDS).readTimeout(timeout, TimeUnit.MILLISECONDS)
                    .clientHeadersFactory(headers).build(AccessCacheApi.class));
        }
    }

    public void changed(String deviceId) {
        peers.forEach((peer, api) -> {
            try {
                api.forget(deviceId).whenComplete((done, failure) -> {
                    if (failure != null) {
                        notTold(peer, deviceId, failure);
                    }
                });
            } catch (RuntimeException e) {
                notTold(peer, deviceId, e);
            }
        });
    }

    private static void notTold(String peer, String deviceId, Throwable failure) {
        // The type only: a message could carry the peer's URL or a response body.
        LOG.warnf("%s not told to forget the cached allow-list of device %s: %s", peer, deviceId,
                failure.getClass().getSimpleName());
    }
}
