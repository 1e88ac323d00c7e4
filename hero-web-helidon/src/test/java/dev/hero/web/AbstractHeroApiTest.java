package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.InvalidInputException;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.PageRequest;
import dev.hero.domain.port.out.HeroesUnavailableException;
import dev.hero.domain.model.Violation;
import dev.hero.domain.port.in.HeroUseCases;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.hero.web.Answer.detail;
import static dev.hero.web.Answer.problem;
import static dev.hero.web.Answer.publicHero;
import static dev.hero.web.HeroBody.SECRET;
import static dev.hero.web.HeroBody.aHero;
import static dev.hero.web.HeroBody.anEmptyBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Hero API contract (shared/API.md), row by row, over HTTP. Runs twice: in-process through
 * Helidon's routing ({@link HeroApiRoutingTest}) and over a real socket ({@link HeroApiServerTest}),
 * both built by {@link HeroWeb#routing}, the method hero-app installs. Every answer the helpers see is
 * also held to the OpenAPI document ({@link OpenApiCheck}).
 */
abstract class AbstractHeroApiTest {

    static final String JSON = "application/json";
    static final WebLimits LIMITS = WebLimits.defaults();
    static final SwitchableHeroes HEROES = new SwitchableHeroes();

    private static final String MAX_LONG = "9223372036854775807";
    private static final String MAX_LONG_PLUS_ONE = "9223372036854775808";
    private static final String NOT_AN_INT = "Input should be a valid integer, unable to parse string as an integer";

    private final Http1Client client;

    AbstractHeroApiTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        HeroWeb.routing(routing, HEROES, LIMITS);
    }

    @BeforeEach
    void startWithNoHeroes() {
        HEROES.reset();
    }

    // ---------------------------------------------------------------- create

    @ParameterizedTest
    @ValueSource(strings = {"/heroes/", "/heroes"})
    void givenAValidHero_whenCreate_thenOkWithThePublicHeroAndItsLocation(String path) {
        Answer created = post(path, aHero());

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.contentType()).isEqualTo(JSON);
        assertThat(created.json()).isEqualTo(publicHero(created.id(), "Deadpond", 30));
        assertThat(created.location()).isEqualTo("/heroes/" + created.id());
        assertThat(HEROES.current().get(created.id()).secretName()).isEqualTo(SECRET);
    }

    @Test
    void givenNoAge_whenCreate_thenAgeIsPresentAsNull() {
        Answer created = post("/heroes/", aHero().without("age"));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("\"age\":null");
        assertThat(created.json()).isEqualTo(publicHero(created.id(), "Deadpond", null));
    }

    @Test
    void givenAnIdAndUnknownFieldsInTheBody_whenCreate_thenTheyAreIgnored() {
        long existing = post("/heroes/", aHero().name("Rusty-Man")).id();

        Answer created = post("/heroes/", aHero().raw("id", String.valueOf(existing)).raw("power", "\"water\""));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.id()).isNotEqualTo(existing);
        assertThat(get("/heroes/" + existing).json().get("name").asText()).isEqualTo("Rusty-Man");
        assertThat(created.body()).doesNotContain("power");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            12.0  | 12
            1e3   | 1000
            0     | 0
            2147483647 | 2147483647
            -0.0  | 0
            """)
    void givenAnIntegralNumberForAge_whenCreate_thenItIsTakenAsAnInteger(String age, int expected) {
        Answer created = post("/heroes/", aHero().raw("age", age));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("age").asInt()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "12"          | int_type           | Input should be a valid integer
            true          | int_type           | Input should be a valid integer
            {}            | int_type           | Input should be a valid integer
            []            | int_type           | Input should be a valid integer
            12.5          | int_from_float     | Input should be a valid integer, got a number with a fractional part
            1e-400        | int_from_float     | Input should be a valid integer, got a number with a fractional part
            2147483648    | less_than_equal    | Input should be less than or equal to 2147483647
            1e400         | less_than_equal    | Input should be less than or equal to 2147483647
            123456789012345678901234567890 | less_than_equal | Input should be less than or equal to 2147483647
            -1            | greater_than_equal | Input should be greater than or equal to 0
            -123456789012345678901234567890 | greater_than_equal | Input should be greater than or equal to 0
            """)
    void givenAnAgeThatIsNotAnIntegerInRange_whenCreate_thenUnprocessable(String age, String type, String msg) {
        Answer rejected = post("/heroes/", aHero().raw("age", age));

        assertUnprocessable(rejected, problem(type, msg, "body", "age"));
        assertThat(HEROES.current().list(new PageRequest(0, 100))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "true", "{}", "[]", "null", "[\"Deadpond\"]"})
    void givenANameThatIsNotAString_whenCreate_thenStringType(String name) {
        Answer rejected = post("/heroes/", aHero().raw("name", name));

        assertUnprocessable(rejected, problem("string_type", "Input should be a valid string", "body", "name"));
    }

    @Test
    void givenNoNameAndNoSecretName_whenCreate_thenBothAreMissing() {
        Answer rejected = post("/heroes/", anEmptyBody().age(30));

        assertUnprocessable(rejected,
                problem("missing", "Field required", "body", "name"),
                problem("missing", "Field required", "body", "secret_name"));
    }

    @Test
    void givenSeveralBadFields_whenCreate_thenOneAnswerListsThemAllInFieldOrder() {
        Answer rejected = post("/heroes/", anEmptyBody().secretName("").raw("age", "\"x\"").raw("name", "5"));

        assertUnprocessable(rejected,
                problem("string_type", "Input should be a valid string", "body", "name"),
                problem("int_type", "Input should be a valid integer", "body", "age"),
                problem("string_too_short", "String should have at least 1 character", "body", "secret_name"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            name        | ''      | string_too_short
            name        | '   '   | string_pattern_mismatch
            secret_name | '\t'    | string_pattern_mismatch
            """)
    void givenTextBreakingTheDomainRules_whenCreate_thenTheRuleIsReportedUnderItsWireName(String field, String value, String type) {
        Answer rejected = post("/heroes/", aHero().raw(field, Answer.JSON.valueToTree(value).toString()));

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.problems()).singleElement()
                .satisfies(p -> assertThat(p.get("type").asText()).isEqualTo(type))
                .satisfies(p -> assertThat(p.get("loc")).isEqualTo(Answer.JSON.valueToTree(List.of("body", field))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "secret_name"})
    void givenTextWithALoneSurrogateEscape_whenCreate_thenNotUnicodeAndNothingStored(String field) {
        // JSON allows "\ud800", which is no Unicode text: the drivers would have stored "?" in its place
        Answer rejected = post("/heroes/", aHero().raw(field, "\"Dead\\ud800pond\""));

        assertUnprocessable(rejected, problem("string_unicode",
                "Input should be a valid string, unable to parse raw data as a unicode string", "body", field));
        assertThat(HEROES.current().list(new PageRequest(0, 100))).isEmpty();
    }

    @Test
    void givenASecretNameTooLongOrWithNul_whenCreate_thenTheAnswerNeverEchoesIt() {
        String longSecret = "Wade Winston Wilson ".repeat(13);
        String nulSecret = "Wade\u0000Wilson";

        Answer tooLong = post("/heroes/", aHero().secretName(longSecret));
        Answer withNul = post("/heroes/", aHero().secretName(nulSecret));

        assertUnprocessable(tooLong, problem("string_too_long", "String should have at most 255 characters", "body", "secret_name"));
        assertThat(tooLong.body()).doesNotContain("Wade");
        assertThat(withNul.status()).isEqualTo(422);
        assertThat(withNul.body()).doesNotContain("Wade").doesNotContain("Wilson");
    }

    // ---------------------------------------------------------------- list

    @ParameterizedTest
    @ValueSource(strings = {"/heroes/", "/heroes"})
    void givenHeroes_whenList_thenAllOfThemInIdOrder(String path) {
        long first = post("/heroes/", aHero().name("Deadpond")).id();
        long second = post("/heroes/", aHero().name("Spider-Boy").without("age")).id();

        Answer list = get(path);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.contentType()).isEqualTo(JSON);
        assertThat(list.json()).containsExactly(publicHero(first, "Deadpond", 30), publicHero(second, "Spider-Boy", null));
    }

    @Test
    void givenFiveHeroes_whenListWithOffsetAndLimit_thenThatSlice() {
        List<Long> ids = createHeroes(5);

        Answer page = get("/heroes/", "offset", "1", "limit", "2", "sort", "ignored");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().findValuesAsText("id")).containsExactly(String.valueOf(ids.get(1)), String.valueOf(ids.get(2)));
    }

    @Test
    void givenLimitZero_whenList_thenEmptyArray() {
        createHeroes(2);

        assertThat(get("/heroes/", "limit", "0").body()).isEqualTo("[]");
    }

    @Test
    void givenAnOffsetPastTheEnd_whenList_thenEmptyArray() {
        createHeroes(2);

        assertThat(get("/heroes/", "offset", "2").body()).isEqualTo("[]");
        assertThat(get("/heroes/", "offset", MAX_LONG).body()).isEqualTo("[]");
    }

    @Test
    void givenNoHeroes_whenList_thenEmptyArray() {
        assertThat(get("/heroes").body()).isEqualTo("[]");
    }

    @Test
    void givenMoreThanAHundredHeroes_whenListWithoutLimit_thenTheFirstHundred() {
        createHeroes(101);

        assertThat(get("/heroes/").json()).hasSize(100);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            101                  | less_than_equal    | Input should be less than or equal to 100
            9223372036854775808  | less_than_equal    | Input should be less than or equal to 100
            1000000000000000000000000 | less_than_equal | Input should be less than or equal to 100
            -1                   | greater_than_equal | Input should be greater than or equal to 0
            -9223372036854775809 | greater_than_equal | Input should be greater than or equal to 0
            abc                  | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            1.5                  | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            1e1                  | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            0x10                 | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            1__0                 | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            ''                   | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            """)
    void givenABadLimit_whenList_thenUnprocessableQuery(String limit, String type, String msg) {
        assertUnprocessable(get("/heroes/", "limit", limit), problem(type, msg, "query", "limit"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2     | 2
            ' 2 ' | 2
            +2    | 2
            02    | 2
            2.0   | 2
            1_0   | 10
            """)
    void givenALimitPydanticWouldAccept_whenList_thenItIsReadTheSameWay(String limit, int expected) {
        createHeroes(12);

        Answer page = get("/heroes/", "limit", limit);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json()).hasSize(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            -1                  | greater_than_equal | Input should be greater than or equal to 0
            abc                 | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            9223372036854775808 | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            -9223372036854775809 | int_parsing       | Input should be a valid integer, unable to parse string as an integer
            """)
    void givenABadOffset_whenList_thenUnprocessableQuery(String offset, String type, String msg) {
        assertUnprocessable(get("/heroes/", "offset", offset), problem(type, msg, "query", "offset"));
    }

    @Test
    void givenABadOffsetAndABadLimit_whenList_thenBothInOneAnswer() {
        assertUnprocessable(get("/heroes/", "offset", "x", "limit", "101"),
                problem("int_parsing", NOT_AN_INT, "query", "offset"),
                problem("less_than_equal", "Input should be less than or equal to 100", "query", "limit"));
    }

    // ---------------------------------------------------------------- read

    @ParameterizedTest
    @ValueSource(strings = {"", "/"})
    void givenAHero_whenRead_thenThePublicHero(String trailingSlash) {
        long id = post("/heroes/", aHero()).id();

        Answer read = get("/heroes/" + id + trailingSlash);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).isEqualTo(JSON);
        assertThat(read.json()).isEqualTo(publicHero(id, "Deadpond", 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "2", MAX_LONG, "-9223372036854775808"})
    void givenNoHeroWithThatId_whenReadUpdateOrDelete_thenHeroNotFound(String id) {
        post("/heroes/", aHero());
        String path = "/heroes/" + id;

        assertError(get(path), 404, detail("Hero not found"));
        assertError(patch(path, anEmptyBody().name("Nobody")), 404, detail("Hero not found"));
        assertError(delete(path), 404, detail("Hero not found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {MAX_LONG_PLUS_ONE, "-9223372036854775809", "abc", "1.5", "1e3", "0x10", "1__0", "_1", "1_"})
    void givenAnIdThatIsNotA64BitInteger_whenReadUpdateOrDelete_thenUnprocessablePath(String id) {
        JsonNode badId = problem("int_parsing", NOT_AN_INT, "path", "hero_id");

        assertUnprocessable(get("/heroes/" + id), badId);
        assertUnprocessable(patch("/heroes/" + id, anEmptyBody()), badId);
        assertUnprocessable(delete("/heroes/" + id), badId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "01", "+1", "1."})
    void givenAnIdPydanticWouldAccept_whenRead_thenItIsReadTheSameWay(String id) {
        long created = post("/heroes/", aHero()).id();

        assertThat(get("/heroes/" + id).json()).isEqualTo(publicHero(created, "Deadpond", 30));
    }

    // ---------------------------------------------------------------- update

    @ParameterizedTest
    @ValueSource(strings = {"", "/"})
    void givenAHero_whenPatchTheName_thenOnlyTheNameChanges(String trailingSlash) {
        long id = post("/heroes/", aHero()).id();

        Answer patched = patch("/heroes/" + id + trailingSlash, anEmptyBody().name("Deadpool"));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json()).isEqualTo(publicHero(id, "Deadpool", 30));
        assertThat(HEROES.current().get(id).secretName()).isEqualTo(SECRET);
    }

    @Test
    void givenAHeroWithAnAge_whenPatchAgeNull_thenTheAgeIsCleared() {
        long id = post("/heroes/", aHero()).id();

        Answer patched = patch("/heroes/" + id, anEmptyBody().raw("age", "null"));

        assertThat(patched.json()).isEqualTo(publicHero(id, "Deadpond", null));
    }

    @Test
    void givenAHero_whenPatchAnEmptyObject_thenNothingChangesAndTheHeroIsReturned() {
        long id = post("/heroes/", aHero()).id();
        Hero before = HEROES.current().get(id);

        Answer patched = patch("/heroes/" + id, anEmptyBody());

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json()).isEqualTo(publicHero(id, "Deadpond", 30));
        assertThat(HEROES.current().get(id)).isEqualTo(before);
    }

    @Test
    void givenAHero_whenPatchTheSecretName_thenItIsStoredButNeverShown() {
        long id = post("/heroes/", aHero()).id();

        Answer patched = patch("/heroes/" + id, anEmptyBody().secretName("Wade Wilson").raw("id", "999"));

        assertThat(patched.json()).isEqualTo(publicHero(id, "Deadpond", 30));
        assertThat(patched.body()).doesNotContain("Wade");
        assertThat(HEROES.current().get(id).secretName()).isEqualTo("Wade Wilson");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "secret_name"})
    void givenATextFieldSetToNull_whenPatch_thenUnprocessableAndTheHeroIsUnchanged(String field) {
        long id = post("/heroes/", aHero()).id();
        Hero before = HEROES.current().get(id);

        Answer rejected = patch("/heroes/" + id, anEmptyBody().age(31).raw(field, "null"));

        assertUnprocessable(rejected, problem("string_type", "Input should be a valid string", "body", field));
        assertThat(HEROES.current().get(id)).isEqualTo(before);
    }

    @Test
    void givenOneBadFieldAmongGoodOnes_whenPatch_thenNothingChanges() {
        long id = post("/heroes/", aHero()).id();
        Hero before = HEROES.current().get(id);

        Answer rejected = patch("/heroes/" + id, anEmptyBody().name("Deadpool").secretName("Wade").raw("age", "-1"));

        assertUnprocessable(rejected, problem("greater_than_equal", "Input should be greater than or equal to 0", "body", "age"));
        assertThat(HEROES.current().get(id)).isEqualTo(before);
    }

    @Test
    void givenAnInvalidBody_whenPatchAMissingHero_thenTheBodyIsJudgedFirst() {
        assertUnprocessable(patch("/heroes/42", anEmptyBody().raw("age", "\"old\"")),
                problem("int_type", "Input should be a valid integer", "body", "age"));
    }

    @Test
    void givenABadIdAndABadField_whenPatch_thenBothInOneAnswerPathFirst() {
        assertUnprocessable(patch("/heroes/abc", anEmptyBody().raw("name", "1")),
                problem("int_parsing", NOT_AN_INT, "path", "hero_id"),
                problem("string_type", "Input should be a valid string", "body", "name"));
    }

    @Test
    void givenAMergePatchMediaType_whenPatch_thenItIsReadAsJson() {
        long id = post("/heroes/", aHero()).id();

        Answer patched = send(Method.PATCH, "/heroes/" + id, "application/merge-patch+json", anEmptyBody().age(31).json());

        assertThat(patched.json()).isEqualTo(publicHero(id, "Deadpond", 31));
    }

    // ---------------------------------------------------------------- delete

    @ParameterizedTest
    @ValueSource(strings = {"", "/"})
    void givenAHero_whenDelete_thenOkAndItIsGone(String trailingSlash) {
        long id = post("/heroes/", aHero()).id();

        Answer deleted = delete("/heroes/" + id + trailingSlash);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.contentType()).isEqualTo(JSON);
        assertThat(deleted.json()).isEqualTo(Answer.JSON.createObjectNode().put("ok", true));
        assertError(get("/heroes/" + id), 404, detail("Hero not found"));
        assertError(delete("/heroes/" + id), 404, detail("Hero not found"));
    }

    // ---------------------------------------------------------------- the secret name

    @Test
    void givenAHeroWithASecretName_whenEveryOperationRuns_thenNoAnswerContainsIt() {
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

    // ---------------------------------------------------------------- malformed bodies

    @Test
    void givenMalformedJson_whenCreate_thenJsonInvalidAtTheOffendingPosition() {
        Answer rejected = post("/heroes/", "{\"name\": Dive Wilson}");

        assertUnprocessable(rejected, problem("json_invalid", "JSON decode error", "body", 9));
        assertThat(rejected.ctx()).hasValueSatisfying(ctx -> assertThat(ctx.get("error").asText()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"Deadpond\"", "{\"name\":", "{", "[", "{\"name\": \"Dead", "{} {}", "{\"age\": NaN}",
            "{'name': 'Deadpond'}", "   ", "{\"age\": 1e99999999999}"})
    void givenTextThatIsNotOneJsonValue_whenCreate_thenJsonInvalid(String body) {
        Answer rejected = post("/heroes/", body);

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.get("type").asText()).isEqualTo("json_invalid");
            assertThat(problem.get("msg").asText()).isEqualTo("JSON decode error");
            assertThat(problem.get("loc").get(0).asText()).isEqualTo("body");
            assertThat(problem.get("loc").get(1).isInt()).isTrue();
        });
    }

    @Test
    void givenTenThousandNestedArrays_whenCreate_thenJsonInvalidNotACrash() {
        Answer rejected = post("/heroes/", "[".repeat(10_000) + "]".repeat(10_000));

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.problems()).singleElement().satisfies(p -> assertThat(p.get("type").asText()).isEqualTo("json_invalid"));
    }

    @Test
    void givenBytesThatAreNotUtf8_whenCreate_thenJsonInvalid() {
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        Answer rejected = sendBytes(Method.POST, "/heroes/", JSON, body);

        assertUnprocessable(rejected, problem("json_invalid", "JSON decode error", "body", 9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"x\"", "12", "true", "[{\"name\": \"Deadpond\", \"secret_name\": \"Dive Wilson\"}]"})
    void givenAJsonValueThatIsNotAnObject_whenCreateOrPatch_thenModelAttributesType(String body) {
        long id = post("/heroes/", aHero()).id();
        JsonNode notAnObject = problem("model_attributes_type", "Input should be a valid dictionary or object to extract fields from", "body");

        assertUnprocessable(post("/heroes/", body), notAnObject);
        assertUnprocessable(patch("/heroes/" + id, body), notAnObject);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null"})
    void givenNoBodyOrANullBody_whenCreateOrPatch_thenTheBodyIsMissing(String body) {
        long id = post("/heroes/", aHero()).id();
        JsonNode missing = problem("missing", "Field required", "body");

        assertUnprocessable(post("/heroes/", body), missing);
        assertUnprocessable(patch("/heroes/" + id, body), missing);
        assertUnprocessable(sendBytes(Method.POST, "/heroes/", JSON, null), missing);
    }

    // ---------------------------------------------------------------- media types and sizes

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"})
    void givenABodyThatIsNotDeclaredAsJson_whenCreateOrPatch_thenUnsupportedMediaType(String contentType) {
        long id = post("/heroes/", aHero()).id();

        assertError(send(Method.POST, "/heroes/", contentType, aHero().json()), 415, detail("Unsupported Media Type"));
        assertError(send(Method.PATCH, "/heroes/" + id, contentType, anEmptyBody().age(1).json()), 415, detail("Unsupported Media Type"));
        assertThat(HEROES.current().get(id).age()).isEqualTo(30);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf-8", "Application/JSON", "application/vnd.hero+json"})
    void givenAJsonMediaTypeWithParametersOrASuffix_whenCreate_thenOk(String contentType) {
        assertThat(send(Method.POST, "/heroes/", contentType, aHero().json()).status()).isEqualTo(200);
    }

    @Test
    void givenNoContentType_whenCreate_thenTheBodyIsReadAsJson() {
        Answer created = send(Method.POST, "/heroes/", null, aHero().json());

        assertThat(created.status()).isEqualTo(200);
    }

    @Test
    void givenATwoMegabyteBody_whenCreate_thenPayloadTooLargeAndNothingStored() {
        byte[] body = aHero().raw("padding", "\"" + "x".repeat(2 * 1024 * 1024) + "\"").json().getBytes(StandardCharsets.UTF_8);

        // declared up front and sent only after "100 Continue", as curl does for a large body, so the server refuses
        // it unread, whether it checks the length itself (in-process) or the routing's limit does
        Answer rejected = Answer.of(client.post("/heroes/")
                .header(HeaderNames.CONTENT_TYPE, JSON)
                .header(HeaderNames.CONTENT_LENGTH, String.valueOf(body.length))
                .sendExpectContinue(true)
                .outputStream(out -> {
                    out.write(body);
                    out.close();
                }));

        assertError(rejected, 413, detail("Request Entity Too Large"));
        assertThat(rejected.connection()).isEqualTo("close");
        assertThat(HEROES.current().list(new PageRequest(0, 100))).isEmpty();
    }

    @Test
    void givenAChunkedBodyJustOverTheLimit_whenCreate_thenPayloadTooLarge() {
        byte[] start = "{\"name\": \"Deadpond\", \"secret_name\": \"Dive Wilson\", \"padding\": \"".getBytes(StandardCharsets.UTF_8);
        byte[] padding = new byte[(int) LIMITS.maxBodyBytes() - start.length];
        Arrays.fill(padding, (byte) 'x');

        Answer rejected = Answer.of(client.post("/heroes/")
                .header(HeaderNames.CONTENT_TYPE, JSON)
                .outputStream(out -> {
                    out.write(start);
                    out.write(padding);
                    out.write("\"}".getBytes(StandardCharsets.UTF_8));
                    out.close();
                }));

        assertError(rejected, 413, detail("Request Entity Too Large"));
        assertThat(HEROES.current().list(new PageRequest(0, 100))).isEmpty();
    }

    @Test
    void givenAChunkedBodyWithinTheLimit_whenCreate_thenOk() {
        Answer created = Answer.of(client.post("/heroes/")
                .header(HeaderNames.CONTENT_TYPE, JSON)
                .outputStream(out -> {
                    out.write(aHero().json().getBytes(StandardCharsets.UTF_8));
                    out.close();
                }));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("name").asText()).isEqualTo("Deadpond");
    }

    // ---------------------------------------------------------------- unknown paths and wrong methods

    @ParameterizedTest
    @ValueSource(strings = {"/", "/hero", "/heroesx", "/heroes/1/powers", "/heroes/1/2", "/docs/x"})
    void givenAnUnknownPath_whenGet_thenNotFoundAsJson(String path) {
        assertError(get(path), 404, detail("Not Found"));
    }

    @Test
    void givenAnUnknownPath_whenPost_thenNotFoundAsJson() {
        assertError(post("/villains/", aHero()), 404, detail("Not Found"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            PUT     | /heroes/    | GET, POST
            DELETE  | /heroes     | GET, POST
            PATCH   | /heroes/    | GET, POST
            OPTIONS | /heroes/    | GET, POST
            POST    | /heroes/1   | GET, PATCH, DELETE
            PUT     | /heroes/1/  | GET, PATCH, DELETE
            PUT     | /heroes/abc | GET, PATCH, DELETE
            TRACE   | /heroes/1   | GET, PATCH, DELETE
            """)
    void givenAKnownPath_whenAnotherMethod_thenMethodNotAllowedWithAllow(String method, String path, String allow) {
        Answer rejected = send(Method.create(method), path, JSON, aHero().json());

        assertError(rejected, 405, detail("Method Not Allowed"));
        assertThat(rejected.allow()).isEqualTo(allow);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /heroes/   | GET, POST
            /heroes/1  | GET, PATCH, DELETE
            """)
    void givenAKnownPath_whenHead_thenMethodNotAllowedWithoutContent(String path, String allow) {
        Answer rejected = sendBytes(Method.HEAD, path, null, null);

        assertThat(rejected.status()).isEqualTo(405);
        assertThat(rejected.allow()).isEqualTo(allow);
        assertThat(rejected.body()).isEmpty();
    }

    // ---------------------------------------------------------------- faults

    @Test
    void givenAFaultInTheStore_whenList_thenInternalServerErrorWithTheDetailsOnlyInTheLog() {
        HEROES.use(new FailingHeroes(() -> new IllegalStateException("connection to db-7 refused, password=hunter2")));
        List<LogRecord> logged = new ArrayList<>();

        Answer failed = whileCapturingLog(logged, () -> get("/heroes/"));

        assertError(failed, 500, detail("Internal Server Error"));
        assertThat(failed.body()).doesNotContain("hunter2").doesNotContain("IllegalStateException").doesNotContain("at dev.");
        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getThrown()).hasMessageContaining("db-7");
            assertThat(record.getMessage()).contains("GET /heroes/");
        });
    }

    @Test
    void givenTheStoreIsUnavailable_whenAnyOperation_thenServiceUnavailableWithRetryAfterAndNoInternals() {
        HEROES.use(new FailingHeroes(() -> new HeroesUnavailableException("The database is unavailable: db-7 refused, password=hunter2", null)));

        for (Answer answer : List.of(get("/heroes/"), get("/heroes/1"), delete("/heroes/1"),
                post("/heroes/", "{\"name\":\"Deadpond\",\"secret_name\":\"Dive Wilson\"}"),
                patch("/heroes/1", "{\"age\":3}"))) {
            assertError(answer, 503, detail("Service Unavailable"));
            assertThat(answer.retryAfter()).as("Retry-After of %s", answer).isEqualTo("1");
            assertThat(answer.body()).doesNotContain("hunter2").doesNotContain("db-7");
        }
    }

    @Test
    void givenAnErrorNotAnException_whenRead_thenStillAJsonInternalServerErrorAndALogLine() {
        HEROES.use(new FailingHeroes(() -> new NoClassDefFoundError("com/example/Missing")));
        List<LogRecord> logged = new ArrayList<>();

        Answer failed = whileCapturingLog(logged, () -> get("/heroes/1"));

        assertError(failed, 500, detail("Internal Server Error"));
        assertThat(failed.body()).doesNotContain("Missing");
        assertThat(logged).singleElement().satisfies(record -> assertThat(record.getThrown()).isInstanceOf(NoClassDefFoundError.class));
    }

    @Test
    void givenUseCasesThatRejectACommandThemselves_whenList_thenUnprocessableWithTheirViolationsInTheQuery() {
        // a store may validate too (a smaller page, say); its violations are located like the web adapter's own
        HEROES.use(new FailingHeroes(() -> new InvalidInputException(PageRequest.class,
                List.of(new Violation("limit", "less_than_equal", "Input should be less than or equal to 50")))));

        assertUnprocessable(get("/heroes/", "limit", "60"),
                problem("less_than_equal", "Input should be less than or equal to 50", "query", "limit"));
    }

    // ---------------------------------------------------------------- helpers

    /** Every error answer is JSON with a {@code detail}; this one is exactly {@code expected}. */
    static void assertError(Answer answer, int status, JsonNode expected) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
        assertThat(answer.contentType()).as("content type of %s", answer).isEqualTo(JSON);
        assertThat(answer.json()).as("body").isEqualTo(expected);
    }

    static void assertUnprocessable(Answer answer, JsonNode... problems) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(422);
        assertThat(answer.contentType()).isEqualTo(JSON);
        assertThat(answer.problems()).containsExactly(problems);
    }

    List<Long> createHeroes(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(post("/heroes/", aHero().name("Hero " + i)).id());
        }
        return ids;
    }

    Answer get(String path, String... queryNamesAndValues) {
        Http1ClientRequest request = client.get(path);
        for (int i = 0; i < queryNamesAndValues.length; i += 2) {
            request.queryParam(queryNamesAndValues[i], queryNamesAndValues[i + 1]);
        }
        return OpenApiCheck.checked(Method.GET, path, Answer.of(request.request()));
    }

    Answer post(String path, HeroBody body) {
        return post(path, body.json());
    }

    Answer post(String path, String json) {
        return send(Method.POST, path, JSON, json);
    }

    Answer patch(String path, HeroBody body) {
        return patch(path, body.json());
    }

    Answer patch(String path, String json) {
        return send(Method.PATCH, path, JSON, json);
    }

    Answer delete(String path) {
        return sendBytes(Method.DELETE, path, null, null);
    }

    Answer send(Method method, String path, String contentType, String body) {
        return sendBytes(method, path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the body as is; none at all when {@code null}. */
    Answer sendBytes(Method method, String path, String contentType, byte[] body) {
        Http1ClientRequest request = client.method(method).path(path);
        if (contentType != null) {
            request.header(HeaderNames.CONTENT_TYPE, contentType);
        }
        return OpenApiCheck.checked(method, path, Answer.of(body == null ? request.request() : request.submit(body)));
    }

    Http1Client client() {
        return client;
    }

    private static Answer whileCapturingLog(List<LogRecord> records, Supplier<Answer> action) {
        Logger logger = Logger.getLogger(ErrorMapper.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
        try {
            return action.get();
        } finally {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(true);
        }
    }

    /** Use cases that fail every call with the given exception, as a broken store would. */
    private record FailingHeroes(Supplier<? extends Throwable> failure) implements HeroUseCases {

        private RuntimeException fail() {
            Throwable thrown = failure.get();
            if (thrown instanceof Error error) {
                throw error;
            }
            return (RuntimeException) thrown;
        }

        @Override
        public Hero create(NewHero hero) {
            throw fail();
        }

        @Override
        public List<Hero> list(PageRequest page) {
            throw fail();
        }

        @Override
        public Hero get(long id) {
            throw fail();
        }

        @Override
        public Hero update(long id, HeroChanges changes) {
            throw fail();
        }

        @Override
        public void delete(long id) {
            throw fail();
        }
    }
}
