package org.keytriage.web.console.internal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keytriage.core.config.ApiKeyConfig;
import org.keytriage.web.json.JsonText;

/**
 * The key form's fields as typed, turned into the JSON entry the configuration loader reads (so its
 * checks and messages are the console's too). Numbers stay text until then: "12x" in Max RPM gets
 * the loader's "max_rpm must be a whole number …", not a converter's message. Blank optional
 * fields are left out, so the loader's defaults apply.
 */
public final class KeyForm implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The loader's field names and the form's component ids, in the form's order. */
  public static final Map<String, String> COMPONENTS = Map.ofEntries(
      Map.entry("key_id", "keyId"), Map.entry("api_key", "apiKey"), Map.entry("max_rpm", "maxRpm"),
      Map.entry("max_tpm", "maxTpm"), Map.entry("priority", "priority"), Map.entry("weight", "weight"),
      Map.entry("task_types", "taskTypes"), Map.entry("cost_per_token", "costPerToken"),
      Map.entry("base_url", "baseUrl"), Map.entry("is_active", "active"), Map.entry("is_backup", "backup"),
      Map.entry("daily_budget", "dailyBudget"), Map.entry("monthly_budget", "monthlyBudget"));

  private String keyId;
  private String apiKey;
  private String maxRpm;
  private String maxTpm;
  private String priority;
  private String weight;
  private List<String> taskTypes = new ArrayList<>();
  private String costPerToken;
  private String baseUrl;
  private boolean active = true;
  private boolean backup;
  private String dailyBudget;
  private String monthlyBudget;

  /** A form for a new key, with the guide's usual priority (3) and weight (1) filled in. */
  public KeyForm() {
    priority = "3";
    weight = "1";
  }

  /** The form filled with a key's fields, for editing; never its secret. */
  public static KeyForm of(ApiKeyConfig k) {
    KeyForm f = new KeyForm();
    f.keyId = k.keyId();
    f.maxRpm = Long.toString(k.maxRpm());
    f.maxTpm = Long.toString(k.maxTpm());
    f.priority = Integer.toString(k.priority());
    f.weight = plain(k.weight());
    f.taskTypes = new ArrayList<>(new java.util.TreeSet<>(k.taskTypes()));
    f.costPerToken = plain(k.costPerToken());
    f.baseUrl = k.baseUrl();
    f.active = k.active();
    f.backup = k.backup();
    f.dailyBudget = k.dailyBudget() == 0 ? null : plain(k.dailyBudget());
    f.monthlyBudget = k.monthlyBudget() == 0 ? null : plain(k.monthlyBudget());
    return f;
  }

  /** The entry of a new key: every field, the secret included. */
  public String newKeyJson() {
    Map<String, Object> m = changes();
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("key_id", keyId == null ? "" : keyId.trim());
    all.put("api_key", apiKey == null ? "" : apiKey);
    all.putAll(m);
    return JsonText.write(all);
  }

  /** The fields a change replaces: all but the id and the secret; a cleared budget is 0 (none). */
  public String changesJson() {
    Map<String, Object> m = changes();
    m.putIfAbsent("daily_budget", 0);
    m.putIfAbsent("monthly_budget", 0);
    return JsonText.write(m);
  }

  private Map<String, Object> changes() {
    Map<String, Object> m = new LinkedHashMap<>();
    number(m, "max_rpm", maxRpm);
    number(m, "max_tpm", maxTpm);
    number(m, "priority", priority);
    number(m, "weight", weight);
    m.put("task_types", new ArrayList<>(taskTypes == null ? List.of() : taskTypes));
    number(m, "cost_per_token", costPerToken);
    if (baseUrl != null && !baseUrl.isBlank()) {
      m.put("base_url", baseUrl.trim());
    }
    m.put("is_active", active);
    m.put("is_backup", backup);
    number(m, "daily_budget", dailyBudget);
    number(m, "monthly_budget", monthlyBudget);
    return m;
  }

  /** A number when it reads as one, else the text as typed (the loader then names the field). */
  private static void number(Map<String, Object> m, String field, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    String t = text.trim();
    try {
      m.put(field, t.matches("-?\\d{1,18}") ? (Object) Long.parseLong(t) : (Object) new java.math.BigDecimal(t));
    } catch (NumberFormatException notANumber) {
      m.put(field, t);
    }
  }

  private static String plain(double d) {
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  public String getKeyId() { return keyId; }
  public void setKeyId(String v) { keyId = v; }
  /** Never rendered back into the page. */
  public String getApiKey() { return null; }
  /** A blank submission keeps what was typed before: the field is never filled back in after a refused save. */
  public void setApiKey(String v) {
    if (v != null && !v.isBlank()) {
      apiKey = v;
    }
  }

  /** Whether a secret was typed. */
  public boolean hasApiKey() {
    return apiKey != null && !apiKey.isBlank();
  }
  public String getMaxRpm() { return maxRpm; }
  public void setMaxRpm(String v) { maxRpm = v; }
  public String getMaxTpm() { return maxTpm; }
  public void setMaxTpm(String v) { maxTpm = v; }
  public String getPriority() { return priority; }
  public void setPriority(String v) { priority = v; }
  public String getWeight() { return weight; }
  public void setWeight(String v) { weight = v; }
  public List<String> getTaskTypes() { return taskTypes; }
  public void setTaskTypes(List<String> v) { taskTypes = v; }
  public String getCostPerToken() { return costPerToken; }
  public void setCostPerToken(String v) { costPerToken = v; }
  public String getBaseUrl() { return baseUrl; }
  public void setBaseUrl(String v) { baseUrl = v; }
  public boolean isActive() { return active; }
  public void setActive(boolean v) { active = v; }
  public boolean isBackup() { return backup; }
  public void setBackup(boolean v) { backup = v; }
  public String getDailyBudget() { return dailyBudget; }
  public void setDailyBudget(String v) { dailyBudget = v; }
  public String getMonthlyBudget() { return monthlyBudget; }
  public void setMonthlyBudget(String v) { monthlyBudget = v; }
}
