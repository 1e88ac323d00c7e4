package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.HeroSort;
import dev.hero.domain.model.NewHero;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's table, the domain's commands and the OpenAPI document agree: every component of every command the API
 * builds has exactly one row that fills it, so a rule the command breaks is always located at the request field that
 * carried the value; and the list's query parameters are the document's.
 */
class HeroInputTest {

    static Stream<Arguments> commandsAndWhereTheirValuesComeFrom() {
        return Stream.of(Arguments.of(NewHero.class, Problem.BODY), Arguments.of(HeroChanges.class, Problem.BODY),
                Arguments.of(HeroQuery.class, Problem.QUERY));
    }

    @ParameterizedTest
    @MethodSource("commandsAndWhereTheirValuesComeFrom")
    void givenACommandOfTheApi_thenEachOfItsComponentsIsFilledByExactlyOneRow(Class<? extends Record> command, String where) {
        List<String> filled = rows().stream().filter(row -> row.where().equals(where))
                .map(InputField::component).filter(Objects::nonNull).toList();

        for (RecordComponent component : command.getRecordComponents()) {
            assertThat(filled).as("rows filling %s.%s", command.getSimpleName(), component.getName())
                    .containsOnlyOnce(component.getName());
        }
    }

    @Test
    void givenTheDocument_thenTheListsQueryParametersAreTheQueryRowsOfTheTable() {
        List<String> documented = new ArrayList<>();
        listParameters().forEach(parameter -> documented.add(parameter.get("name").asText()));

        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                rows().stream().filter(row -> row.where().equals(Problem.QUERY)).map(InputField::name).toList());
    }

    @Test
    void givenTheDocument_thenItsSortValuesLimitAndDefaultsAreTheDomains() {
        JsonNode sort = listParameter("sort").get("schema");
        List<String> allowed = new ArrayList<>();
        sort.get("enum").forEach(value -> allowed.add(value.asText()));

        assertThat(allowed).isEqualTo(HeroSort.keys());
        assertThat(sort.get("default").asText()).isEqualTo(HeroSort.DEFAULT.key());
        assertThat(listParameter("limit").at("/schema/maximum").asInt()).isEqualTo(HeroQuery.MAX_LIMIT);
        assertThat(listParameter("limit").at("/schema/default").asInt()).isEqualTo(HeroQuery.DEFAULT_LIMIT);
        assertThat(listParameter("offset").at("/schema/default").isMissingNode())
                .as("offset declares no default: /docs would send it beside an after, which is a 422").isTrue();
    }

    private static JsonNode listParameter(String name) {
        return listParameters().filter(parameter -> parameter.get("name").asText().equals(name)).findFirst().orElseThrow();
    }

    private static Stream<JsonNode> listParameters() {
        List<JsonNode> parameters = new ArrayList<>();
        OpenApiCheck.DOCUMENT.at("/paths/~1heroes~1/get/parameters").forEach(parameters::add);
        return parameters.stream();
    }

    private static List<InputField<?>> rows() {
        return Arrays.stream(HeroInput.class.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == InputField.class)
                .map(HeroInputTest::row)
                .toList();
    }

    private static InputField<?> row(Field field) {
        try {
            return (InputField<?>) field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
