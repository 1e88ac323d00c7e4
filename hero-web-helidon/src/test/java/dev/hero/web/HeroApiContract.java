package dev.hero.web;

/**
 * The whole API contract: every spec that both {@link HeroApiRoutingTest} (in-process) and
 * {@link HeroApiServerTest} (over a socket) run. One list, so a new spec cannot end up running only one way.
 */
interface HeroApiContract extends CreateHeroSpec, ListHeroesSpec, ListPagesByCursorSpec, ReadHeroSpec, UpdateHeroSpec, DeleteHeroSpec,
        MalformedBodySpec, MediaTypeAndSizeSpec, UnknownRouteSpec, StoreFaultSpec, SecretNameSpec, ProblemDetailsSpec,
        ConditionalRequestSpec, IdempotentCreateSpec {
}
