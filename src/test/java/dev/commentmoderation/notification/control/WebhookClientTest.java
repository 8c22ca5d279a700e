package dev.commentmoderation.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery's HTTP exchange against a real HTTP server on loopback. */
class WebhookClientTest {

  HttpServer server;
  final AtomicReference<String> seenHost = new AtomicReference<>();
  final AtomicReference<byte[]> seenBody = new AtomicReference<>();
  final AtomicReference<String> seenSignature = new AtomicReference<>();
  final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext(
        "/ok",
        exchange -> {
          seenHost.set(exchange.getRequestHeaders().getFirst("Host"));
          seenSignature.set(exchange.getRequestHeaders().getFirst("X-Comments-Signature"));
          seenBody.set(exchange.getRequestBody().readAllBytes());
          byte[] answer = "thanks".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.createContext(
        "/moved",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext(
        "/hang",
        exchange -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  TargetAddresses.Target target(String path) {
    return new TargetAddresses.Target(
        URI.create("http://localhost:" + server.getAddress().getPort() + path + "?site=a%20b"),
        InetAddress.getLoopbackAddress());
  }

  @Test
  void postsTheExactBytesToThePinnedAddressNamingTheHost() throws IOException {
    byte[] body = "{\"text\":\"Салам\"}".getBytes(StandardCharsets.UTF_8);
    var answer =
        WebhookClient.post(
            target("/ok"),
            body,
            Map.of("X-Comments-Signature", WebhookSignature.sign("k", body)),
            Duration.ofSeconds(5));
    assertEquals(200, answer.status());
    assertTrue(answer.delivered());
    assertEquals("thanks", answer.body());
    assertEquals("localhost:" + server.getAddress().getPort(), seenHost.get());
    assertEquals(
        new String(body, StandardCharsets.UTF_8),
        new String(seenBody.get(), StandardCharsets.UTF_8));
    assertTrue(WebhookSignature.verify("k", seenBody.get(), seenSignature.get()));
  }

  @Test
  void aRedirectIsAnAnswerNotFollowed() throws IOException {
    var answer = WebhookClient.post(target("/moved"), new byte[0], Map.of(), Duration.ofSeconds(5));
    assertEquals(302, answer.status());
    assertFalse(answer.delivered());
  }

  @Test
  void aReceiverThatNeverAnswersRunsIntoTheDeadline() {
    assertThrows(
        IOException.class,
        () ->
            WebhookClient.post(
                target("/hang"),
                "{}".getBytes(StandardCharsets.UTF_8),
                Map.of(),
                Duration.ofMillis(300)));
  }

  @Test
  void headerValuesCannotSmuggleLines() {
    String head =
        new String(
            WebhookClient.request(
                URI.create("http://example.com/x"),
                80,
                false,
                2,
                Map.of("X-Comments-Event", "comment.held\r\nX-Evil: 1")),
            StandardCharsets.UTF_8);
    assertFalse(head.contains("\r\nX-Evil"), head);
    assertTrue(head.startsWith("POST /x HTTP/1.1\r\nHost: example.com\r\n"), head);
  }
}
