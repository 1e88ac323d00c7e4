package dev.hero.web;

import io.helidon.logging.common.spi.LoggingProvider;

/**
 * The tests' java.util.logging is configured by Surefire (.ci/test-logging.properties); this tells Helidon so, as
 * hero-app's HeroLoggingProvider does for the service, instead of its "no Helidon logging implementation" line.
 */
public final class TestLogging implements LoggingProvider {

    @Override
    public void initialization() {
        // configured by Surefire
    }

    @Override
    public void runTime() {
        // nothing changes at run time
    }
}
