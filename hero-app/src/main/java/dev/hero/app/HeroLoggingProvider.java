package dev.hero.app;

import io.helidon.logging.common.spi.LoggingProvider;

/**
 * Tells Helidon that logging is set up: {@link Main} configures java.util.logging itself, before anything logs. Without
 * a provider (META-INF/services), Helidon prints "There is no Helidon logging implementation on classpath, skipping log
 * configuration." to standard error on every start.
 */
public final class HeroLoggingProvider implements LoggingProvider {

    @Override
    public void initialization() {
        // done by Main
    }

    @Override
    public void runTime() {
        // nothing changes at run time
    }
}
