package dev.hero.web;

import dev.hero.domain.model.HeroQuery;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.hero.web.Answer.detail;
import static dev.hero.web.HeroBody.aHero;
import static dev.hero.web.HeroBody.anEmptyBody;
import static org.assertj.core.api.Assertions.assertThat;

/** Which content types are read as JSON, and the body size limit, for a declared length and for chunks. */
interface MediaTypeAndSizeSpec extends HeroApiSpec {

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"})
    default void givenABodyThatIsNotDeclaredAsJson_whenCreateOrPatch_thenUnsupportedMediaType(String contentType) {
        long id = post("/heroes/", aHero()).id();

        assertError(send(Method.POST, "/heroes/", contentType, aHero().json()), 415, detail("Unsupported Media Type"));
        assertError(send(Method.PATCH, "/heroes/" + id, contentType, anEmptyBody().age(1).json()), 415, detail("Unsupported Media Type"));
        assertThat(HEROES.current().get(id).age()).isEqualTo(30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf-8", "Application/JSON", "application/vnd.hero+json"})
    default void givenAJsonMediaTypeWithParametersOrASuffix_whenCreate_thenOk(String contentType) {
        assertThat(send(Method.POST, "/heroes/", contentType, aHero().json()).status()).isEqualTo(200);
    }

    @Test
    default void givenNoContentType_whenCreate_thenTheBodyIsReadAsJson() {
        Answer created = send(Method.POST, "/heroes/", null, aHero().json());

        assertThat(created.status()).isEqualTo(200);
    }

    @Test
    default void givenATwoMegabyteBody_whenCreate_thenPayloadTooLargeAndNothingStored() {
        byte[] body = aHero().raw("padding", "\"" + "x".repeat(2 * 1024 * 1024) + "\"").json().getBytes(StandardCharsets.UTF_8);

        // declared up front and sent only after "100 Continue", as curl does for a large body, so the server refuses
        // it unread, whether it checks the length itself (in-process) or the routing's limit does
        Answer rejected = Answer.of(client().post("/heroes/")
                .header(HeaderNames.CONTENT_TYPE, JSON)
                .header(HeaderNames.CONTENT_LENGTH, String.valueOf(body.length))
                .sendExpectContinue(true)
                .outputStream(out -> {
                    out.write(body);
                    out.close();
                }));

        assertError(rejected, 413, detail("Request Entity Too Large"));
        assertThat(rejected.connection()).isEqualTo("close");
        assertThat(HEROES.current().list(HeroQuery.page(0, 100)).heroes()).isEmpty();
    }

    @Test
    default void givenAChunkedBodyJustOverTheLimit_whenCreate_thenPayloadTooLarge() {
        byte[] start = "{\"name\": \"Deadpond\", \"secret_name\": \"Dive Wilson\", \"padding\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] padding = new byte[(int) LIMITS.maxBodyBytes() - start.length];
        Arrays.fill(padding, (byte) 'x');

        Answer rejected = Answer.of(client().post("/heroes/")
                .header(HeaderNames.CONTENT_TYPE, JSON)
                .outputStream(out -> {
                    out.write(start);
                    out.write(padding);
                    out.write("\"}".getBytes(StandardCharsets.UTF_8));
                    out.close();
                }));

        assertError(rejected, 413, detail("Request Entity Too Large"));
        assertThat(HEROES.current().list(HeroQuery.page(0, 100)).heroes()).isEmpty();
    }

    @Test
    default void givenAChunkedBodyWithinTheLimit_whenCreate_thenOk() {
        Answer created = Answer.of(client().post("/heroes/")
                .header(HeaderNames.CONTENT_TYPE, JSON)
                .outputStream(out -> {
                    out.write(aHero().json().getBytes(StandardCharsets.UTF_8));
                    out.close();
                }));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("name").asText()).isEqualTo("Deadpond");
    }
}
