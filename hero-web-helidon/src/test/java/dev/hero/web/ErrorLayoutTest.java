package dev.hero.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.ServerRequestHeaders;
import io.helidon.http.WritableHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The choice of error layout from {@code Accept} beyond the table {@link ProblemDetailsSpec} sends over HTTP: header
 * fields given more than once, and values no client should send, which must never fail the error answer itself.
 */
class ErrorLayoutTest {

    @Test
    void givenAcceptInTwoHeaderFields_whenProblemDetailsAreInTheSecond_thenTheyCountLikeOneList() {
        WritableHeaders<?> headers = WritableHeaders.create();
        headers.add(HeaderNames.ACCEPT, "application/json;q=0.5");
        headers.add(HeaderNames.ACCEPT, "application/problem+json");

        assertThat(ErrorLayout.of(ServerRequestHeaders.create(headers))).isEqualTo(ErrorLayout.PROBLEM);
    }

    @Test
    void givenNoAccept_thenTheDefaultLayout() {
        assertThat(ErrorLayout.of(ServerRequestHeaders.create(WritableHeaders.create()))).isEqualTo(ErrorLayout.FASTAPI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ";", ";;", ",", " , ;q=1", "q=1", "/", "application/", "/problem+json", "application/problem+json;q",
            "application/problem+json;q=", "application/problem+json;q=NaN",
            "application/problem+json;q=-1", "application/problem+json;q=1.5", "application/problem+json;q=Infinity",
            "application/problem+json;;q=0", "\u0000", "application/problem+json\u0000"})
    void givenAnAcceptNoClientShouldSend_thenTheDefaultLayoutAndNoFailure(String accept) {
        assertThat(ErrorLayout.of(accept)).isEqualTo(ErrorLayout.FASTAPI);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/problem+json;;", "application/problem+json; q=1.0 ; level=1", ",,application/problem+json,,",
            "application/problem+json;=1",
            "application/problem+json;Q=0.001"})
    void givenAnUntidyButReadableAccept_thenProblemDetails(String accept) {
        assertThat(ErrorLayout.of(accept)).isEqualTo(ErrorLayout.PROBLEM);
    }
}
