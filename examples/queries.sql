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
SELECT r.source_id, r.score, round(m.sentiment, 2) AS sentiment, m.text AS matched, r.text
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

-- 10. NPS by week, month or quarter with its 95% interval (adjusted Wald under 100 respondents);
--     small_sample = 1 flags periods under 30 respondents. See docs/statistics.md.
SELECT period, respondents, nps, nps_margin, nps_low, nps_high, nps_method, small_sample
FROM nps_by_period
WHERE granularity = 'month'
ORDER BY period;

-- 11. Theme drivers: the themes that move NPS the most, with the impact's 95% interval.
SELECT i.theme, s.label_en, s.share_pct, s.net_sentiment, i.nps_mentioners, i.impact,
       i.impact_low, i.impact_high, i.small_sample
FROM theme_impact i
JOIN theme_stats s ON s.theme = i.theme
ORDER BY abs(i.impact) DESC
LIMIT 10;

-- 12. What detractors talk about vs promoters (respondents and net sentiment per band).
SELECT d.theme, d.respondents AS detractors, d.net_sentiment AS detractor_net,
       p.respondents AS promoters, p.net_sentiment AS promoter_net
FROM theme_by_band d
LEFT JOIN theme_by_band p ON p.theme = d.theme AND p.band = 'promoter'
WHERE d.band = 'detractor'
ORDER BY d.respondents DESC;

-- 13. A theme quarter by quarter: volume, net sentiment and impact.
SELECT period, respondents, share_pct, net_sentiment, nps_mentioners, impact, impact_margin
FROM theme_by_period
WHERE granularity = 'quarter' AND theme = 'delivery'
ORDER BY period;

-- 14. NPS, detractor share and churn intent per channel (segment_nps has every segment column).
SELECT value AS channel, respondents, nps, nps_margin, detractor_pct, churn_intent_pct,
       small_sample
FROM segment_nps
WHERE lower(segment) IN ('channel', 'canale')
ORDER BY nps;

-- 15. Suggestions and complaints per theme.
SELECT theme, label_en, suggestions, complaints, questions, praise
FROM theme_stats
WHERE suggestions + complaints > 0
ORDER BY suggestions DESC, complaints DESC;

-- 16. Respondents per month: new, returning, without a respondent id, comments per respondent.
SELECT period, respondents, new_respondents, returning_respondents, unidentified_respondents,
       comments_per_respondent
FROM respondents_by_period
WHERE granularity = 'month'
ORDER BY period;

-- 17. Customers who answered more than once: first and last score, how they moved.
SELECT respondent_id, count(*) AS responses,
       min(response_date) AS first_date, max(response_date) AS last_date,
       (SELECT score FROM responses f WHERE f.respondent_id = r.respondent_id
        ORDER BY response_date LIMIT 1) AS first_score,
       (SELECT score FROM responses l WHERE l.respondent_id = r.respondent_id
        ORDER BY response_date DESC LIMIT 1) AS last_score
FROM responses r
WHERE respondent_id IS NOT NULL
GROUP BY respondent_id
HAVING count(*) > 1
ORDER BY responses DESC, respondent_id;
