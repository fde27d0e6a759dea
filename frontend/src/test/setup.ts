// bootstrap-italia's bundle (loaded by design-react-kit) replaces
// process.env with a copy whose NODE_ENV is "production" when it loads,
// which would switch React to its production build in the middle of a
// test run: keep the test environment's process.env and its NODE_ENV.
const env = new Proxy(process.env, {
  set: (target, key, value) => key === "NODE_ENV" || Reflect.set(target, key, value),
});
Object.defineProperty(process, "env", { get: () => env, set: () => undefined, configurable: true });
