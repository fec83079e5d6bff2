package io.joystick.console.proxy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.joystick.console.config.ConsoleConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Local one-origin mode: the API paths of routes.yaml are forwarded to the services, WebSocket upgrades
 * (/notifications) included, so the browser talks to one origin as it does behind Traefik. Off unless
 * {@code JOYSTICK_CONSOLE_PROXY=true}.
 */
@ApplicationScoped
public class ApiProxy {

    private static final Logger LOG = Logger.getLogger(ApiProxy.class);
    /** Before Quinoa's handler, which would answer index.html for any path. */
    private static final int ORDER = -100;

    private final ConsoleConfig config;

    public ApiProxy(ConsoleConfig config) {
        this.config = config;
    }

    void install(@Observes Router router, Vertx vertx) {
        if (!config.proxy().enabled()) {
            return;
        }
        RouteTable table = RouteTable.load();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(3000)
                .setIdleTimeout((int) config.proxy().timeout().toSeconds()).setMaxPoolSize(64));
        Map<String, HttpProxy> proxies = new HashMap<>();
        for (RouteTable.ServiceRoutes service : table.services()) {
            String base = config.services().get(service.service());
            if (base == null) {
                throw new IllegalStateException("No URL configured for " + service.service()
                        + " (joystick.console.services." + service.service() + ")");
            }
            proxies.put(service.service(), proxy(client, URI.create(base), service));
            LOG.infof("Forwarding %s to %s", String.join(", ", paths(service)), base);
        }
        router.route().order(ORDER).handler(context -> forward(context, table, proxies));
    }

    private static void forward(RoutingContext context, RouteTable table, Map<String, HttpProxy> proxies) {
        table.route(context.normalizedPath()).ifPresentOrElse(
                service -> proxies.get(service.service()).handle(context.request()), context::next);
    }

    private static HttpProxy proxy(HttpClient client, URI base, RouteTable.ServiceRoutes service) {
        int port = base.getPort() > 0 ? base.getPort() : ("https".equals(base.getScheme()) ? 443 : 80);
        SocketAddress origin = SocketAddress.inetSocketAddress(port, base.getHost());
        HttpProxy proxy = HttpProxy.reverseProxy(client).originSelector(request -> Future.succeededFuture(origin));
        if (service.strip() != null) {
            proxy.addInterceptor(new ProxyInterceptor() {
                @Override
                public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                    String uri = context.request().getURI();
                    context.request().setURI(service.forwardedPath(uri));
                    return context.sendRequest();
                }
            });
        }
        return proxy;
    }

    private static java.util.List<String> paths(RouteTable.ServiceRoutes service) {
        java.util.List<String> all = new java.util.ArrayList<>(service.prefixes());
        all.addAll(service.paths());
        return all;
    }
}
