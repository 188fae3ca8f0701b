-- grow school 1 to :n students, one certificate and one placement each; other data fixed
INSERT INTO student SELECT g, 1, 'L' || lpad(g::text, 7, '0'),
  (array['王','李','张','刘','陈','杨','赵','黄','周','吴'])[1 + g % 10] || (array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛'])[1 + (g / 10) % 15] || (array['华','明','平','刚','红','霞','峰','波','辉','玲','宇','鑫'])[1 + (g / 150) % 12]
  FROM generate_series((SELECT COALESCE(MAX(id), 0) + 1 FROM student), :n) g;
INSERT INTO certificate SELECT g, 1, g, NULL, NULL, 'SKILL', 2015 + g % 10 FROM generate_series((SELECT COALESCE(MAX(id), 0) + 1 FROM certificate), :n) g;
INSERT INTO internship SELECT g, 1, g, 1 + g % 2000, (array['PLANNED','IN_PROGRESS','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','ENDED_EARLY'])[1 + g % 10], date '2015-01-01' + (g % 3650)::int
  FROM generate_series((SELECT COALESCE(MAX(id), 0) + 1 FROM internship), :n) g;
VACUUM ANALYZE;
