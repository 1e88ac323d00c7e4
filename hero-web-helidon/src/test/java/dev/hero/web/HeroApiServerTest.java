package dev.hero.web;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;

/**
 * The API contract over a real socket, on a server set up as hero-app sets it up: the body limit is
 * also the server's max payload size, and the server's own errors are answered by
 * {@link HeroWeb#directHandlers()}. Adds {@link RawRequestSpec}: requests only a raw socket can send.
 */
@ServerTest
class HeroApiServerTest implements HeroApiContract, RawRequestSpec {

    private final Http1Client client;
    private final int port;

    HeroApiServerTest(Http1Client client, WebServer server) {
        this.client = client;
        this.port = server.port();
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        HeroWeb.routing(routing, HEROES, LIMITS);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.maxPayloadSize(LIMITS.maxBodyBytes())
                .directHandlers(HeroWeb.directHandlers());
    }

    @Override
    public Http1Client client() {
        return client;
    }

    @Override
    public int port() {
        return port;
    }
}
