INSERT INTO staff SELECT g, 1, 'T' || lpad(g::text, 5, '0'), '教师' || g FROM generate_series(1, 300) g;
INSERT INTO trainee SELECT g, 1, '学员' || g FROM generate_series(1, 2000) g;
INSERT INTO enterprise SELECT g, '郑州' || (array['机械','电子','汽车','食品','建筑'])[1 + g % 5] || '有限公司' || g FROM generate_series(1, 2000) g;
