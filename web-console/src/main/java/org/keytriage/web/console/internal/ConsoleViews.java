package org.keytriage.web.console.internal;

import jakarta.faces.application.ResourceHandler;
import jakarta.faces.application.ResourceHandlerWrapper;
import jakarta.faces.application.ViewResource;
import jakarta.faces.context.FacesContext;

/**
 * Finds the console's pages in {@code /WEB-INF/console}, where the web container never serves
 * them as files: {@code /console/keys.xhtml} is the view {@code /keys.xhtml}, read from {@code
 * /WEB-INF/console/keys.xhtml}. Registered in {@code faces-config.xml}.
 */
public class ConsoleViews extends ResourceHandlerWrapper {
  static final String FOLDER = "/WEB-INF/console";

  public ConsoleViews(ResourceHandler wrapped) {
    super(wrapped);
  }

  @Override
  public ViewResource createViewResource(FacesContext context, String name) {
    if (name.startsWith("/") && !name.startsWith("/WEB-INF/")) {
      ViewResource page = getWrapped().createViewResource(context, FOLDER + name);
      if (page != null) {
        return page;
      }
    }
    return getWrapped().createViewResource(context, name);
  }
}
