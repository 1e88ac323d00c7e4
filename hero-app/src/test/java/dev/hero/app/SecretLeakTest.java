package dev.hero.app;

import dev.hero.web.testing.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dedicated run of Hero as a child process with a distinctive secret_name planted in every kind of request
 * (creates, patches, reads, lists, malformed JSON, 422s, oversized fields and bodies): the secret must appear
 * in no response body, no response header and no line the process logged.
 */
class SecretLeakTest {

    private static final String SECRET = "Zq7-SECRET-Xylophone-4242";

    @TempDir
    Path dir;

    @Test
    void givenAPlantedSecretName_whenEveryKindOfRequestCarriesIt_thenNoAnswerAndNoLogLineContainsIt() throws Exception {
        CrashSafetyTest.HeroProcess hero = CrashSafetyTest.HeroProcess.start(dir, dir.resolve("secret.db"), Map.of(), "secret");
        List<String> seen = new ArrayList<>();
        try {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            int port = hero.port();
            String secret = "\"secret_name\":\"" + SECRET + "\"";
            List<String[]> requests = List.of(
                    new String[]{"POST", "/heroes/", "{\"name\":\"Spy\"," + secret + ",\"age\":40}"},
                    new String[]{"POST", "/heroes/", "{\"name\":\"Spy\"," + secret + ",\"age\":\"old\"}"},
                    new String[]{"POST", "/heroes/", "{\"name\":1," + secret + "}"},
                    new String[]{"POST", "/heroes/", "{\"name\":\"Spy\",\"secret_name\":\"" + SECRET + "\u0000\"}"},
                    new String[]{"POST", "/heroes/", "{\"name\":\"Spy\",\"secret_name\":\"" + SECRET.repeat(2000) + "\"}"},
                    new String[]{"POST", "/heroes/", "{\"name\":\"Spy\"," + secret},
                    new String[]{"POST", "/heroes/", "{\"secret_name\":" + "9".repeat(500) + ",\"x\":\"" + SECRET + "\"}"},
                    new String[]{"POST", "/heroes/", "{\"name\":\"Spy\"," + secret + ",\"pad\":\"" + "p".repeat(1_100_000) + "\"}"},
                    new String[]{"PATCH", "/heroes/1", "{" + secret + "}"},
                    new String[]{"PATCH", "/heroes/1", "{" + secret + ",\"age\":-1}"},
                    new String[]{"PATCH", "/heroes/1", "{" + secret + ",\"name\":null}"},
                    new String[]{"PATCH", "/heroes/999", "{" + secret + "}"},
                    new String[]{"PATCH", "/heroes/abc", "{" + secret + "}"},
                    new String[]{"PUT", "/heroes/1", "{" + secret + "}"},
                    new String[]{"GET", "/heroes/1", null},
                    new String[]{"GET", "/heroes/?offset=0&limit=100", null},
                    new String[]{"GET", "/heroes/?limit=" + SECRET.replace("-", ""), null},
                    new String[]{"GET", "/" + SECRET, null},
                    new String[]{"DELETE", "/heroes/1", null});
            for (String[] request : requests) {
                byte[] body = request[2] == null ? null : request[2].getBytes(StandardCharsets.UTF_8);
                try {
                    Wire.Answer answer = Wire.send(client, port, request[0], request[1], "application/json", body);
                    seen.add(answer.status() + " " + answer.headers() + " " + answer.body());
                } catch (java.io.IOException cutOff) {
                    seen.add("connection closed");
                }
            }
            seen.add(new String(Wire.raw(port, ("GET /heroes/ HTTP/1.1\r\nHost: x\r\nX-Secret: " + SECRET + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1)).body()));
            // the access log is flushed every 200 ms: let it reach the file before the process is killed
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!Files.readString(hero.log()).contains("dev.hero.access - DELETE /heroes/1 200") && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            hero.kill();
        }
        String log = Files.readString(hero.log());
        assertThat(String.join("\n", seen)).as("responses").doesNotContain(SECRET).doesNotContain(SECRET.replace("-", ""));
        assertThat(log).as("log of the Hero process").contains("Hero listening")
                .contains("dev.hero.access - GET other 404").contains("dev.hero.access - DELETE /heroes/1 200")
                .doesNotContain(SECRET);
    }
}
