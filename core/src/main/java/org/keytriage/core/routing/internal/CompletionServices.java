package org.keytriage.core.routing.internal;

import org.keytriage.core.accounting.UsageAccounting;
import org.keytriage.core.ledger.UsageLedger;

/** What completing an allocation updates: usage window, accounting, circuit and budgets. */
record CompletionServices(
    UsageLedger ledger, UsageAccounting accounting, CircuitKeeper circuits, BudgetGuard budgets) {}
