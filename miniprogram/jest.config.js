module.exports = {
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
    },
    {
      displayName: 'journeys',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/journeys/**/*.test.js'],

    },
  ],
};
