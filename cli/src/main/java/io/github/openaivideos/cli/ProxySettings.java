package io.github.openaivideos.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import okhttp3.Authenticator;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.jspecify.annotations.Nullable;

/**
 * The proxies the environment names, as curl and Go's net/http read them: {@code HTTPS_PROXY} for
 * https requests, {@code HTTP_PROXY} for http ones (each also in lower case), and {@code NO_PROXY}
 * for the hosts reached directly: a comma-separated list of host names, domain suffixes (with or
 * without a leading dot: {@code example.com} matches it and its subdomains, {@code .example.com}
 * only the subdomains), IP addresses, any of them with {@code :port}, or {@code *} for all.
 * Loopback hosts are never proxied. Credentials in a proxy URL ({@code
 * http://user:pass@proxy:3128}) are sent in {@code Proxy-Authorization} when the proxy asks, and
 * are never printed.
 */
final class ProxySettings {
  /** One proxy from a URL, with its credentials if it has any. */
  record ProxyUrl(Proxy proxy, @Nullable String user, @Nullable String password) {
    /** The proxy alone: the credentials never reach a log line or a message. */
    @Override
    public String toString() {
      return "ProxyUrl[" + proxy + (user == null ? "" : ", credentials [REDACTED]") + "]";
    }
  }

  private final @Nullable ProxyUrl http;
  private final @Nullable ProxyUrl https;
  private final List<String> noProxy;

  ProxySettings(@Nullable ProxyUrl http, @Nullable ProxyUrl https, List<String> noProxy) {
    this.http = http;
    this.https = https;
    this.noProxy = List.copyOf(noProxy);
  }

  /**
   * The settings of an environment ({@code env} returns null for an unset or blank variable).
   *
   * @throws ConfigurationException if a proxy variable is not a URL
   */
  static ProxySettings fromEnv(Function<String, @Nullable String> env) {
    return new ProxySettings(
        parse("HTTP_PROXY", first(env, "HTTP_PROXY", "http_proxy")),
        parse("HTTPS_PROXY", first(env, "HTTPS_PROXY", "https_proxy")),
        noProxyList(first(env, "NO_PROXY", "no_proxy")));
  }

  private static @Nullable String first(
      Function<String, @Nullable String> env, String upper, String lower) {
    String value = env.apply(upper);
    return value != null ? value : env.apply(lower);
  }

  static List<String> noProxyList(@Nullable String value) {
    List<String> entries = new ArrayList<>();
    if (value != null) {
      for (String entry : value.split(",", -1)) {
        String trimmed = entry.trim().toLowerCase(Locale.ROOT);
        if (!trimmed.isEmpty()) {
          entries.add(trimmed);
        }
      }
    }
    return entries;
  }

  /** A proxy URL ({@code http://user:pass@host:port}, the scheme optional). */
  static @Nullable ProxyUrl parse(String variable, @Nullable String value) {
    if (value == null) {
      return null;
    }
    String text = value.contains("://") ? value : "http://" + value;
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new ConfigurationException(variable + " is not a proxy URL");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (host == null) {
      throw new ConfigurationException(variable + " is not a proxy URL (no host)");
    }
    boolean socks = scheme.startsWith("socks");
    int port =
        uri.getPort() != -1 ? uri.getPort() : socks ? 1080 : scheme.equals("https") ? 443 : 80;
    Proxy proxy =
        new Proxy(
            socks ? Proxy.Type.SOCKS : Proxy.Type.HTTP,
            InetSocketAddress.createUnresolved(host, port));
    String userInfo = uri.getRawUserInfo();
    if (userInfo == null) {
      return new ProxyUrl(proxy, null, null);
    }
    int colon = userInfo.indexOf(':');
    String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
    String password = colon < 0 ? "" : userInfo.substring(colon + 1);
    return new ProxyUrl(proxy, decode(user), decode(password));
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** Whether a request to this host and port goes around the proxy. */
  boolean isDirect(String host, int port) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (isLoopback(h)) {
      return true;
    }
    for (String entry : noProxy) {
      if (entry.equals("*")) {
        return true;
      }
      String name = entry;
      int entryPort = -1;
      int colon = entry.lastIndexOf(':');
      if (colon > 0 && entry.indexOf(':') == colon && !entry.startsWith("[")) {
        try {
          entryPort = Integer.parseInt(entry.substring(colon + 1));
          name = entry.substring(0, colon);
        } catch (NumberFormatException e) {
          continue;
        }
      } else if (entry.startsWith("[") && entry.contains("]")) {
        int close = entry.indexOf(']');
        name = entry.substring(1, close);
        if (entry.length() > close + 2 && entry.charAt(close + 1) == ':') {
          try {
            entryPort = Integer.parseInt(entry.substring(close + 2));
          } catch (NumberFormatException e) {
            continue;
          }
        }
      }
      if (entryPort != -1 && entryPort != port) {
        continue;
      }
      if (name.startsWith(".")) {
        if (h.endsWith(name)) {
          return true;
        }
      } else if (h.equals(name) || h.endsWith("." + name)) {
        return true;
      }
    }
    return false;
  }

  /** localhost, 127.0.0.0/8 and ::1, known without a DNS lookup. */
  static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.endsWith(".localhost")
        || host.matches("127(\\.[0-9]{1,3}){3}")
        || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1");
  }

  /** The proxy for a request, or none. */
  List<Proxy> select(URI uri) {
    String host = uri.getHost();
    ProxyUrl proxy = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
    if (host == null || proxy == null) {
      return List.of(Proxy.NO_PROXY);
    }
    int port =
        uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    return isDirect(host, port) ? List.of(Proxy.NO_PROXY) : List.of(proxy.proxy());
  }

  /** The settings as a {@link ProxySelector}. */
  ProxySelector selector() {
    return new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        return ProxySettings.this.select(uri);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress address, IOException e) {
        // Nothing to remember: there is one proxy per scheme.
      }
    };
  }

  /** Answers a proxy's 407 with the credentials of its URL, once. */
  Authenticator authenticator() {
    return (Route route, Response response) -> {
      Request request = response.request();
      if (request.header("Proxy-Authorization") != null) {
        return null; // the credentials were refused: do not loop
      }
      ProxyUrl proxy = route == null ? null : find(route.proxy());
      String user = proxy == null ? null : proxy.user();
      if (proxy == null || user == null) {
        return null;
      }
      String password = proxy.password();
      return request
          .newBuilder()
          .header("Proxy-Authorization", Credentials.basic(user, password == null ? "" : password))
          .build();
    };
  }

  private @Nullable ProxyUrl find(Proxy used) {
    for (ProxyUrl candidate : new ProxyUrl[] {https, http}) {
      if (candidate != null && sameAddress(candidate.proxy().address(), used.address())) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean sameAddress(@Nullable SocketAddress a, @Nullable SocketAddress b) {
    if (a instanceof InetSocketAddress x && b instanceof InetSocketAddress y) {
      return x.getHostString().equalsIgnoreCase(y.getHostString()) && x.getPort() == y.getPort();
    }
    return false;
  }
}
