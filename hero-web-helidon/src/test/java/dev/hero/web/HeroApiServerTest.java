package dev.hero.web;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The API contract over a real socket, on a server set up exactly as hero-app sets it up, through
 * {@link HeroWeb#install}: the same limits, direct handlers, protocol settings, routes and drain filter. (Helidon's
 * {@code @ServerTest} extension copies the socket's settings into a new listener and so adds its discovered HTTP/1
 * protocol beside Hero's, which changes how malformed request lines are answered: the server is built here instead.)
 * Adds {@link RawRequestSpec}: requests only a raw socket can send.
 */
class HeroApiServerTest implements HeroApiContract, RawRequestSpec {

    private static WebServer server;
    private static Http1Client client;

    @BeforeAll
    static void startServer() {
        server = HeroWeb.create(HEROES, LIMITS).install(WebServer.builder().host("127.0.0.1").port(0)).build().start();
        client = Http1Client.builder().baseUri("http://127.0.0.1:" + server.port()).build();
    }

    @AfterAll
    static void stopServer() {
        client.closeResource();
        server.stop();
    }

    @Override
    public Http1Client client() {
        return client;
    }

    @Override
    public int port() {
        return server.port();
    }
}
