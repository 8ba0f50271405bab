package org.keytriage.web.console.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.keytriage.web.KeyTriageApplication;

/**
 * The context root, and only it (the empty pattern is an exact match, so no other request passes
 * here): a browser asking for HTML is sent to the console; anything else goes on to the JAX-RS
 * application, which answers its JSON 404 as for any path without an endpoint.
 */
@WebServlet(name = "keytriage-browser-home", urlPatterns = "")
public class BrowserHome extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
    String accept = request.getHeader("Accept");
    if ("GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")) {
      response.sendRedirect(request.getContextPath() + ConsoleGuard.ROOT + "/");
      return;
    }
    // the JAX-RS servlet is registered under the Application subclass's name
    RequestDispatcher api = getServletContext().getNamedDispatcher(KeyTriageApplication.class.getName());
    if (api == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    api.forward(request, response);
  }
}
