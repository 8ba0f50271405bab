package org.keytriage.store.internal;

import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.keytriage.core.audit.AuditChain;
import org.keytriage.core.audit.AuditEntry;
import org.keytriage.core.audit.AuditQuery;
import org.keytriage.core.audit.AuditRecord;
import org.keytriage.core.audit.AuditTrail;

/**
 * The audit trail in the database. An append locks the chain's head row ({@code SELECT … FOR
 * UPDATE}), seals the entry after it and moves the head, in one transaction: appends from every
 * node sharing the database get one order and one chain.
 */
public final class JpaAuditTrail implements AuditTrail {
  private static final int PAGE = 500;

  private final Jpa jpa;

  public JpaAuditTrail(Jpa jpa) {
    this.jpa = jpa;
  }

  @Override
  public AuditEntry append(AuditRecord record) {
    return jpa.inTransaction(em -> {
      AuditHeadRow head = em.find(AuditHeadRow.class, AuditHeadRow.ID, LockModeType.PESSIMISTIC_WRITE);
      if (head == null) {
        throw new IllegalStateException("The audit chain's head row is missing from kt_audit_head; the table must "
            + "hold the row the store's migration inserted (id 1). Restore it from a backup.");
      }
      AuditEntry entry = AuditChain.seal(head.lastSeq + 1, record, head.lastHash.trim());
      em.persist(AuditRow.of(entry));
      head.lastSeq = entry.seq();
      head.lastHash = entry.hash();
      return entry;
    });
  }

  @Override
  public List<AuditEntry> find(AuditQuery q) {
    return jpa.read(em -> {
      StringBuilder where = new StringBuilder(" WHERE 1 = 1");
      Map<String, Object> params = new LinkedHashMap<>();
      if (q.from() != null) {
        where.append(" AND a.atMs >= :from");
        params.put("from", q.from().toEpochMilli());
      }
      if (q.to() != null) {
        where.append(" AND a.atMs < :to");
        params.put("to", q.to().toEpochMilli());
      }
      if (q.actor() != null) {
        where.append(" AND a.actor = :actor");
        params.put("actor", q.actor());
      }
      if (q.action() != null) {
        if (q.action().endsWith(".")) {
          where.append(" AND a.action LIKE :action");
          params.put("action", q.action().replace("%", "") + "%");
        } else {
          where.append(" AND a.action = :action");
          params.put("action", q.action());
        }
      }
      if (q.target() != null) {
        where.append(" AND a.target = :target");
        params.put("target", q.target());
      }
      TypedQuery<AuditRow> query =
          em.createQuery("SELECT a FROM AuditRow a" + where + " ORDER BY a.seq DESC", AuditRow.class);
      params.forEach(query::setParameter);
      return query.setFirstResult(q.offset()).setMaxResults(q.limit()).getResultList()
          .stream().map(AuditRow::toEntry).toList();
    });
  }

  @Override
  public void forEachInOrder(Predicate<AuditEntry> each) {
    long after = Long.MIN_VALUE;
    while (true) {
      long from = after;
      List<AuditRow> page = jpa.read(em -> em.createQuery(
              "SELECT a FROM AuditRow a WHERE a.seq > :after ORDER BY a.seq", AuditRow.class)
          .setParameter("after", from)
          .setMaxResults(PAGE)
          .getResultList());
      for (AuditRow row : page) {
        if (!each.test(row.toEntry())) {
          return;
        }
        after = row.seq;
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }
}
