package com.example.heroclient;

import com.example.heroclient.generated.ApiException;
import com.example.heroclient.generated.ApiResponse;
import com.example.heroclient.generated.JSON;
import com.example.heroclient.generated.api.HeroesApi;
import com.example.heroclient.generated.model.Deleted;
import com.example.heroclient.generated.model.HeroCreate;
import com.example.heroclient.generated.model.HeroPublic;
import com.example.heroclient.generated.model.HeroUpdate;
import com.example.heroclient.generated.model.ProblemDetails;
import com.example.heroclient.generated.model.ValidationProblemDetails;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The generated client against the running Hero at {@code hero.url}: every operation completes, and what comes back
 * reads as the document says. Each step goes through a helper that takes extra request headers and keeps the
 * response's ({@link #create}, {@link #update}): a conditional update ({@code If-Match} with a read's {@code ETag}) or
 * a create a client may safely repeat ({@code Idempotency-Key}) is one more step over the same helpers.
 */
class GeneratedClientTest {

    private static final String HERO_URL = System.getProperty("hero.url", "http://localhost:8000");

    private final HeroesApi heroes = HeroClientExample.heroes(HERO_URL);

    @Test
    void givenANewHero_whenCreated_thenTheAnswerIsTheHeroWithItsNewIdAndLocation() throws ApiException {
        ApiResponse<HeroPublic> created = create(new HeroCreate().name("Deadpond").secretName("Dive Wilson").age(30), Map.of());

        assertThat(created.getStatusCode()).isEqualTo(200);
        HeroPublic hero = created.getData();
        assertThat(hero.getId()).isNotNull();
        assertThat(hero.getName()).isEqualTo("Deadpond");
        assertThat(hero.getAge()).isEqualTo(30);
        assertThat(created.getHeaders().get("location")).containsExactly("/heroes/" + hero.getId());
    }

    @Test
    void givenACreatedHero_whenReadAndListed_thenTheSameHeroComesBack() throws ApiException {
        HeroPublic hero = create(new HeroCreate().name(" Leading space").secretName("Secret"), Map.of()).getData();

        assertThat(heroes.readHeroHeroesHeroIdGet(hero.getId(), null)).isEqualTo(hero);
        assertThat(allListed()).contains(hero);
        assertThat(hero.getAge()).isNull();
    }

    @Test
    void givenAHeroWithAnAge_whenPatchedWithAgeNull_thenTheAgeIsClearedAndTheNameKept() throws ApiException {
        HeroPublic hero = create(new HeroCreate().name("Rusty-Man").secretName("Tommy Sharp").age(48), Map.of()).getData();

        ApiResponse<HeroPublic> updated = update(hero.getId(), new HeroUpdate().age(null), Map.of());

        assertThat(updated.getStatusCode()).isEqualTo(200);
        assertThat(updated.getData().getName()).isEqualTo("Rusty-Man");
        assertThat(updated.getData().getAge()).isNull();
        assertThat(heroes.readHeroHeroesHeroIdGet(hero.getId(), null)).isEqualTo(updated.getData());
    }

    @Test
    void givenAHero_whenDeleted_thenOkAndReadingItIsNotFoundAsProblemDetails() throws Exception {
        HeroPublic hero = create(new HeroCreate().name("Spider-Boy").secretName("Pedro Parqueador"), Map.of()).getData();

        Deleted deleted = heroes.deleteHeroHeroesHeroIdDelete(hero.getId(), null);
        ApiException missing = catchThrowableOfType(ApiException.class, () -> heroes.readHeroHeroesHeroIdGet(hero.getId(), null));

        assertThat(deleted.getOk()).isEqualTo(Deleted.OkEnum.TRUE);
        assertThat(missing.getCode()).isEqualTo(404);
        // the generated client accepts application/json and application/problem+json alike, so errors come as the latter
        assertThat(missing.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");
        ProblemDetails problem = JSON.getDefault().getMapper().readValue(missing.getResponseBody(), ProblemDetails.class);
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getDetail()).isEqualTo("Hero not found");
    }

