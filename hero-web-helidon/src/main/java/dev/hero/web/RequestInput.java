package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hero.domain.model.FieldChange;
import dev.hero.domain.rules.InvalidInputException;
import dev.hero.domain.rules.Violation;
import io.helidon.common.parameters.Parameters;
import io.helidon.webserver.http.ServerRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads the input of one request through the rows of the reader's table ({@link InputField}), whatever the row:
 * a path segment, a query parameter or a field of the JSON body; and collects every problem instead of stopping at
 * the first, so that one 422 lists them all, in the order the rows were read (path, query, body, field order).
 *
 * <p>{@link #command} builds the domain command from the values read: its violations join the problems found here,
 * each located at the row that fills the violated component, except where that row already has a problem (its
 * value was replaced by a neutral one).
 */
final class RequestInput {

    private final ServerRequest request;
    private final JsonNode body;
    private final List<Problem> problems = new ArrayList<>(2);
    /** The rows in the order they were read: the order problems are reported in. */
    private final List<InputField<?>> read = new ArrayList<>(4);
    private final List<InputField<?>> failed = new ArrayList<>(2);

    private RequestInput(ServerRequest request, JsonNode body) {
        this.request = request;
        this.body = body;
    }

    /** Input from the path and the query. */
    static RequestInput of(ServerRequest request) {
        return new RequestInput(request, null);
    }

    /** Input from the path, the query and a body that is a JSON object. */
    static RequestInput of(ServerRequest request, JsonNode body) {
        return new RequestInput(request, body);
    }

    /** The row's value: {@link InputField#absent()} when the request does not carry it or it is not of the row's type. */
    <T> T value(InputField<T> field) {
        read.add(field);
        T value = switch (field.where()) {
            case Problem.PATH -> fromText(field, text(request.path().pathParameters(), field.name()));
            case Problem.QUERY -> request.query().contains(field.name())
                    ? fromText(field, lastValue(request.query().all(field.name())))
                    : field.absent();
            default -> fromJson(field, body.get(field.name()), field.absent());
        };
        return value;
    }

    /** Whether the request carries the row at all (a query parameter given, even empty or malformed). */
    boolean carries(InputField<?> field) {
        return switch (field.where()) {
            case Problem.PATH -> request.path().pathParameters().contains(field.name());
            case Problem.QUERY -> request.query().contains(field.name());
            default -> body != null && body.has(field.name());
        };
    }

    /** Whether every one of these rows was read without a problem of its own (so far: the command has its rules too). */
    boolean readWell(InputField<?>... fields) {
        for (InputField<?> field : fields) {
            if (failed.contains(field)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reports a problem a row's value has beside the others (a cursor made for another listing), which only the
     * caller can see; the command's own violations of that row are then left out, as for a value of the wrong type.
     */
    void reject(InputField<?> field, Problem problem) {
        fail(field, problem);
    }

    /** A body row as the change of a partial update: absent keeps the stored value, a value (or a {@code null} the row allows) sets it. */
    <T> FieldChange<T> change(InputField<T> field) {
        read.add(field);
        JsonNode node = body.get(field.name());
        if (node == null) {
            return FieldChange.keep();
        }
        int before = problems.size();
        T value = fromJson(field, node, null);
        return problems.size() == before ? FieldChange.to(value) : FieldChange.keep();
    }

    /**
     * Builds a command from the values read so far, or calls a use case that may itself reject its input.
     *
     * @throws InvalidRequestException when there is any problem, listing all of them
     */
    <C> C command(Supplier<C> constructor) {
        C command = null;
        try {
            command = constructor.get();
        } catch (InvalidInputException e) {
            for (Violation violation : e.violations()) {
                InputField<?> field = rowFilling(violation.field());
                if (!failed.contains(field)) {
                    problems.add(Problem.broken(field, violation));
                }
            }
        }
        throwIfAny();
        return command;
    }

    /** @throws InvalidRequestException when there is any problem, listing all of them */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            List<Problem> ordered = new ArrayList<>(problems);
            ordered.sort(Comparator.comparingInt(this::rank));
            throw new InvalidRequestException(ordered);
        }
    }

    private <T> T fromText(InputField<T> field, String text) {
        return field.type().fromText(text, field, problem -> fail(field, problem));
    }

    private <T> T fromJson(InputField<T> field, JsonNode node, T absent) {
        if (node == null) {
            return absent;
        }
        if (node.isNull() && field.nullable()) {
            return null;
        }
        return field.type().fromJson(node, field, problem -> fail(field, problem));
    }

    private void fail(InputField<?> field, Problem problem) {
        problems.add(problem);
        failed.add(field);
    }

    /** A rule about a component no row fills is a rule this adapter cannot locate: a bug of the table, never the client's. */
    private InputField<?> rowFilling(String component) {
        for (InputField<?> field : read) {
            if (component.equals(field.component())) {
                return field;
            }
        }
        throw new IllegalStateException("No request field fills the component '" + component + "'; add it to the reader's table");
    }

    private int rank(Problem problem) {
        for (int i = 0; i < read.size(); i++) {
            InputField<?> field = read.get(i);
            if (problem.loc().size() > 1 && field.where().equals(problem.loc().get(0)) && field.name().equals(problem.loc().get(1))) {
                return i;
            }
        }
        return read.size();
    }

    private static String text(Parameters parameters, String name) {
        return parameters.contains(name) ? parameters.get(name) : "";
    }

    /** The last value of a repeated parameter, as Starlette reads it; {@code ?offset} without {@code =} is the empty string. */
    private static String lastValue(List<String> values) {
        return values.isEmpty() ? "" : values.getLast();
    }
}
