package org.keytriage.web.console.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.keytriage.web.console.ConsoleSession;

/**
 * Keeps the console's pages behind a sign-in: without a signed-in operator in the session a page
 * redirects to the login page (an Ajax request gets a Faces partial-response redirect, so a poll
 * after the session timed out lands on the login page too). Only the login page and the static
 * resources it needs are open. A form posted for a view the session no longer holds (or with a
 * view state made up elsewhere) runs nothing and is answered with a redirect to the page, not an
 * error. Every page is sent with headers that keep it out of frames and caches.
 */
@WebFilter(filterName = "keytriage-console-guard", urlPatterns = ConsoleGuard.ROOT + "/*")
public class ConsoleGuard extends HttpFilter {
  private static final long serialVersionUID = 1L;

  public static final String ROOT = "/console";
  public static final String LOGIN = ROOT + "/login.xhtml";
  public static final String HOME = ROOT + "/dashboard.xhtml";
  private static final String RESOURCES = ROOT + "/jakarta.faces.resource/";

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith(RESOURCES)) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Cache-Control", "no-store");
    if (path.equals(ROOT) || path.equals(ROOT + "/")) {
      response.sendRedirect(request.getContextPath() + HOME);
      return;
    }
    if (path.equals(LOGIN) || signedIn(request)) {
      try {
        chain.doFilter(request, response);
      } catch (ServletException e) {
        if (!expiredView(e) || response.isCommitted()) {
          throw e;
        }
        // a form of a view the session no longer holds (too many tabs, a restart, or a post made
        // elsewhere without this session's view state): nothing ran; show the page afresh
        response.reset();
        redirect(request, response, request.getRequestURI());
      }
      return;
    }
    redirect(request, response, request.getContextPath() + LOGIN);
  }

  /** A redirect the page follows, for a plain request and for a Faces Ajax request alike. */
  private static void redirect(HttpServletRequest request, HttpServletResponse response, String to) throws IOException {
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      response.setContentType("text/xml");
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
          + to + "\"/></partial-response>");
      return;
    }
    response.sendRedirect(to);
  }

  private static boolean expiredView(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof jakarta.faces.application.ViewExpiredException) {
        return true;
      }
    }
    return false;
  }

  private static boolean signedIn(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && session.getAttribute(ConsoleSession.SIGNED_IN) != null;
  }
}
