package org.keytriage.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.keytriage.web.security.OperatorLogins;
import org.keytriage.web.security.UserAccount;

/**
 * The login form: an operator of {@code keytriage.users} signs in with name and password (the
 * same accounts and throttling as HTTP Basic). A successful sign-in gets a new session id, so a
 * session id planted before the login is worth nothing afterwards.
 */
@Named
@RequestScoped
public class LoginView {
  @Inject OperatorLogins logins;
  @Inject ConsoleSession operator;

  private String username;
  private String password;

  public String getUsername() {
    return username;
  }

  public void setUsername(String value) {
    this.username = value;
  }

  public String getPassword() {
    return null; // never rendered back into the page
  }

  public void setPassword(String value) {
    this.password = value;
  }

  public String login() {
    FacesContext faces = FacesContext.getCurrentInstance();
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    String name = username == null ? "" : username.trim();
    char[] secret = password == null ? new char[0] : password.toCharArray();
    password = null;
    OperatorLogins.Attempt attempt = logins.attempt(name, secret, request.getRemoteAddr(), "console");
    java.util.Arrays.fill(secret, '\0');
    if (attempt.throttled()) {
      long minutes = Math.max(1, (attempt.lockedFor().toSeconds() + 59) / 60);
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Too many failed sign-ins",
          "Sign-ins for this name or from this address are paused for " + minutes + " more minute(s)."));
      return null;
    }
    if (attempt.account().isEmpty()) {
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong name or password",
          "Check both and try again; the accounts are those of keytriage.users."));
      return null;
    }
    UserAccount account = attempt.account().get();
    request.changeSessionId();
    HttpSession session = request.getSession();
    operator.signIn(account.name(), account.roles());
    session.setAttribute(ConsoleSession.SIGNED_IN, account.name());
    logins.recordSession("console.signed_in", account.name(), request.getRemoteAddr());
    return "/dashboard.xhtml?faces-redirect=true";
  }

  public String logout() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    if (operator.isSignedIn()) {
      logins.recordSession("console.signed_out", operator.getName(), request.getRemoteAddr());
    }
    external.invalidateSession();
    return "/login.xhtml?faces-redirect=true";
  }

}
