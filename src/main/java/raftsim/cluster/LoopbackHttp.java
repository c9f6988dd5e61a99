package raftsim.cluster;

import java.net.http.HttpClient;
import java.time.Duration;

/** The HTTP client every cluster tool uses: HTTP/1.1 as the nodes speak it, and redirects left to the caller. */
public final class LoopbackHttp {
  /** On loopback a connection is made at once or refused; longer means the node is not there. */
  static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

  private LoopbackHttp() {}

  public static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER) // a 307 names the leader; the client decides what to do
        .connectTimeout(CONNECT_TIMEOUT)
        .build();
  }
}
