package dev.hero.web;

import java.util.List;

/** The request's path, query or body is not acceptable input: a 422 with every problem found. */
final class InvalidRequestException extends RuntimeException {

    private final transient List<Problem> problems;

    InvalidRequestException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the request", null, false, false);
        this.problems = List.copyOf(problems);
    }

    InvalidRequestException(Problem problem) {
        this(List.of(problem));
    }

    List<Problem> problems() {
        return problems;
    }
}
