package dev.commentmoderation.notification.control;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 POST to a webhook, over a connection to the address that was checked (not to the
 * name resolved again), with TLS verified against the host's name (SNI and the certificate's name).
 * One hard deadline covers connect, TLS, writing and reading; redirects are answers like any other
 * (a 3xx is not 2xx, so it is retried and never followed). Plain sockets rather than {@code
 * java.net.http.HttpClient}, which on Java 17 cannot be told which address to connect to.
 */
public final class WebhookClient {

  /** Answer bodies are kept this long in the delivery log. */
  public static final int KEPT_ANSWER_BYTES = 1000;

  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private WebhookClient() {}

  /** The receiver's status code and the start of its body. */
  public record Answer(int status, String body) {
    public boolean delivered() {
      return status >= 200 && status < 300;
    }
  }

  public static Answer post(
      TargetAddresses.Target target, byte[] body, Map<String, String> headers, Duration timeout)
      throws IOException {
    var uri = target.uri();
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Socket raw = new Socket()) {
      raw.connect(new InetSocketAddress(target.address(), port), remainingMillis(deadline));
      raw.setSoTimeout(remainingMillis(deadline));
      Socket socket = https ? tls(raw, uri.getHost(), port, deadline) : raw;
      try (socket) {
        OutputStream out = socket.getOutputStream();
        out.write(request(uri, port, https, body.length, headers));
        out.write(body);
        out.flush();
        return read(new BufferedInputStream(socket.getInputStream()), socket, deadline);
      }
    }
  }

  private static Socket tls(Socket raw, String host, int port, long deadline) throws IOException {
    SSLSocket ssl;
    try {
      ssl =
          (SSLSocket)
              SSLContext.getDefault().getSocketFactory().createSocket(raw, host, port, true);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IOException(e);
    }
    SSLParameters parameters = ssl.getSSLParameters();
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    if (!isAddressLiteral(host)) parameters.setServerNames(List.of(new SNIHostName(host)));
    ssl.setSSLParameters(parameters);
    ssl.setSoTimeout(remainingMillis(deadline));
    ssl.startHandshake();
    return ssl;
  }

  private static boolean isAddressLiteral(String host) {
    return host.startsWith("[") || host.matches("[0-9.]+");
  }

  static byte[] request(
      java.net.URI uri, int port, boolean https, int length, Map<String, String> headers) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery();
    boolean defaultPort = port == (https ? 443 : 80);
    StringBuilder head = new StringBuilder(512);
    head.append("POST ").append(path).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(uri.getHost());
    if (!defaultPort) head.append(':').append(port);
    head.append("\r\n");
    head.append("User-Agent: comment-moderation-webhooks\r\n");
    head.append("Content-Type: application/json; charset=utf-8\r\n");
    head.append("Content-Length: ").append(length).append("\r\n");
    head.append("Connection: close\r\n");
    headers.forEach(
        (name, value) -> head.append(name).append(": ").append(headerSafe(value)).append("\r\n"));
    head.append("\r\n");
    return head.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String headerSafe(String value) {
    return value.replaceAll("[\\r\\n\\x00-\\x1f\\x7f]", "");
  }

  private static Answer read(InputStream in, Socket socket, long deadline) throws IOException {
    String statusLine = line(in, socket, deadline);
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/"))
      throw new IOException("not an HTTP answer");
    int status;
    try {
      status = Integer.parseInt(parts[1]);
    } catch (NumberFormatException e) {
      throw new IOException("not an HTTP status");
    }
    boolean chunked = false;
    int headerBytes = 0;
    for (String header = line(in, socket, deadline);
        !header.isEmpty();
        header = line(in, socket, deadline)) {
      headerBytes += header.length();
      if (headerBytes > MAX_HEADER_BYTES) throw new IOException("answer headers too long");
      String lower = header.toLowerCase(Locale.ROOT);
      if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
    }
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    try {
      while (kept.size() < KEPT_ANSWER_BYTES) {
        socket.setSoTimeout(remainingMillis(deadline));
        int b = in.read();
        if (b < 0) break;
        kept.write(b);
      }
    } catch (SocketTimeoutException slowBody) {
      // the status is what counts; a body that trickles is cut where it stood
    }
    String text = kept.toString(StandardCharsets.UTF_8);
    return new Answer(status, chunked ? "(chunked) " + text : text);
  }

  private static String line(InputStream in, Socket socket, long deadline) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      socket.setSoTimeout(remainingMillis(deadline));
      int b = in.read();
      if (b < 0) throw new IOException("connection closed before the answer was read");
      if (b == '\n') break;
      if (b != '\r') line.write(b);
      if (line.size() > MAX_HEADER_BYTES) throw new IOException("answer line too long");
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }

  private static int remainingMillis(long deadline) throws SocketTimeoutException {
    long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
    if (left <= 0) throw new SocketTimeoutException("webhook deadline passed");
    return (int) Math.min(Integer.MAX_VALUE, left);
  }
}
