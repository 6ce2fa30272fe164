-- Order statuses in intake's words (the intake contract's OrderStatus names). A finished visit completes the order
-- as it does in intake, unless the panel exchange was offered (rule 17): then it awaits the exchange.
UPDATE orders SET status = 'Assigned' WHERE status = 'EngineerAssigned';
UPDATE orders SET status = 'EngineerArrived' WHERE status = 'EngineerOnSite';
UPDATE orders SET status = CASE WHEN panel_exchange_offers IS NULL THEN 'Completed' ELSE 'AwaitingExchange' END
WHERE status IN ('Closed', 'AwaitingRevisit');
