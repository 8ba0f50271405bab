package org.keytriage.web.observability;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.keytriage.core.metrics.PrometheusText;
import org.keytriage.web.errors.ErrorResponses;
import org.keytriage.web.json.JsonText;
import org.keytriage.web.security.Roles;

/**
 * {@code GET /prometheus}: KeyTriage's series for a Prometheus scrape, for operators (role {@value
 * Roles#OPS} or {@value Roles#ADMIN}, HTTP Basic, as for the ops API). Not {@code /metrics}, which
 * the server's own MicroProfile Metrics endpoint owns; a plain servlet rather than a JAX-RS
 * resource, because no resource may touch metrics. The operators' Basic filter has already
 * authenticated whatever credentials came; this only checks the role, answering 401 and 403 as
 * the ops API does (problem details).
 */
@WebServlet(name = "keytriage-prometheus", urlPatterns = PrometheusServlet.PATH)
public class PrometheusServlet extends HttpServlet {
  /** Where Prometheus scrapes KeyTriage's series. */
  public static final String PATH = "/prometheus";

  private static final long serialVersionUID = 1L;

  @Inject GatewayMetrics metrics;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (request.getUserPrincipal() == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"keytriage\"");
      refuse(response, 401, "authentication_required", "Authentication required",
          "Sign in with HTTP Basic as an operator (role admin or ops); in Prometheus, set basic_auth on the scrape job.");
      return;
    }
    if (!request.isUserInRole(Roles.OPS) && !request.isUserInRole(Roles.ADMIN)) {
      refuse(response, 403, "role_required", "Not allowed",
          "User '" + request.getUserPrincipal().getName() + "' lacks the role for this operation; it needs admin or ops.");
      return;
    }
    // rendered whole before anything is sent, so a failure is a 500 and never a truncated scrape
    byte[] body = metrics.render().getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setContentType(PrometheusText.CONTENT_TYPE);
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static void refuse(HttpServletResponse response, int status, String code, String title, String detail)
      throws IOException {
    byte[] body = JsonText.write(ErrorResponses.problem(PATH, status, code, title, detail))
        .getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(ErrorResponses.PROBLEM_JSON);
    response.setCharacterEncoding("UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
