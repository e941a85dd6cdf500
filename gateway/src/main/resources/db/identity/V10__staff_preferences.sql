-- A staff member's own display preferences, kept with the account so they follow the person to any computer.
-- large_text: the portal's age-friendly larger text (大字模式).
alter table staff_account add column large_text boolean not null default false;
