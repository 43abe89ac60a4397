/** The JSON body of an HTTP error. */
export const errorBody = (message: string) => ({ error: message });
