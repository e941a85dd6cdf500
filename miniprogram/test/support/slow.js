// Journeys and screenshots talk to a real platform, which may share a busy machine: give each test time.
jest.setTimeout(180000);
