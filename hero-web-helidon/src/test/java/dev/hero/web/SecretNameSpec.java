package dev.hero.web;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.hero.web.HeroBody.SECRET;
import static dev.hero.web.HeroBody.aHero;
import static dev.hero.web.HeroBody.anEmptyBody;
import static org.assertj.core.api.Assertions.assertThat;

/** The secret name is stored but no answer of any operation shows it. */
interface SecretNameSpec extends HeroApiSpec {

    @Test
    default void givenAHeroWithASecretName_whenEveryOperationRuns_thenNoAnswerContainsIt() {
        List<Answer> answers = new ArrayList<>();
        Answer created = post("/heroes/", aHero());
        long id = created.id();
        answers.add(created);
        answers.add(get("/heroes/"));
        answers.add(get("/heroes/" + id));
        answers.add(patch("/heroes/" + id, anEmptyBody().age(31)));
        answers.add(patch("/heroes/" + id, anEmptyBody().secretName(SECRET).raw("age", "\"x\"")));
        answers.add(post("/heroes/", aHero().raw("name", "{\"secret\": \"" + SECRET + "\"}")));
        answers.add(post("/heroes/", "{\"name\": \"Deadpond\", \"secret_name\": Dive Wilson}"));
        answers.add(delete("/heroes/" + id));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.body()).doesNotContain("Dive").doesNotContain("secret");
            assertThat(answer.location()).satisfiesAnyOf(
                    location -> assertThat(location).isNull(),
                    location -> assertThat(location).doesNotContain("Dive"));
        });
    }
}
