package dev.hero.web;

import io.helidon.webserver.testing.junit5.DirectClient;
import io.helidon.webserver.testing.junit5.RoutingTest;

/** The API contract in-process: requests go through Helidon's routing without a socket. */
@RoutingTest
class HeroApiRoutingTest extends AbstractHeroApiTest {

    HeroApiRoutingTest(DirectClient client) {
        super(client);
    }
}
