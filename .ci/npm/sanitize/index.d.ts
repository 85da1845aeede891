// "postview/sanitize" has the types of "postview"; only `sanitize`'s default differs (true).
export * from "../index.js";
