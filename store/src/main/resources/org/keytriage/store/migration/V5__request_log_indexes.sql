-- KeyTriage store, version 5: the request log keeps the indexes its queries need most (time, and
-- key with time); the task type and integrator ones cost every insert more than they save a query
-- that also filters by time. Chargeback by task type and integrator reads kt_spend_hour.
DROP INDEX kt_request_log_task;
DROP INDEX kt_request_log_integrator;
