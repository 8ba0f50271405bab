package org.keytriage.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a real browser (Debian's headless Chromium through chromedriver) against
 * the WAR on Payara Micro: signing in as admin and as ops, every page with data, each change made
 * through the pages and then checked through {@code /api/v1} and the audit trail, an ops session's
 * forged change refused, live gauges, no secret in any page and no JavaScript error. Screenshots of
 * every page go to {@code target/console-screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final List<String> PAGES = List.of("dashboard", "keys", "task-types", "spend", "requests", "audit",
      "alerts", "advice", "batches", "integrators", "plugins");
  private static final String NEW_SECRET = "sim-diagnostic-report-key-01";
  private static final String ROTATED_SECRET = "sim-console-rotated-key-07";

  @ArquillianResource URL deployment;

  private Http http;
  private String base;
  private WebDriver browser;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ItServer.deployment();
  }

  @AfterAll
  static void stopSimulator() {
    ItServer.stop();
  }

  @BeforeEach
  void open() {
    base = "http://127.0.0.1:" + deployment.getPort();
    http = new Http(base);
    String driver = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    String chromium = System.getProperty("keytriage.it.chromium", "/usr/bin/chromium");
    for (String needed : List.of(driver, chromium)) {
      assertThat(Files.isExecutable(Path.of(needed)))
          .as(needed + " is missing: install Chromium and its driver (apt-get install -y chromium chromium-driver),"
              + " or point -Dkeytriage.it.chromium and -Dwebdriver.chrome.driver at them")
          .isTrue();
    }
    System.setProperty("webdriver.chrome.driver", driver);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1366,900");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    browser = new ChromeDriver(ChromeDriverService.createDefaultService(), options);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.quit();
    }
  }

  // ---- signing in -------------------------------------------------------------------------

  @Test
  void aBrowserAtTheRootLandsOnTheLoginPageWhileJsonClientsKeepTheir404() {
    browser.get(base + "/");
    waitFor(By.id("login:username"));
    assertThat(browser.getCurrentUrl()).endsWith("/console/login.xhtml");
    HttpResponse<String> api = http.get("/", Caller.ANONYMOUS, Map.of("Accept", "application/json"));
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.body()).contains("\"status\":404");
    browser.get(base + "/console/keys.xhtml");
    waitFor(By.id("login:username"));
  }

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteStrictAndSignInChangesIt() {
    browser.get(base + "/console/login.xhtml");
    waitFor(By.id("login:username"));
    Cookie before = browser.manage().getCookieNamed("JSESSIONID");
    signIn(ItServer.ADMIN, ItServer.ADMIN_PASSWORD);
    Cookie after = browser.manage().getCookieNamed("JSESSIONID");
    assertThat(after.isHttpOnly()).isTrue();
    assertThat(after.getSameSite()).isEqualTo("Strict");
    assertThat(before).as("the login page opens a session").isNotNull();
    assertThat(after.getValue()).isNotEqualTo(before.getValue());
    browser.findElement(By.id("session:signOut")).click();
    waitFor(By.id("login:username"));
    browser.get(base + "/console/dashboard.xhtml");
    waitFor(By.id("login:username"));
  }

  @Test
  void wrongPasswordsAreRefusedThenThrottledAndAudited() throws Exception {
    browser.get(base + "/console/login.xhtml");
    for (int i = 0; i < 5; i++) {
      signInExpectingMessage("it-guesser", "wrong-" + i, "Wrong name or password");
    }
    signInExpectingMessage("it-guesser", "wrong-5", "Too many failed sign-ins");
    JsonObject audit = awaitAudit("login.throttled", "it-guesser");
    assertThat(audit.toString()).contains("\"via\":\"console\"").doesNotContain("wrong-");
    assertNoJavaScriptErrors();
  }

  @Test
  void aFormWithAViewStateTheSessionNeverHadRunsNothingAndReloadsThePage() throws Exception {
    signIn(ItServer.ADMIN, ItServer.ADMIN_PASSWORD);
    browser.get(base + "/console/keys.xhtml");
    awaitText("medical_primary");
    String cookie = "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue();
    String form = "keys=keys&keys%3Atable%3A0%3Adeactivate=keys%3Atable%3A0%3Adeactivate"
        + "&jakarta.faces.ViewState=1234567890%3A-987654321";
    HttpResponse<String> r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/console/keys.xhtml"))
        .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/console/keys.xhtml");
    JsonObject first = Json.array(http.get("/api/v1/keys", Caller.ADMIN).body()).getJsonObject(0);
    assertThat(first.getJsonObject("state").getBoolean("is_active")).isTrue();
  }

  // ---- every page, as admin -------------------------------------------------------------------

  @Test
  void everyPageRendersWithDataAndNoSecretAndNoScriptError() throws Exception {
    // traffic first, so the request log, spend and dashboard have something to show
    for (int i = 0; i < 3; i++) {
      assertThat(chat("medical_text_analysis").statusCode()).isEqualTo(200);
    }
    signIn(ItServer.ADMIN, ItServer.ADMIN_PASSWORD);
    Map<String, String> expected = Map.ofEntries(Map.entry("dashboard", "medical_primary"),
        Map.entry("keys", "medical_primary"), Map.entry("task-types", "round_robin"),
        Map.entry("spend", "medical_primary"), Map.entry("requests", "medical_text_analysis"),
        Map.entry("audit", "Intact"), Map.entry("alerts", "Alerts"), Map.entry("advice", "Recommendation"),
        Map.entry("batches", "Batches"), Map.entry("integrators", "batch-etl"), Map.entry("plugins", "lowest_cost"));
    for (String page : PAGES) {
      browser.get(base + "/console/" + page + ".xhtml");
      waitFor(By.cssSelector(".kt-title"));
      awaitText(expected.get(page));
      assertThat(browser.getTitle()).startsWith("KeyTriage");
      String html = browser.getPageSource();
      for (String secret : ItServer.SECRETS) {
        assertThat(html).as(page + " shows a secret").doesNotContain(secret);
      }
      screenshot(page);
    }
    browser.get(base + "/console/requests.xhtml");
    awaitText("medical_text_analysis");
    assertThat(browser.findElement(By.id("requests:table")).getText()).contains("ok");
    assertNoJavaScriptErrors();
  }

  @Test
  void theDashboardsGaugesMoveWhileTrafficFlows() throws Exception {
    signIn(ItServer.ADMIN, ItServer.ADMIN_PASSWORD);
    browser.get(base + "/console/dashboard.xhtml");
    String before = gaugeText("streaming_primary");
    for (int i = 0; i < 4; i++) {
      assertThat(chat("streaming_insights").statusCode()).isEqualTo(200);
    }
    // the page polls every 2 s; no reload
    new WebDriverWait(browser, WAIT).until(d -> !gaugeText("streaming_primary").equals(before));
    assertThat(gaugeText("streaming_primary")).matches("\\d+ / 600");
    assertNoJavaScriptErrors();
  }

  // ---- changes, as admin ----------------------------------------------------------------------

  @Test
  void anAdminAddsEditsRotatesDeactivatesAndRestoresAKey() throws Exception {
    signIn(ItServer.ADMIN, ItServer.ADMIN_PASSWORD);
    browser.get(base + "/console/keys.xhtml");
    click(By.id("keys:add"));
    waitVisible(By.id("keyForm:keyId"));
    type("keyForm:keyId", "it_console");
    type("keyForm:apiKey", NEW_SECRET);
    type("keyForm:maxRpm", "12x");
    type("keyForm:maxTpm", "40000");
    tick("keyForm:taskTypes", "diagnostic_report_generation");
    type("keyForm:costPerToken", "0.0002");
    type("keyForm:baseUrl", ItServer.upstream());
    click(By.id("keyForm:save"));
    // the loader's own message, next to the field
    WebElement message = waitVisible(By.cssSelector("[id='keyForm:maxRpm'] ~ .ui-message-error, .ui-message-error"));
    assertThat(message.getText()).contains("max_rpm");
    screenshot("keys-dialog");
    type("keyForm:maxRpm", "30");
    click(By.id("keyForm:save"));
    awaitText("it_console");
    screenshot("keys-added");
    JsonObject added = Json.object(http.get("/api/v1/keys/it_console", Caller.ADMIN).body());
    assertThat(added.getJsonObject("limits").getInt("max_rpm")).isEqualTo(30);
    assertThat(added.getString("api_key")).doesNotContain(NEW_SECRET);

    click(By.cssSelector("button[aria-label='Edit it_console']"));
    waitVisible(By.id("keyForm:maxRpm"));
    type("keyForm:maxRpm", "45");
    type("keyForm:reason", "more traffic from radiology");
    click(By.id("keyForm:save"));
    new WebDriverWait(browser, WAIT).until(d -> Json.object(http.get("/api/v1/keys/it_console", Caller.ADMIN).body())
        .getJsonObject("limits").getInt("max_rpm") == 45);

    click(By.cssSelector("button[aria-label='Rotate it_console']"));
    waitVisible(By.id("rotateForm:newSecret"));
    type("rotateForm:newSecret", ROTATED_SECRET);
    click(By.id("rotateForm:rotateNow"));
    new WebDriverWait(browser, WAIT).until(d -> !Json.object(http.get("/api/v1/keys/it_console", Caller.ADMIN).body())
        .isNull("rotated_at"));

    click(By.cssSelector("button[aria-label='Deactivate it_console']"));
    new WebDriverWait(browser, WAIT).until(d -> !Json.object(http.get("/api/v1/keys/it_console", Caller.ADMIN).body())
        .getJsonObject("state").getBoolean("is_active"));
    click(By.cssSelector("button[aria-label='Restore it_console']"));
    new WebDriverWait(browser, WAIT).until(d -> Json.object(http.get("/api/v1/keys/it_console", Caller.ADMIN).body())
        .getJsonObject("state").getBoolean("is_active"));

    JsonObject audit = awaitAudit("key.restored", "it_console");
    List<String> actions = new ArrayList<>();
    for (JsonObject e : audit.getJsonArray("entries").getValuesAs(JsonObject.class)) {
      if (e.getString("target").equals("it_console")) {
        assertThat(e.getString("actor")).isEqualTo(ItServer.ADMIN);
        actions.add(e.getString("action"));
      }
    }
    assertThat(actions).contains("key.added", "key.changed", "key.rotated", "key.deactivated", "key.restored");
    assertThat(audit.toString()).doesNotContain(NEW_SECRET).doesNotContain(ROTATED_SECRET);
    assertThat(browser.getPageSource()).doesNotContain(NEW_SECRET).doesNotContain(ROTATED_SECRET);
    assertNoJavaScriptErrors();
  }

  @Test
  void anAdminSwitchesAStrategy() throws Exception {
    signIn(ItServer.ADMIN, ItServer.ADMIN_PASSWORD);
    browser.get(base + "/console/task-types.xhtml");
    // the row of multimodal_fusion: the menu's hidden select carries the row's id prefix
    String prefix = rowPrefix("types:table", "multimodal_fusion");
    ((JavascriptExecutor) browser).executeScript("PF(arguments[0]).selectValue('lowest_cost')",
        widgetVar(prefix + ":strategy"));
    click(By.id(prefix + ":apply"));
    new WebDriverWait(browser, WAIT).until(d -> strategyOf("multimodal_fusion").equals("lowest_cost"));
    JsonObject audit = awaitAudit("strategy.changed", "multimodal_fusion");
    assertThat(audit.toString()).contains(ItServer.ADMIN);
    assertNoJavaScriptErrors();
  }

  @Test
  void anAdminCreatesATokenSeesItOnceAndRevokesIt() throws Exception {
    signIn(ItServer.ADMIN, ItServer.ADMIN_PASSWORD);
    browser.get(base + "/console/integrators.xhtml");
    type("integrators:name", "it-radiology");
    ((JavascriptExecutor) browser).executeScript("PF(arguments[0]).checkAll()", widgetVar("integrators:taskTypes"));
    click(By.id("integrators:create"));
    WebElement shown = waitVisible(By.id("newToken"));
    String token = shown.getText().trim();
    assertThat(token).startsWith("kt-");
    HttpResponse<String> served = http.postJson("/v1/chat/completions", Caller.bearer("it-radiology", token),
        chatBodyFor("Summarise synthetic radiology note 4."), Map.of("X-Task-Type", "medical_text_analysis"));
    assertThat(served.statusCode()).as(served.body()).isEqualTo(200);

    browser.get(base + "/console/integrators.xhtml"); // a new view: the token is not shown again
    awaitText("it-radiology");
    assertThat(browser.getPageSource()).doesNotContain(token);
    String prefix = rowPrefix("integrators:table", "it-radiology");
    click(By.id(prefix + ":revoke"));
    new WebDriverWait(browser, WAIT).until(d -> http.postJson("/v1/chat/completions", Caller.bearer("it-radiology", token),
        chatBodyFor("Summarise synthetic radiology note 5."), Map.of("X-Task-Type", "medical_text_analysis"))
        .statusCode() == 401);
    assertThat(awaitAudit("integrator.revoked", null).toString()).contains("integrator.created").doesNotContain(token);
    assertNoJavaScriptErrors();
  }

  // ---- ops reads only -------------------------------------------------------------------------

  @Test
  void opsSeesNoChangeButtonsAndAForgedChangeIsRefused() throws Exception {
    signIn(ItServer.OPS, ItServer.OPS_PASSWORD);
    browser.get(base + "/console/keys.xhtml");
    awaitText("medical_primary");
    assertThat(browser.findElements(By.id("keys:add"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("button[aria-label^='Deactivate']"))).isEmpty();
    assertThat(browser.findElements(By.id("keyForm:save"))).isEmpty();
    // the admin's deactivate button of the first row, posted by hand from the ops session
    Object status = ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const vs = document.querySelector("input[name='jakarta.faces.ViewState']").value;
        const body = new URLSearchParams({'jakarta.faces.partial.ajax': 'true',
          'jakarta.faces.source': 'keys:table:0:deactivate', 'jakarta.faces.partial.execute': 'keys:table:0:deactivate',
          'jakarta.faces.partial.render': 'keys:table', 'keys:table:0:deactivate': 'keys:table:0:deactivate',
          'keys': 'keys', 'jakarta.faces.ViewState': vs});
        fetch(location.pathname, {method: 'POST', body: body,
          headers: {'Faces-Request': 'partial/ajax', 'Content-Type': 'application/x-www-form-urlencoded'}})
          .then(r => done(r.status), e => done(String(e)));
        """);
    assertThat(status).isEqualTo(200L);
    for (String page : List.of("task-types", "advice", "batches", "integrators")) {
      browser.get(base + "/console/" + page + ".xhtml");
      waitFor(By.cssSelector(".kt-title"));
      assertThat(browser.findElements(By.cssSelector("[id$=':apply'], [id$=':act'], [id$=':cancel'], [id$=':revoke'],"
          + " #integrators\\:create"))).as(page).isEmpty();
    }
    screenshot("keys-ops");
    JsonObject first = Json.array(http.get("/api/v1/keys", Caller.ADMIN).body()).getJsonObject(0);
    assertThat(first.getJsonObject("state").getBoolean("is_active")).isTrue();
    JsonObject audit = Json.object(http.get("/api/v1/audit?actor=" + ItServer.OPS, Caller.ADMIN).body());
    assertThat(audit.getJsonArray("entries").getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("action")).doesNotContain("key.deactivated");
    assertNoJavaScriptErrors();
  }

  // ---- helpers --------------------------------------------------------------------------------

  private void signIn(String name, String password) {
    browser.get(base + "/console/login.xhtml");
    type("login:username", name);
    type("login:password", password);
    click(By.id("login:signIn"));
    waitFor(By.id("session:signOut"));
  }

  private void signInExpectingMessage(String name, String password, String message) {
    type("login:username", name);
    type("login:password", password);
    click(By.id("login:signIn"));
    new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.id("login:messages"), message));
  }

  private HttpResponse<String> chat(String taskType) {
    return http.postJson("/v1/chat/completions", Caller.INTEGRATOR, chatBodyFor("Summarise synthetic note."),
        Map.of("X-Task-Type", taskType));
  }

  private static String chatBodyFor(String text) {
    return "{\"model\":\"meta/llama-3.1-8b-instruct\",\"max_tokens\":32,\"messages\":[{\"role\":\"user\",\"content\":\""
        + text + "\"}]}";
  }

  private String strategyOf(String taskType) {
    for (JsonObject t : Json.array(http.get("/api/v1/task-types", Caller.OPS).body()).getValuesAs(JsonObject.class)) {
      if (t.getString("task_type").equals(taskType)) {
        return t.getString("strategy");
      }
    }
    throw new AssertionError("no task type " + taskType);
  }

  /** The newest audit page once an entry with this action (and target) is there: the audit is written off the request path. */
  private JsonObject awaitAudit(String action, String target) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      JsonObject page = Json.object(http.get("/api/v1/audit?limit=500", Caller.ADMIN).body());
      boolean found = page.getJsonArray("entries").getValuesAs(JsonObject.class).stream()
          .anyMatch(e -> e.getString("action").equals(action) && (target == null || e.getString("target").equals(target)));
      if (found) {
        return page;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no audit entry " + action + " " + target + " in " + page);
      }
      Thread.sleep(100);
    }
  }

  /** The key's RPM gauge label; read again when a poll re-rendered the table meanwhile. */
  private String gaugeText(String keyId) {
    return new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(d -> {
          for (WebElement row : d.findElements(By.cssSelector("[id='live:gauges_data'] tr"))) {
            if (row.getText().contains(keyId)) {
              return row.findElement(By.cssSelector(".kt-rpm b")).getText().trim();
            }
          }
          return null;
        });
  }

  /** The client id prefix of the table row showing {@code text}, e.g. {@code types:table:3}. */
  private String rowPrefix(String table, String text) {
    List<WebElement> rows = waitFor(By.id(table + "_data")).findElements(By.cssSelector("tr"));
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).getText().contains(text)) {
        return table + ":" + rows.get(i).getAttribute("data-ri");
      }
    }
    throw new AssertionError("no row with " + text + " in " + table);
  }

  private String widgetVar(String clientId) {
    return "widget_" + clientId.replace(':', '_').replace('-', '_');
  }

  private void tick(String group, String label) {
    click(By.xpath("//label[starts-with(@for, '" + group + ":') and normalize-space(.)='" + label + "']"));
  }

  private void type(String id, String text) {
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.ElementNotInteractableException.class)
        .until(d -> {
          WebElement field = d.findElement(By.id(id));
          field.clear();
          field.sendKeys(text);
          return true;
        });
  }

  /** Clicks once the element can take it: the pages poll and re-render, and dialogs fade in. */
  private void click(By by) {
    try {
      clickOnce(by);
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("failed-click-" + by.toString().replaceAll("[^A-Za-z0-9]+", "-"));
      throw e;
    }
  }

  private void clickOnce(By by) {
    new WebDriverWait(browser, WAIT)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
        .ignoring(org.openqa.selenium.ElementNotInteractableException.class)
        .until(d -> {
          d.findElement(by).click();
          return true;
        });
  }

  private WebElement waitFor(By by) {
    return new WebDriverWait(browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
  }

  private WebElement waitVisible(By by) {
    return new WebDriverWait(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private void awaitText(String text) {
    new WebDriverWait(browser, WAIT).until(d -> d.findElement(By.tagName("body")).getText().contains(text));
  }

  private void assertNoJavaScriptErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
      if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(e.getMessage());
      }
    }
    assertThat(errors).as("JavaScript errors in the browser console").isEmpty();
  }

  private void screenshot(String name) {
    Path dir = Path.of(System.getProperty("keytriage.it.dir", "target/it")).resolveSibling("console-screenshots");
    try {
      Files.createDirectories(dir);
      byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
