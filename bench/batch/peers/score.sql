-- 6-item De Jong Gierveld scores in SQL (DuckDB): the benchmark's DuckDB peer.
-- Coding: 1 = no, 2 = more or less, 3 = yes (MANUAL); blanks and negative codes are missing.
-- {{INPUT}} and {{OUTPUT}} are replaced by the runner.
COPY (
  WITH points AS (
    SELECT *,
      coalesce(lone3 IN (2, 3), false)::INT + coalesce(lone9 IN (2, 3), false)::INT + coalesce(lone10 IN (2, 3), false)::INT AS e_points,
      coalesce(lone4 IN (1, 2), false)::INT + coalesce(lone7 IN (1, 2), false)::INT + coalesce(lone8 IN (1, 2), false)::INT AS s_points,
      (coalesce(lone3, -1) NOT BETWEEN 1 AND 3)::INT + (coalesce(lone9, -1) NOT BETWEEN 1 AND 3)::INT + (coalesce(lone10, -1) NOT BETWEEN 1 AND 3)::INT AS e_missing,
      (coalesce(lone4, -1) NOT BETWEEN 1 AND 3)::INT + (coalesce(lone7, -1) NOT BETWEEN 1 AND 3)::INT + (coalesce(lone8, -1) NOT BETWEEN 1 AND 3)::INT AS s_missing
    FROM read_csv('{{INPUT}}', header = true, columns = {
      'id': 'INTEGER', 'wave': 'INTEGER', 'lone1': 'INTEGER', 'lone2': 'INTEGER', 'lone3': 'INTEGER', 'lone4': 'INTEGER',
      'lone5': 'INTEGER', 'lone6': 'INTEGER', 'lone7': 'INTEGER', 'lone8': 'INTEGER', 'lone9': 'INTEGER', 'lone10': 'INTEGER', 'lone11': 'INTEGER'})
  ), scored AS (
    SELECT * EXCLUDE (e_points, s_points, e_missing, s_missing),
      CASE WHEN e_missing + s_missing <= 1 THEN coalesce(e_points, 0) + coalesce(s_points, 0) END AS total,
      CASE WHEN e_missing = 0 THEN e_points END AS emotional,
      CASE WHEN s_missing = 0 THEN s_points END AS social,
      e_missing + s_missing AS missing_items
    FROM points
  )
  SELECT * EXCLUDE (missing_items),
    CASE WHEN total <= 1 THEN 0 WHEN total <= 4 THEN 1 WHEN total <= 6 THEN 2 END AS category,
    CASE WHEN total <= 1 THEN 'not lonely' WHEN total <= 4 THEN 'moderately lonely' WHEN total <= 6 THEN 'severely lonely' END AS category_label,
    missing_items,
    CASE WHEN missing_items > 1 THEN missing_items || ' of 6 items missing; the total allows 1' END AS reason
  FROM scored
) TO '{{OUTPUT}}' (HEADER, DELIMITER ',');
