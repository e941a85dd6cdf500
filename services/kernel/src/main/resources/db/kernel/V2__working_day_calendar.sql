-- The city's calendar of exceptions to the Monday–Friday working week: public holidays that fall on weekdays
-- (working = false) and make-up working days on weekends (调休, working = true). Administrators maintain it;
-- 2025 is filled in from the State Council General Office's holiday notice as a starting point.
create table calendar_day (
    day     date primary key,
    working boolean not null,
    name    text    not null
);

insert into calendar_day (day, working, name) values
 ('2025-01-01', false, '元旦'),
 ('2025-01-26', true,  '春节调休上班'),
 ('2025-01-28', false, '春节'), ('2025-01-29', false, '春节'), ('2025-01-30', false, '春节'),
 ('2025-01-31', false, '春节'), ('2025-02-03', false, '春节'), ('2025-02-04', false, '春节'),
 ('2025-02-08', true,  '春节调休上班'),
 ('2025-04-04', false, '清明节'),
 ('2025-04-27', true,  '劳动节调休上班'),
 ('2025-05-01', false, '劳动节'), ('2025-05-02', false, '劳动节'), ('2025-05-05', false, '劳动节'),
 ('2025-06-02', false, '端午节'),
 ('2025-09-28', true,  '国庆节、中秋节调休上班'),
 ('2025-10-01', false, '国庆节、中秋节'), ('2025-10-02', false, '国庆节、中秋节'), ('2025-10-03', false, '国庆节、中秋节'),
 ('2025-10-06', false, '国庆节、中秋节'), ('2025-10-07', false, '国庆节、中秋节'), ('2025-10-08', false, '国庆节、中秋节'),
 ('2025-10-11', true,  '国庆节、中秋节调休上班');
