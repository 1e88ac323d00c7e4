package dev.hero.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hero.web.Answer.detail;
import static dev.hero.web.HeroBody.aHero;
import static org.assertj.core.api.Assertions.assertThat;

/** DELETE /heroes/{hero_id}. */
interface DeleteHeroSpec extends HeroApiSpec {

    @ParameterizedTest
    @ValueSource(strings = {"", "/"})
    default void givenAHero_whenDelete_thenOkAndItIsGone(String trailingSlash) {
        long id = post("/heroes/", aHero()).id();

        Answer deleted = delete("/heroes/" + id + trailingSlash);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.contentType()).isEqualTo(JSON);
        assertThat(deleted.json()).isEqualTo(Answer.JSON.createObjectNode().put("ok", true));
        assertError(get("/heroes/" + id), 404, detail("Hero not found"));
        assertError(delete("/heroes/" + id), 404, detail("Hero not found"));
    }
}
