// The throwaway redis-server lives in the test kit (the browser tests start one too).
export { startRedis, type TestRedis } from '@tengen/test-kit';
