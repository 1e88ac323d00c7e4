package dev.hero.web;

import dev.hero.domain.model.Hero;
import io.helidon.http.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hero.web.Answer.problem;
import static dev.hero.web.Answer.publicHero;
import static dev.hero.web.HeroBody.SECRET;
import static dev.hero.web.HeroBody.aHero;
import static dev.hero.web.HeroBody.anEmptyBody;
import static org.assertj.core.api.Assertions.assertThat;

/** PATCH /heroes/{hero_id}: only the fields sent change, and a bad field changes nothing. */
interface UpdateHeroSpec extends HeroApiSpec {

    @ParameterizedTest
    @ValueSource(strings = {"", "/"})
    default void givenAHero_whenPatchTheName_thenOnlyTheNameChanges(String trailingSlash) {
        long id = post("/heroes/", aHero()).id();

        Answer patched = patch("/heroes/" + id + trailingSlash, anEmptyBody().name("Deadpool"));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json()).isEqualTo(publicHero(id, "Deadpool", 30));
        assertThat(HEROES.current().get(id).secretName()).isEqualTo(SECRET);
    }

    @Test
    default void givenAHeroWithAnAge_whenPatchAgeNull_thenTheAgeIsCleared() {
        long id = post("/heroes/", aHero()).id();

        Answer patched = patch("/heroes/" + id, anEmptyBody().raw("age", "null"));

        assertThat(patched.json()).isEqualTo(publicHero(id, "Deadpond", null));
    }

    @Test
    default void givenAHero_whenPatchAnEmptyObject_thenNothingChangesAndTheHeroIsReturned() {
        long id = post("/heroes/", aHero()).id();
        Hero before = HEROES.current().get(id);

        Answer patched = patch("/heroes/" + id, anEmptyBody());

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json()).isEqualTo(publicHero(id, "Deadpond", 30));
        assertThat(HEROES.current().get(id)).isEqualTo(before);
    }

    @Test
    default void givenAHero_whenPatchTheSecretName_thenItIsStoredButNeverShown() {
        long id = post("/heroes/", aHero()).id();

        Answer patched = patch("/heroes/" + id, anEmptyBody().secretName("Wade Wilson").raw("id", "999"));

        assertThat(patched.json()).isEqualTo(publicHero(id, "Deadpond", 30));
        assertThat(patched.body()).doesNotContain("Wade");
        assertThat(HEROES.current().get(id).secretName()).isEqualTo("Wade Wilson");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "secret_name"})
    default void givenATextFieldSetToNull_whenPatch_thenUnprocessableAndTheHeroIsUnchanged(String field) {
        long id = post("/heroes/", aHero()).id();
        Hero before = HEROES.current().get(id);

        Answer rejected = patch("/heroes/" + id, anEmptyBody().age(31).raw(field, "null"));

        assertUnprocessable(rejected, problem("string_type", "Input should be a valid string", "body", field));
        assertThat(HEROES.current().get(id)).isEqualTo(before);
    }

    @Test
    default void givenOneBadFieldAmongGoodOnes_whenPatch_thenNothingChanges() {
        long id = post("/heroes/", aHero()).id();
        Hero before = HEROES.current().get(id);

        Answer rejected = patch("/heroes/" + id, anEmptyBody().name("Deadpool").secretName("Wade").raw("age", "-1"));

        assertUnprocessable(rejected, problem("greater_than_equal", "Input should be greater than or equal to 0", "body", "age"));
        assertThat(HEROES.current().get(id)).isEqualTo(before);
    }

    @Test
    default void givenAnInvalidBody_whenPatchAMissingHero_thenTheBodyIsJudgedFirst() {
        assertUnprocessable(patch("/heroes/42", anEmptyBody().raw("age", "\"old\"")),
                problem("int_type", "Input should be a valid integer", "body", "age"));
    }

    @Test
    default void givenABadIdAndABadField_whenPatch_thenBothInOneAnswerPathFirst() {
        assertUnprocessable(patch("/heroes/abc", anEmptyBody().raw("name", "1")),
                problem("int_parsing", NOT_AN_INT, "path", "hero_id"),
                problem("string_type", "Input should be a valid string", "body", "name"));
    }

    @Test
    default void givenAMergePatchMediaType_whenPatch_thenItIsReadAsJson() {
        long id = post("/heroes/", aHero()).id();

        Answer patched = send(Method.PATCH, "/heroes/" + id, "application/merge-patch+json", anEmptyBody().age(31).json());

        assertThat(patched.json()).isEqualTo(publicHero(id, "Deadpond", 31));
    }
}
