package org.keytriage.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;

/** The console's pages, in the order of the navigation bar. */
@Named
@ApplicationScoped
public class ConsoleNav {
  /** A page: its Faces outcome (the view id without {@code .xhtml}) and its label. */
  public record Page(String outcome, String label) {}

  private static final List<Page> PAGES = List.of(
      new Page("/dashboard", "Dashboard"), new Page("/keys", "Keys"), new Page("/task-types", "Task types"),
      new Page("/spend", "Spend"), new Page("/requests", "Requests"), new Page("/audit", "Audit"),
      new Page("/alerts", "Alerts"), new Page("/advice", "Advice"), new Page("/batches", "Batches"),
      new Page("/integrators", "Integrators"), new Page("/plugins", "Plugins"));

  public List<Page> getPages() {
    return PAGES;
  }
}
