package org.keytriage.web.security.internal;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Optional;
import org.keytriage.web.security.OperatorLogins;
import org.keytriage.web.security.UserAccount;

/**
 * HTTP Basic for the operators: when a request carries {@code Authorization: Basic …} with a
 * name and password of {@code keytriage.users}, it goes on as that operator (principal and roles,
 * {@code isUserInRole}, which JAX-RS's security context and the Prometheus servlet read); any
 * other request goes on as it came, anonymous. Deciding is left to the endpoints ({@link
 * RoleFilter}, answering 401/403 as JSON), as before. Only the operators' paths ({@code /api/…},
 * {@code /prometheus}) look at a Basic header at all.
 *
 * <p>This replaces Jakarta Security's Basic mechanism, which ran for every request, the {@code /v1}
 * hot path included, and looked its beans up through JNDI each time (issue 10's profile): here a
 * request without Basic credentials costs one header read.
 */
@WebFilter(filterName = "keytriage-operator-basic-auth", urlPatterns = "/*", asyncSupported = true)
public class OperatorBasicAuthFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final String BASIC = "basic ";

  @Inject transient OperatorLogins logins;

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BASIC, 0, BASIC.length()) || !forOperators(request)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Credentials> given = credentials(header.substring(BASIC.length()).trim());
    // a wrong, or throttled, name and password leave the caller anonymous: the endpoint answers 401
    Optional<UserAccount> operator = given.flatMap(
        c -> logins.attempt(c.name(), c.password(), request.getRemoteAddr(), "basic").account());
    chain.doFilter(operator.<HttpServletRequest>map(a -> new OperatorRequest(request, a)).orElse(request), response);
  }

  /**
   * Whether the path is one where an operator's login means something: the operators' API and the
   * Prometheus series. Anywhere else (the OpenAI-compatible API, health, OpenAPI, the console with
   * its own form login) a Basic header is not looked at, so it cannot make anyone pay for a PBKDF2.
   */
  static boolean forOperators(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.equals(org.keytriage.web.observability.PrometheusServlet.PATH);
  }

  private record Credentials(String name, char[] password) {}

  /** name:password from the header's base64; empty when it is not that (then the caller is anonymous). */
  private static Optional<Credentials> credentials(String encoded) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(encoded);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    CharBuffer text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(decoded));
    } catch (CharacterCodingException notUtf8) {
      return Optional.empty();
    }
    String pair = text.toString();
    int colon = pair.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.of(new Credentials(pair.substring(0, colon), pair.substring(colon + 1).toCharArray()));
  }

  /** The request as the verified operator's. */
  private static final class OperatorRequest extends HttpServletRequestWrapper {
    private final UserAccount account;
    private final Principal principal;

    OperatorRequest(HttpServletRequest request, UserAccount account) {
      super(request);
      this.account = account;
      String name = account.name();
      this.principal = () -> name;
    }

    @Override
    public Principal getUserPrincipal() {
      return principal;
    }

    @Override
    public String getRemoteUser() {
      return account.name();
    }

    @Override
    public boolean isUserInRole(String role) {
      return account.roles().contains(role);
    }

    @Override
    public String getAuthType() {
      return HttpServletRequest.BASIC_AUTH;
    }
  }
}
