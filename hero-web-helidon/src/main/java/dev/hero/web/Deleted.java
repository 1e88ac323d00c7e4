package dev.hero.web;

/** The answer to a delete, {@code {"ok": true}}, as the tutorial gives it. */
record Deleted(boolean ok) {

    static final Deleted OK = new Deleted(true);
}
