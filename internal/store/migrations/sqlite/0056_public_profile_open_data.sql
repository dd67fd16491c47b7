-- Two more parts the authority may publish, on its public page and as open data: its partnerships
-- (partner, countries, kind, dates) and its projects with their co-financing.
ALTER TABLE public_profiles ADD COLUMN show_partnerships BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE public_profiles ADD COLUMN show_projects BOOLEAN NOT NULL DEFAULT FALSE;
