package org.keytriage.store.internal;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * The store's persistence unit, described in code rather than a {@code persistence.xml}: an
 * application server deploys every {@code persistence.xml} it finds as a container-managed unit on
 * its own data source, while this one is the store's own, on the database the settings name, the
 * same in a server and in a plain JVM. Resource-local transactions, no weaving, no shared cache (nodes
 * sharing one database must never read a row another node has changed from a stale cache).
 */
final class StorePersistenceUnit implements PersistenceUnitInfo {
  static final String NAME = "keytriage-store";
  static final List<Class<?>> ENTITIES =
      List.of(RequestRow.class, SpendHourRow.class, AuditRow.class, AuditHeadRow.class, KeyRow.class,
          IntegratorTokenRow.class, KeySwitchRow.class, StrategyChoiceRow.class);

  private final Properties properties;

  StorePersistenceUnit(Properties properties) {
    this.properties = properties;
  }

  @Override
  public String getPersistenceUnitName() {
    return NAME;
  }

  @Override
  public String getPersistenceProviderClassName() {
    return "org.eclipse.persistence.jpa.PersistenceProvider";
  }

  @Override
  public PersistenceUnitTransactionType getTransactionType() {
    return PersistenceUnitTransactionType.RESOURCE_LOCAL;
  }

  @Override
  public DataSource getJtaDataSource() {
    return null;
  }

  @Override
  public DataSource getNonJtaDataSource() {
    return null; // the provider connects with the jakarta.persistence.jdbc.* properties and pools itself
  }

  @Override
  public List<String> getMappingFileNames() {
    return List.of();
  }

  @Override
  public List<URL> getJarFileUrls() {
    return List.of();
  }

  @Override
  public URL getPersistenceUnitRootUrl() {
    return StorePersistenceUnit.class.getProtectionDomain().getCodeSource().getLocation();
  }

  @Override
  public List<String> getManagedClassNames() {
    return ENTITIES.stream().map(Class::getName).toList();
  }

  @Override
  public boolean excludeUnlistedClasses() {
    return true;
  }

  @Override
  public SharedCacheMode getSharedCacheMode() {
    return SharedCacheMode.NONE;
  }

  @Override
  public ValidationMode getValidationMode() {
    return ValidationMode.NONE;
  }

  @Override
  public Properties getProperties() {
    return properties;
  }

  @Override
  public String getPersistenceXMLSchemaVersion() {
    return "3.0";
  }

  @Override
  public ClassLoader getClassLoader() {
    return StorePersistenceUnit.class.getClassLoader();
  }

  @Override
  public void addTransformer(ClassTransformer transformer) {
    // no weaving: eclipselink.weaving=false
  }

  @Override
  public ClassLoader getNewTempClassLoader() {
    return getClassLoader();
  }
}
