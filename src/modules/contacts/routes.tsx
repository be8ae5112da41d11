export function registerContactRoutes(): void {}
