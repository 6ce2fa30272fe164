-- Order numbers on SQL Server come from a SEQUENCE: concurrent registrations each get their own value
-- without holding the day's counter row until commit (under READ COMMITTED two first orders of a day could
-- both insert that row and one failed on its key). It starts above every number the day counters issued,
-- so no order number is given twice across the change.
DECLARE @start BIGINT = (SELECT COALESCE(MAX(last_value), 0) + 1 FROM order_number_sequences);
DECLARE @create NVARCHAR(200) = N'CREATE SEQUENCE order_numbers AS BIGINT START WITH ' + CAST(@start AS NVARCHAR(20)) + N' INCREMENT BY 1 CACHE 50';
EXEC sp_executesql @create;
