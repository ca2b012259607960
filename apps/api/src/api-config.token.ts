/** The service's `ApiConfig`, for providers that need more than the store. */
export const API_CONFIG = Symbol('API_CONFIG');
