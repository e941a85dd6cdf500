module.exports = {
  // Unit tests render with the official WXML compiler; on a busy 2-core machine the first render of a file is slow.
  testTimeout: 30000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/unit/**/*.test.js'],
    },
    {
      displayName: 'screenshots',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/screenshots/**/*.shots.js'],
      setupFilesAfterEnv: ['<rootDir>/test/support/slow.js'],
    },
    {
      displayName: 'journeys',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/journeys/**/*.test.js'],
      setupFilesAfterEnv: ['<rootDir>/test/support/slow.js'],

    },
  ],
};
