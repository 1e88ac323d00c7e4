package dev.hero.web;

/**
 * The request body is not well-formed JSON.
 *
 * @see Json#parse(byte[])
 */
final class MalformedJsonException extends RuntimeException {

    private final int position;

    MalformedJsonException(int position, String description) {
        super(description, null, false, false);
        this.position = position;
    }

    /** Where the problem is, in code points from the start of the body. */
    int position() {
        return position;
    }

    /** What is wrong, without quoting the body. */
    String description() {
        return getMessage();
    }
}
