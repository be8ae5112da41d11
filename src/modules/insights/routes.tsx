export function registerInsightsRoutes(): void {}
