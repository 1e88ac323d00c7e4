package dev.hero.web;

import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.HeroQuery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's table and the domain's commands agree: every component of every command the API builds has exactly one
 * row that fills it, so a rule the command breaks is always located at the request field that carried the value.
 */
class HeroInputTest {

    @ParameterizedTest
    @ValueSource(classes = {NewHero.class, HeroChanges.class, HeroQuery.class})
    void givenACommandOfTheApi_thenEachOfItsComponentsIsFilledByExactlyOneRow(Class<? extends Record> command) {
        List<String> filled = rows().stream().map(InputField::component).filter(Objects::nonNull).toList();

        for (RecordComponent component : command.getRecordComponents()) {
            assertThat(filled).as("rows filling %s.%s", command.getSimpleName(), component.getName())
                    .containsOnlyOnce(component.getName());
        }
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
