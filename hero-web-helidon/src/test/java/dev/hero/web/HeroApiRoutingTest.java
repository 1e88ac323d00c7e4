package dev.hero.web;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;

/** The API contract in-process: requests go through the adapter's routing ({@link HeroWeb#routing}) without a socket. */
@RoutingTest
class HeroApiRoutingTest implements HeroApiContract {

    private final DirectClient client;

    HeroApiRoutingTest(DirectClient client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        HeroWeb.create(HEROES, LIMITS).routing(routing);
    }

    @Override
    public Http1Client client() {
        return client;
    }
}
