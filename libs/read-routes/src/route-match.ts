import { type ReadRoute, readRoutes } from './read-routes';

/** A read and the values of its `:params`, found by a path such as `plans/kommuneplan-2024`. */
export interface RouteMatch {
  readonly route: ReadRoute;
  readonly params: Readonly<Record<string, string>>;
}

/** The first read whose path fits (fixed paths come first in the table, as in the API's routing). */
export const matchRoute = (path: string): RouteMatch | undefined => {
  const segments = path.replace(/^\/+|\/+$/g, '').split('/');
  for (const route of readRoutes) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const fits = pattern.every((part, index) => {
      const segment = segments[index] ?? '';
      if (!part.startsWith(':')) return part === segment;
      params[part.slice(1)] = segment;
      return segment !== '';
    });
    if (fits) return { route, params };
  }
  return undefined;
};
