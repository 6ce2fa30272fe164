-- Planning reads only what a decision needs: the bookings of the eligible engineers around the
-- planning horizon, found by engineer and arrival; and the network is held in memory, re-read only when the
-- roster's stamp (set by every roster write, in its transaction) has changed.
CREATE INDEX ix_visits_engineer_arrival ON visits (engineer_id, planned_arrival);

CREATE TABLE network_version (
    id     INT          NOT NULL PRIMARY KEY CHECK (id = 1),
    stamp  NVARCHAR(64) NOT NULL
);
INSERT INTO network_version (id, stamp) VALUES (1, 'initial');
