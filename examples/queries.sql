-- Ascolto: queries a CX manager runs on the database written by `ascolto analyze --db FILE`.
-- Open it with any SQL client (sqlite3, DB Browser for SQLite, DBeaver, Metabase): plain SQLite,
-- no extension needed. Run one query with:  sqlite3 -header -column ascolto-demo.db < query.sql

-- 1. NPS month by month (respondents with a score; NPS = % promoters - % detractors).
SELECT month, respondents, promoters, passives, detractors, nps
FROM nps_by_month;

-- 2. What do detractors talk about? Top-level themes by detractor respondents, with sentiment.
SELECT coalesce(t.parent, m.theme) AS theme,
       count(DISTINCT m.response_id) AS detractors,
       round(avg(m.sentiment), 2) AS mean_sentiment
FROM mentions m
JOIN responses r ON r.id = m.response_id
LEFT JOIN themes t ON t.id = m.theme
WHERE r.band = 'detractor'
GROUP BY 1
ORDER BY detractors DESC
LIMIT 10;

-- 3. Is delivery getting better? Monthly volume, sentiment and share of negative mentions.
SELECT month, sum(mentions) AS mentions, sum(respondents) AS respondents,
       round(avg(mean_sentiment), 2) AS mean_sentiment, max(negative_pct) AS worst_negative_pct
FROM theme_by_month
WHERE theme = 'delivery' OR theme LIKE 'delivery.%'
GROUP BY month
ORDER BY month;

-- 4. NPS by store (a segment column), largest stores first.
SELECT s.value AS store,
       count(r.score) AS respondents,
       round(100.0 * (sum(r.band = 'promoter') - sum(r.band = 'detractor')) / count(r.score), 1) AS nps
FROM responses r
JOIN segments s ON s.response_id = r.id AND s.name IN ('store', 'Negozio', 'Store')
WHERE r.score IS NOT NULL
GROUP BY s.value
ORDER BY respondents DESC;

-- 5. NPS by channel and month: where is it improving?
SELECT substr(r.response_date, 1, 7) AS month, s.value AS channel,
       count(r.score) AS n,
       round(100.0 * (sum(r.band = 'promoter') - sum(r.band = 'detractor')) / count(r.score), 1) AS nps
FROM responses r
JOIN segments s ON s.response_id = r.id AND lower(s.name) IN ('channel', 'canale')
WHERE r.score IS NOT NULL AND r.response_date IS NOT NULL
GROUP BY month, channel
ORDER BY month, channel;

-- 6. The most negative comments about customer service, with the words that matched.
SELECT r.respondent_id, r.score, round(m.sentiment, 2) AS sentiment, m.text AS matched, r.text
FROM mentions m
JOIN responses r ON r.id = m.response_id
WHERE m.theme = 'customer_service' OR m.theme LIKE 'customer_service.%'
ORDER BY m.sentiment
LIMIT 10;

-- 7. Theme summary: volume, mean sentiment, and the share of negative mentions.
SELECT s.theme, t.label_en, t.label_it, s.respondents, s.mean_sentiment, s.negative_pct
FROM theme_summary s
LEFT JOIN themes t ON t.id = s.theme;

-- 8. What did the last run reject, and why? (Nothing is dropped: rejected rows keep their raw text.)
SELECT file, line, col, severity, reason, substr(raw, 1, 60) AS raw
FROM rejects
WHERE run_id = (SELECT max(id) FROM runs)
ORDER BY file, line;

-- 9. Runs: when, what, and the row counts (read = new + updated + unchanged + rejected).
SELECT id, started_at, status, rows_read, rows_new, rows_updated, rows_unchanged, rows_rejected
FROM runs
ORDER BY id;
