package com.example.heroclient;

import com.example.heroclient.generated.ApiClient;
import com.example.heroclient.generated.ApiException;
import com.example.heroclient.generated.api.HeroesApi;
import com.example.heroclient.generated.model.Deleted;
import com.example.heroclient.generated.model.HeroCreate;
import com.example.heroclient.generated.model.HeroPublic;
import com.example.heroclient.generated.model.HeroUpdate;

import java.util.List;

/**
 * Every operation of Hero's API through the client that openapi-generator made, at build time, from the document Hero
 * serves ({@code GET /openapi.json}): everything under {@code com.example.heroclient.generated} is generated, this
 * class is all that is written by hand.
 * <pre>
 * mvn -q compile exec:java -Dhero.url=http://localhost:8000
 * </pre>
 * Each operation is a method of {@link HeroesApi} named after its operationId, in four forms: the answer's body, the
 * body with extra request headers ({@code Map<String, String>}), and both again as {@code ...WithHttpInfo}, which also
 * gives the status and the response headers ({@code Location}, {@code ETag}, and whatever a later version of Hero adds).
 * The request headers the document declares are parameters of their own: {@code Idempotency-Key} on create,
 * {@code If-Match} on update and delete, {@code If-None-Match} on read ({@code null} sends none).
 */
public final class HeroClientExample {

    private HeroClientExample() {
    }

    /** The generated API, talking to the Hero at this address, such as {@code http://localhost:8000}. */
    public static HeroesApi heroes(String heroUrl) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(heroUrl);
        return new HeroesApi(client);
    }

    public static void main(String[] args) throws ApiException {
        HeroesApi heroes = heroes(args.length > 0 ? args[0] : "http://localhost:8000");

        // an Idempotency-Key makes the create safe to send again: a repeat answers the same hero and creates none
        HeroPublic created = heroes.createHeroHeroesPost(new HeroCreate().name("Deadpond").secretName("Dive Wilson").age(30),
                java.util.UUID.randomUUID().toString());
        System.out.println("created: " + line(created));

        // the optional parameters (here If-None-Match) are null when not sent
        System.out.println("read:    " + line(heroes.readHeroHeroesHeroIdGet(created.getId(), null)));

        // name, min_age, max_age, sort, offset, limit, after
        List<HeroPublic> page = heroes.readHeroesHeroesGet(null, null, null, null, 0L, 100, null);
        System.out.println("listed:  " + page.size() + " hero(es) on the first page");

        // only the age is sent, as null: {"age": null} clears it, and the name stays as it is
        HeroPublic ageless = heroes.updateHeroHeroesHeroIdPatch(created.getId(), new HeroUpdate().age(null), null);
        System.out.println("patched: " + line(ageless));

        Deleted deleted = heroes.deleteHeroHeroesHeroIdDelete(created.getId(), null);
        System.out.println("deleted: ok=" + deleted.getOk().getValue());

        try {
            heroes.readHeroHeroesHeroIdGet(created.getId(), null);
        } catch (ApiException e) {
            System.out.println("read again: " + e.getCode() + " " + e.getResponseBody());
        }
    }

    private static String line(HeroPublic hero) {
        return "id=" + hero.getId() + " name=" + hero.getName() + " age=" + hero.getAge();
    }
}