    @Test
    void givenTheETagOfARead_whenPatchedIfMatchIt_thenTheFirstPatchSucceedsAndTheSecondWithTheStaleTagGets412() throws Exception {
        HeroPublic hero = create(new HeroCreate().name("Tarantula").secretName("Natalia Roman-on").age(30), Map.of()).getData();
        String tag = heroes.readHeroHeroesHeroIdGetWithHttpInfo(hero.getId(), null).getHeaders().get("etag").get(0);

        ApiResponse<HeroPublic> updated = update(hero.getId(), new HeroUpdate().age(31), Map.of("If-Match", tag));
        ApiException stale = catchThrowableOfType(ApiException.class,
                () -> update(hero.getId(), new HeroUpdate().age(99), Map.of("If-Match", tag)));

        assertThat(updated.getStatusCode()).isEqualTo(200);
        assertThat(updated.getData().getAge()).isEqualTo(31);
        assertThat(updated.getHeaders().get("etag")).singleElement().isNotEqualTo(tag);
        assertThat(stale.getCode()).isEqualTo(412);
        ProblemDetails problem = JSON.getDefault().getMapper().readValue(stale.getResponseBody(), ProblemDetails.class);
        assertThat(problem.getDetail()).isEqualTo("Precondition Failed");
        assertThat(heroes.readHeroHeroesHeroIdGet(hero.getId(), null).getAge()).isEqualTo(31);
    }

    @Test
    void givenAnIdempotencyKey_whenTheSameCreateIsSentAgain_thenTheSameHeroIsAnsweredReplayedAndNoneCreated() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        HeroCreate hero = new HeroCreate().name("Keyed " + key).secretName("Secret").age(20);

        ApiResponse<HeroPublic> first = create(hero, Map.of("Idempotency-Key", key));
        ApiResponse<HeroPublic> again = create(hero, Map.of("Idempotency-Key", key));

        assertThat(first.getStatusCode()).isEqualTo(200);
        assertThat(first.getHeaders()).doesNotContainKey("idempotent-replayed");
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getHeaders().get("idempotent-replayed")).containsExactly("true");
        assertThat(again.getData()).isEqualTo(first.getData());
        assertThat(heroes.readHeroesHeroesGet("Keyed " + key, null, null, null, null, 100, null)).containsExactly(first.getData());
    }

    @Test
    void givenABlankName_whenCreated_thenUnprocessableWithTheProblemAtTheName() throws Exception {
        ApiException rejected = catchThrowableOfType(ApiException.class,
                () -> create(new HeroCreate().name("   ").secretName("Secret"), Map.of()));

        assertThat(rejected.getCode()).isEqualTo(422);
        ValidationProblemDetails problem = JSON.getDefault().getMapper().readValue(rejected.getResponseBody(), ValidationProblemDetails.class);
        assertThat(problem.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getType()).isEqualTo("string_pattern_mismatch");
            assertThat(error.getLoc()).extracting(location -> location.getActualInstance()).containsExactly("body", "name");
        });
    }

    /** Creates a hero, with extra request headers: {@code Idempotency-Key} among them makes it safe to repeat. */
    private ApiResponse<HeroPublic> create(HeroCreate hero, Map<String, String> headers) throws ApiException {
        return heroes.createHeroHeroesPostWithHttpInfo(hero, headers.get("Idempotency-Key"), without(headers, "Idempotency-Key"));
    }

    /** Updates a hero, with extra request headers: {@code If-Match} among them makes it conditional. */
    private ApiResponse<HeroPublic> update(long id, HeroUpdate changes, Map<String, String> headers) throws ApiException {
        return heroes.updateHeroHeroesHeroIdPatchWithHttpInfo(id, changes, headers.get("If-Match"), without(headers, "If-Match"));
    }

    private static Map<String, String> without(Map<String, String> headers, String name) {
        Map<String, String> rest = new java.util.HashMap<>(headers);
        rest.remove(name);
        return rest;
    }

    /** Every hero, page by page: the server may hold more than one page of them. */
    private List<HeroPublic> allListed() throws ApiException {
        List<HeroPublic> all = new ArrayList<>();
        for (long offset = 0; ; offset += 100) {
            List<HeroPublic> page = heroes.readHeroesHeroesGet(null, null, null, null, offset, 100, null);
            all.addAll(page);
            if (page.size() < 100) {
                return all;
            }
        }
    }
}
