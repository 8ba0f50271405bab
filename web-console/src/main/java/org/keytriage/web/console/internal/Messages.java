package org.keytriage.web.console.internal;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import org.keytriage.core.config.ConfigException;
import org.keytriage.core.config.ConfigProblem;

/** Messages for the page: a growl for what was done or refused, the loader's problems next to their fields. */
public final class Messages {
  private Messages() {}

  public static void info(String summary, String detail) {
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, detail));
  }

  /** A refusal or failure; also marks the request failed, so a dialog stays open. */
  public static void error(String summary, String detail) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, detail));
    faces.validationFailed();
  }

  /** A message next to one field; the request counts as failed, so the dialog stays open. */
  public static void field(String clientId, String message) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    faces.validationFailed();
  }

  /**
   * Each problem next to the field it names ({@code form:component} of {@code components}); a
   * problem of no known field goes to the page's messages.
   */
  public static void problems(ConfigException e, String form, Map<String, String> components) {
    FacesContext faces = FacesContext.getCurrentInstance();
    for (ConfigProblem p : e.problems()) {
      String component = p.field() == null ? null : components.get(p.field().replaceAll("[.\\[].*$", ""));
      String message = shorten(p.message());
      faces.addMessage(component == null ? null : form + ":" + component,
          new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message));
    }
    faces.validationFailed();
  }

  /**
   * The loader's messages start with where the text came from and which entry; next to the field
   * that is noise.
   */
  static String shorten(String message) {
    return message.replaceFirst("^the form: ", "").replaceFirst("^key '[^']*' \\(api_keys\\[\\d+\\]\\): ", "")
        .replaceFirst("^api_keys\\[\\d+\\]: ", "");
  }
}
