package dev.hero.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** Client helpers for the reliability tests: java.net.http for polite requests, raw sockets for rude ones. */
final class Wire {

    static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {
    }

    /** A status (-1 when the server closed the connection without answering), headers and body. */
    record Answer(int status, String headers, String body) {

        boolean isJsonWithDetail() {
            try {
                JsonNode node = JSON.readTree(body);
                return node != null && node.has("detail");
            } catch (IOException e) {
                return false;
            }
        }
    }

    static Answer send(HttpClient client, int port, String method, String pathAndQuery, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().map().toString(), response.body());
    }

    /** Writes raw bytes, reads until the server closes or a complete answer arrived. */
    static Answer raw(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (SocketException closedWhileSending) {
                // the server may answer and close before reading everything: read what it said
            }
            return parse(read(socket.getInputStream()));
        }
    }

    private static String read(InputStream in) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.write(buffer, 0, n);
                if (complete(received.toString(StandardCharsets.UTF_8))) {
                    break;
                }
            }
        } catch (SocketTimeoutException | SocketException stopped) {
            // what arrived is the answer
        } catch (IOException e) {
            // same
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private static boolean complete(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = response.substring(0, end).toLowerCase(Locale.ROOT);
        int at = head.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int eol = head.indexOf("\r\n", at);
        long length = Long.parseLong(head.substring(at + 15, eol < 0 ? head.length() : eol).trim());
        return response.getBytes(StandardCharsets.UTF_8).length - (end + 4) >= length;
    }

    private static Answer parse(String response) {
        int end = response.indexOf("\r\n\r\n");
        if (!response.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(-1, "", response);
        }
        int status = Integer.parseInt(response.substring(9, 12));
        return new Answer(status, response.substring(0, end), response.substring(end + 4));
    }
}
