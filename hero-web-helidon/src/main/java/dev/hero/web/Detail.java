package dev.hero.web;

/**
 * The body of every error answer: {@code {"detail": "Hero not found"}}, or a list of {@link Problem}s
 * for a 422, as FastAPI writes them: the default layout of an error ({@link ErrorLayout}).
 */
record Detail(Object detail) {
}
