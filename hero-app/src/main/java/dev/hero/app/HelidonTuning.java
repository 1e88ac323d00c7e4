package dev.hero.app;

import io.helidon.common.mapper.MapperManager;

/**
 * One process-wide setting of Helidon that Hero's speed depends on, applied once, before the server starts.
 * <p>
 * Helidon 4.2 looks the global {@link MapperManager} up in its service registry each time it builds path
 * parameters, that is on every {@code /heroes/{hero_id}} request, unless one has been set: that lookup was 18 % of
 * the CPU samples of the {@code get} benchmark (docs/performance.md). Setting it once makes the lookup a field read.
 */
final class HelidonTuning {

    static {
        MapperManager.global(MapperManager.create());
    }

    private HelidonTuning() {
    }

    /** Applies the settings (the first call does; later calls do nothing). */
    static void apply() {
        // the static initializer above runs once, on the first call
    }
}
